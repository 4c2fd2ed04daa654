import { fileTypeFromBuffer } from "file-type";

/** The media type of `bytes` from their magic numbers (file-type), or `undefined` if unknown. */
export async function sniff(bytes: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(bytes))?.mime;
}
