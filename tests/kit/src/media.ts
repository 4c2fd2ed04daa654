// Small, real media for tests: images file-type recognises, a PDF pdf.js reads, data URIs.
import zlib from "node:zlib";

/** A 1x1 PNG (70 bytes). */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** A PNG of exactly `bytes` bytes (the 1x1 PNG, then zeros after its end). */
export const pngOfSize = (bytes: number) => Buffer.concat([PNG, Buffer.alloc(Math.max(0, bytes - PNG.length))]);

/** The start of a JPEG (enough for its magic number). */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0, 0, 0, 0]);

/** A BMP header: a real image type the default policy does not accept. */
export const BMP = Buffer.from([0x42, 0x4d, 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0, 1, 0, 0, 0, 1, 0]);

/** `data:<mime>;base64,<bytes>`. */
export const dataUri = (mime: string, bytes: Buffer | string) =>
  `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;

/** A PDF of `pages` pages, each showing `text` (ASCII, no parentheses or backslashes). */
export function pdf(text: string, pages = 1): Buffer {
  return pdfWithContents(Buffer.from(`BT /F1 24 Tf 10 100 Td (${text}) Tj ET`, "latin1"), "", pages);
}

/**
 * A decompression bomb: a PDF whose content stream (FlateDecode) inflates to `decodedMiB` MiB
 * of spaces, from about 1 KiB per MiB. Built from one compressed MiB repeated (each ends with a
 * full flush, so every copy decodes alike): no GiB is ever deflated here. With `pages`, every
 * page draws that one stream: a PDF that costs time (pages × MiB to scan) more than memory
 * (`pdfBomb(4, 100)` takes pdf.js over 10 s and under 100 MB).
 */
export function pdfBomb(decodedMiB: number, pages = 1): Buffer {
  const { deflateRawSync, constants } = zlib;
  const mib = deflateRawSync(Buffer.alloc(1024 * 1024, 32), { finishFlush: constants.Z_FULL_FLUSH });
  const tail = deflateRawSync(Buffer.from("BT /F1 24 Tf 10 100 Td (bomb) Tj ET", "latin1"));
  // A zlib header (deflate, 32 KiB window), the raw blocks; pdf.js does not check the trailing Adler-32.
  const stream = Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array(decodedMiB).fill(mib), tail, Buffer.alloc(4)]);
  return pdfWithContents(stream, "/Filter/FlateDecode", pages);
}

function pdfWithContents(stream: Buffer, filter: string, pages: number): Buffer {
  // 1 catalog, 2 pages, 3 font, 4 contents, then one object per page.
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(" ");
  const objects = [
    "<</Type/Catalog/Pages 2 0 R>>",
    `<</Type/Pages/Kids[${kids}]/Count ${pages}>>`,
    "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    `<</Length ${stream.length}${filter}>>stream\n${stream.toString("latin1")}\nendstream`,
    ...Array.from(
      { length: pages },
      () => "<</Type/Page/Parent 2 0 R/MediaBox[0 0 600 200]/Contents 4 0 R/Resources<</Font<</F1 3 0 R>>>>>>",
    ),
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj${object}endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
