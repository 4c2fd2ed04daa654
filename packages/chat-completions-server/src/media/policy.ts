/**
 * The one policy for images and files in requests, whatever the endpoint: chat completions'
 * `image_url` and `file` parts, the Responses API's `input_image` and `input_file`. Transport
 * free: it takes the parts (each with the `param` path that names it in its request) and the
 * limits, and gives back normalised media or throws the OpenAI error for the first refused part.
 */
import { mediaRefused } from "../errors.js";
import { base64Size, decodeBase64Prefix, isBase64, parseDataUri } from "./data-uri.js";
import { checkFile } from "./files.js";
import { sniff } from "./sniff.js";

/** Limits of the images of one request. */
export interface ImagePolicy {
  /** Image parts one request may carry. Default 8. */
  maxParts: number;
  /** Largest image, decoded. Default 10 MiB. */
  maxBytes: number;
  /** All the request's images together, decoded. Default 20 MiB. */
  maxTotalBytes: number;
  /** Types an image may be, as sniffed from its bytes. Default jpeg, png, gif, webp. */
  allowedMimes: readonly string[];
}

/** Limits of the files of one request. */
export interface FilePolicy {
  /** File parts one request may carry. Default 8. */
  maxParts: number;
  /** Largest file, decoded; also the most text one file may turn into. Default 5 MiB. */
  maxBytes: number;
  /**
   * Longest a PDF may take to turn into text, from its arrival (its wait for a parse slot
   * included; in a child process, killed past it). Default 10 000 ms.
   */
  pdfTimeoutMs: number;
  /** Most pages of a PDF read; a longer one is refused. Default 100. */
  pdfMaxPages: number;
  /**
   * Most resident memory the child process parsing one PDF may reach; past it, it is killed and
   * the file refused (`file_too_large`: a decompression bomb). Default 256 MiB.
   */
  pdfMaxMemoryBytes: number;
  /** PDFs parsed at once, process-wide (each a child process). Default 2. */
  pdfConcurrency: number;
  /** PDFs waiting for a parse slot at most, process-wide; one more is 503 `server_busy`. Default 16. */
  pdfMaxQueued: number;
}

/**
 * Fetches a remote image for the policy; the host owns it, and with it every network rule
 * (allowed hosts, private addresses, redirects, timeouts). Resolves the body's bytes, at most
 * `maxBytes`; throws {@link ImageFetchRefused} to say why not.
 */
export type ImageFetcher = (url: URL, options: { maxBytes: number; signal?: AbortSignal }) => Promise<Uint8Array>;

/** Why an {@link ImageFetcher} gave no image; the message is the client's (no secrets, no addresses it resolved). */
export class ImageFetchRefused extends Error {
  override readonly name = "ImageFetchRefused";
  constructor(
    /** `not_allowed`: the host's rules refuse the URL; `too_large`: past `maxBytes`; `failed`: no usable answer. */
    readonly reason: "not_allowed" | "too_large" | "failed",
    message: string,
  ) {
    super(message);
  }
}

export interface MediaPolicy {
  images: ImagePolicy;
  files: FilePolicy;
  /** Fetches `http(s)` image URLs. Absent: remote URLs are refused (`image_url_not_allowed`). */
  fetchImage?: ImageFetcher;
}

export const DEFAULT_IMAGE_POLICY: Readonly<ImagePolicy> = Object.freeze({
  maxParts: 8,
  maxBytes: 10 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  allowedMimes: Object.freeze(["image/jpeg", "image/png", "image/gif", "image/webp"]),
});

export const DEFAULT_FILE_POLICY: Readonly<FilePolicy> = Object.freeze({
  maxParts: 8,
  maxBytes: 5 * 1024 * 1024,
  pdfTimeoutMs: 10_000,
  pdfMaxPages: 100,
  pdfMaxMemoryBytes: 256 * 1024 * 1024,
  pdfConcurrency: 2,
  pdfMaxQueued: 16,
});

/** A part to check, in the words of its request. */
export type MediaPart =
  | {
      kind: "image";
      /** Where the part is in its request, e.g. `messages[2].content[1].image_url`. */
      param: string;
      /** A base64 `data:` URI, or an `http(s)` URL the host may fetch. */
      url: string;
      detail?: "auto" | "low" | "high";
    }
  | {
      kind: "file";
      param: string;
      /** Base64 file data, bare or as a `data:` URI. Absent (only a file id): refused. */
      data?: string;
      filename?: string;
    };

/** An accepted image: its type sniffed from its bytes, and a `data:` URI that says so. */
export interface CheckedImage {
  kind: "image";
  param: string;
  mime: string;
  /** Decoded size. */
  bytes: number;
  /** `data:<mime>;base64,…`, with the sniffed type (a remote image is fetched and inlined). */
  url: string;
  detail?: "auto" | "low" | "high";
}

/** An accepted file, turned into text for the agent, inside untrusted-content markers. */
export interface CheckedFile {
  kind: "file";
  param: string;
  mime: string;
  bytes: number;
  filename?: string;
  /** The file's text, wrapped in markers that say it is untrusted content. */
  text: string;
}

export type CheckedMedia = CheckedImage | CheckedFile;

