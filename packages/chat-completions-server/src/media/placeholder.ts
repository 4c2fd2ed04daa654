import type { ChatMessage } from "../types.js";
import { base64Size, parseDataUri } from "./data-uri.js";

type Part = Extract<ChatMessage, { role: "user" }>["content"] extends string | (infer P)[] ? P : never;

/** Controls and brackets, kept out of a file name shown inside a placeholder. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f[\]]/g;
const MIME = /^[a-z0-9.+-]{1,40}\/[a-z0-9.+-]{1,60}$/;

/** The type and decoded size of an image `data:` URI, read from its header and length (nothing decoded). */
export function describeImage(url: string): { mime: string; bytes: number } | undefined {
  const uri = parseDataUri(url);
  if (!uri?.base64) return undefined;
  // An unchecked (history) URI's type is the client's text: shown only when it looks like a type.
  return { mime: MIME.test(uri.mime) ? uri.mime : "image", bytes: base64Size(uri.payload) };
}

/**
 * A short text standing for a media part where its bytes are not kept or not shown: an earlier
 * turn's image, an image for a model that takes none, a stored session. `[image/png 68 B]`,
 * `[image]` (a URL), `[file report.pdf]`.
 */
export function placeholder(part: Part): string {
  if (part.type === "image_url") {
    const image = describeImage(part.image_url.url);
    return image ? `[${image.mime} ${image.bytes} B]` : "[image]";
  }
  if (part.type === "file") {
    const name = part.file.filename?.replace(UNSAFE_NAME, "").slice(0, 120);
    return name ? `[file ${name}]` : "[file]";
  }
  if (part.type === "input_audio") return "[audio]";
  return part.type === "text" ? part.text : "";
}

/**
 * Marks a text part made from a file with the placeholder that stands for it. A symbol: JSON
 * (a request upstream, an answer) never carries it; registered, so every copy of this package
 * reads the same mark.
 */
const STANDS_FOR = Symbol.for("openclaw.media.standsFor");

/**
 * A file's text (in its untrusted-content markers) as the text part the agent gets, marked so a
 * session keeps `[file report.pdf]` rather than the text (see {@link sessionPlaceholder}).
 */
export function fileTextPart(text: string, filename?: string): Part {
  const stand = placeholder({ type: "file", file: filename === undefined ? {} : { filename } });
  return { type: "text", text, [STANDS_FOR]: stand } as Part;
}

/**
 * What a session keeps instead of `part`: an image, audio or file part's placeholder, and for
 * a file's text (see {@link fileTextPart}) the file's; `undefined` for a part kept as it is.
 * A session so holds no media bytes and no file's text, and no later turn re-sends them upstream.
 */
export function sessionPlaceholder(part: Part): string | undefined {
  const stand = (part as { [STANDS_FOR]?: unknown })[STANDS_FOR];
  if (typeof stand === "string") return stand;
  return part.type === "image_url" || part.type === "file" || part.type === "input_audio"
    ? placeholder(part)
    : undefined;
}
