// file-type is ~2–3 MiB of RSS once loaded; only a request with an image or a file needs it.
let fileType: Promise<typeof import("file-type")> | undefined;

/** The media type of `bytes` from their magic numbers (file-type), or `undefined` if unknown. */
export async function sniff(bytes: Uint8Array): Promise<string | undefined> {
  fileType ??= import("file-type");
  return (await (await fileType).fileTypeFromBuffer(bytes))?.mime;
}