const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`);

/**
 * Checks the image and file parts of one request against `policy`, in order, and returns them
 * normalised (same order). Throws the 400 {@link mediaRefused} error of the first refused part.
 *
 * Memory: a data URI's base64 is validated in place and only its first bytes are decoded (to
 * sniff the type), so an image is never held twice; files (at most `files.maxBytes`) are decoded.
 *
 * @example
 * const media = await checkMedia(
 *   [{ kind: "image", param: "input[1].content[0].image_url", url: "data:image/png;base64,iVBOR…" }],
 *   { images: DEFAULT_IMAGE_POLICY, files: DEFAULT_FILE_POLICY },
 * );
 */
export async function checkMedia(
  parts: readonly MediaPart[],
  policy: MediaPolicy,
  signal?: AbortSignal,
): Promise<CheckedMedia[]> {
  const { images, files } = policy;
  let imageCount = 0;
  let fileCount = 0;
  // Counted before anything is decoded or fetched: a request over the count costs nothing.
  for (const part of parts) {
    if (part.kind === "image" && ++imageCount > images.maxParts) {
      throw mediaRefused("too_many_images", part.param, `A request may carry at most ${images.maxParts} images.`);
    }
    if (part.kind === "file" && ++fileCount > files.maxParts) {
      throw mediaRefused("too_many_files", part.param, `A request may carry at most ${files.maxParts} files.`);
    }
  }
  const checked: CheckedMedia[] = [];
  let totalImageBytes = 0;
  for (const part of parts) {
    if (part.kind === "file") {
      checked.push(await checkFile(part, files, signal));
      continue;
    }
    const image = await checkImage(part, policy, signal);
    totalImageBytes += image.bytes;
    if (totalImageBytes > images.maxTotalBytes) {
      throw mediaRefused(
        "image_too_large",
        part.param,
        `The images of a request may total at most ${size(images.maxTotalBytes)} decoded.`,
      );
    }
    checked.push(image);
  }
  return checked;
}

const notAllowed = (param: string, why: string) => mediaRefused("image_url_not_allowed", param, why);

async function checkImage(
  part: Extract<MediaPart, { kind: "image" }>,
  policy: MediaPolicy,
  signal: AbortSignal | undefined,
): Promise<CheckedImage> {
  const { param, url, detail } = part;
  const { maxBytes } = policy.images;
  const tooLarge = () => mediaRefused("image_too_large", param, `An image may be at most ${size(maxBytes)} decoded.`);
  const withDetail = (image: CheckedImage) => (detail ? { ...image, detail } : image);
  if (/^data:/i.test(url)) {
    const uri = parseDataUri(url);
    if (!uri?.base64) {
      throw mediaRefused("invalid_image_data", param, "An image data: URI must be base64 (data:<type>;base64,<data>).");
    }
    const bytes = base64Size(uri.payload);
    // Sized from the base64's length, before anything is decoded or scanned.
    if (bytes > maxBytes) throw tooLarge();
    if (bytes === 0 || !isBase64(uri.payload)) {
      throw mediaRefused("invalid_image_data", param, "The image's base64 data is empty or not valid base64.");
    }
    const mime = await allowedImageType(decodeBase64Prefix(uri.payload), param, policy);
    // The declared type is never trusted: the sniffed one replaces it (the base64 itself is reused).
    const normalised = uri.header === `data:${mime};base64` ? url : `data:${mime};base64,${uri.payload}`;
    return withDetail({ kind: "image", param, mime, bytes, url: normalised });
  }
  let remote: URL;
  try {
    remote = new URL(url);
  } catch {
    throw notAllowed(param, "The image URL is neither a base64 data: URI nor a valid URL.");
  }
  if (remote.protocol !== "http:" && remote.protocol !== "https:") {
    throw notAllowed(param, `Image URLs with the scheme '${remote.protocol.slice(0, 20)}' are not allowed; use https.`);
  }
  if (!policy.fetchImage) {
    throw notAllowed(
      param,
      "Remote image URLs are not allowed here (images.allowUrl is off); send a base64 data: URI.",
    );
  }
  let body: Uint8Array;
  try {
    body = await policy.fetchImage(remote, { maxBytes, signal });
  } catch (error) {
    if (!(error instanceof ImageFetchRefused)) throw error;
    if (error.reason === "too_large") throw tooLarge();
    throw mediaRefused(
      error.reason === "not_allowed" ? "image_url_not_allowed" : "image_fetch_failed",
      param,
      error.message,
    );
  }
  if (body.byteLength > maxBytes) throw tooLarge();
  if (body.byteLength === 0) throw mediaRefused("invalid_image_data", param, "The image URL answered no data.");
  const mime = await allowedImageType(body, param, policy);
  const bytes = body.byteLength;
  return withDetail({
    kind: "image",
    param,
    mime,
    bytes,
    url: `data:${mime};base64,${Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("base64")}`,
  });
}

/** The image's type from its first bytes, when the policy allows it. */
async function allowedImageType(head: Uint8Array, param: string, policy: MediaPolicy): Promise<string> {
  const mime = await sniff(head);
  if (!mime) {
    throw mediaRefused("unsupported_image_type", param, "The image data is not a recognised image format.");
  }
  if (!policy.images.allowedMimes.includes(mime)) {
    throw mediaRefused(
      "unsupported_image_type",
      param,
      `Images of type ${mime} are not accepted; send ${policy.images.allowedMimes.join(", ")}.`,
    );
  }
  return mime;
}
