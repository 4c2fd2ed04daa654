/**
 * The Responses API's side of the media policy: which `input_image` and `input_file` parts it
 * checks (the current turn's), how each is named in its request, and what is kept of them.
 */
import { mediaRefused } from "../errors.js";
import type { components } from "../generated/openapi.js";
import type { CreateResponseRequest } from "../responses/types.js";
import { placeholder } from "./placeholder.js";
import type { CheckedMedia, MediaPart } from "./policy.js";

type Schemas = components["schemas"];
type InputContent = Schemas["ResponseInputContent"];
/** An `input_image` or `input_file` part. */
export type ResponsesMediaContent = Schemas["ResponseInputImage"] | Schemas["ResponseInputFile"];
type Items = Exclude<CreateResponseRequest["input"], string | undefined>;

/** Longest remote image URL an input item keeps when stored; a longer one is stored as `null`. */
const MAX_KEPT_URL = 2048;

/**
 * The `param` naming a media part, as chat completions names its own: an image by its
 * `image_url` (`input[1].content[0].image_url`), a file by the part itself (`input[1].content[0]`),
 * which holds the file's fields as chat's `file` object does.
 */
export function responsesMediaParam(item: number, index: number, part: ResponsesMediaContent): string {
  return part.type === "input_image"
    ? `input[${item}].content[${index}].image_url`
    : `input[${item}].content[${index}]`;
}

const isMedia = (part: InputContent): part is ResponsesMediaContent =>
  part.type === "input_image" || part.type === "input_file";

/**
 * Index of the first item of the current turn: the one after the last assistant message or
 * `function_call` (the model's last say), as chat completions counts after its last assistant message.
 */
function turnStart(items: Items): number {
  return (
    items.findLastIndex(
      (item) =>
        item.type === "function_call" ||
        ((item.type === undefined || item.type === "message") && (item as { role?: string }).role === "assistant"),
    ) + 1
  );
}

/**
 * The image and file parts of the current turn's user messages, each named by its `param`
 * (see {@link responsesMediaParam}), for `checkMedia`. An `input_image` without `image_url`
 * (a `file_id`) and an `input_file` with only a `file_url` are refused here: the gateway keeps
 * no files and fetches no remote files. Earlier turns' media are history: never checked.
 */
export function responsesMediaParts(input: CreateResponseRequest["input"]): MediaPart[] {
  if (input === undefined || typeof input === "string") return [];
  const parts: MediaPart[] = [];
  for (let i = turnStart(input); i < input.length; i++) {
    const item = input[i] as Schemas["ResponseInputMessage"];
    if ((item.type !== undefined && item.type !== "message") || item.role !== "user") continue;
    if (!Array.isArray(item.content)) continue;
    item.content.forEach((part, j) => {
      if (!isMedia(part)) return;
      const param = responsesMediaParam(i, j, part);
      if (part.type === "input_image") {
        if (!part.image_url) {
          throw mediaRefused(
            "invalid_image_data",
            param,
            part.file_id
              ? "File ids are not supported here: send the image as `image_url` (a base64 data: URI)."
              : "An input_image needs `image_url` (a base64 data: URI).",
          );
        }
        // `original` is the Responses API's "no downscaling": the highest detail chat knows.
        const detail = part.detail === "original" ? "high" : part.detail;
        parts.push({ kind: "image", param, url: part.image_url, ...(detail && { detail }) });
        return;
      }
      if (part.file_data === undefined && part.file_url !== undefined) {
        throw mediaRefused(
          "invalid_file_data",
          param,
          "File URLs are not supported here: send the file's bytes as `file_data` (base64).",
        );
      }
      // A `file_id` alone reaches checkFile without data, which refuses it and says why.
      parts.push({
        kind: "file",
        param,
        ...(part.file_data !== undefined && { data: part.file_data }),
        ...(part.filename !== undefined && { filename: part.filename }),
      });
    });
  }
  return parts;
}

/**
 * The short text standing for a media part wherever its bytes are not kept: an earlier turn's
 * part, and every part in a stored conversation. A checked image is described by its sniffed
 * type and size (`[image/png 68 B]`), a file by its name (`[file report.pdf]`).
 */
export function responsesPlaceholder(part: ResponsesMediaContent, checked?: CheckedMedia): string {
  if (part.type === "input_file") {
    return placeholder({ type: "file", file: part.filename === undefined ? {} : { filename: part.filename } });
  }
  const url = checked?.kind === "image" ? checked.url : (part.image_url ?? "");
  return placeholder({ type: "image_url", image_url: { url } });
}

/** A remote URL short enough to keep in a stored item; anything else (a `data:` URI) is not kept. */
const keptUrl = (url: string | null | undefined): url is string =>
  typeof url === "string" && /^https?:\/\//i.test(url) && url.length <= MAX_KEPT_URL;

/**
 * A part as a stored input item keeps it: an image's `data:` URI becomes `image_url: null` (a
 * remote URL is kept), a file loses its `file_data`. A stored response holds no media bytes.
 */
export function withoutMediaBytes(part: InputContent): InputContent {
  if (part.type === "input_file") {
    const { file_data: _data, file_url: url, ...kept } = part;
    return keptUrl(url) ? { ...kept, file_url: url } : kept;
  }
  if (part.type !== "input_image" || part.image_url == null || keptUrl(part.image_url)) return part;
  return { ...part, image_url: null };
}
