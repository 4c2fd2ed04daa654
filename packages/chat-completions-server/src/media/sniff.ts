// file-type is ~2–3 MiB of RSS once loaded; only a request with an image or a file needs it.
let fileType: Promise<typeof import("file-type")> | undefined;

/** The media type of `bytes` from their magic numbers (file-type), or `undefined` if unknown. */
export async function sniff(bytes: Uint8Array): Promise<string | undefined> {
  // A failed import is not kept: the next request tries again.
  fileType ??= import("file-type").catch((error: unknown) => {
    fileType = undefined;
    throw error;
  });
  return (await (await fileType).fileTypeFromBuffer(bytes))?.mime;
}
