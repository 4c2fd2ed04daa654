/** A `data:` URI split at its comma; the payload is a slice of the URI, not a copy. */
export interface DataUri {
  /** Everything before the comma, lowercased: `data:image/png;base64`. */
  header: string;
  /** The declared media type (lowercased), or "" when none is given. */
  mime: string;
  base64: boolean;
  payload: string;
}

/** A header longer than this is no real data URI; the comma is not searched for past it. */
const MAX_HEADER = 256;

/** Parses `data:[<type>][;param…][;base64],<data>`, or `undefined` when `url` is no data URI. */
export function parseDataUri(url: string): DataUri | undefined {
  const comma = url.indexOf(",", 0);
  if (!/^data:/i.test(url) || comma < 0 || comma > MAX_HEADER) return undefined;
  const header = url.slice(0, comma).toLowerCase();
  const params = header.slice(5).split(";");
  const mime = params[0]?.trim() ?? "";
  return { header, mime, base64: params.at(-1) === "base64" && params.length > 1, payload: url.slice(comma + 1) };
}

/** Bytes `payload` decodes to, from its length alone (padding counted off). */
export function base64Size(payload: string): number {
  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}

const ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Whether `payload` is standard base64 (RFC 4648 alphabet, padding optional, no whitespace).
 * Checked without decoding: Node's decoder skips what it cannot read, so broken data would pass.
 */
export function isBase64(payload: string): boolean {
  if (!ALPHABET.test(payload)) return false;
  // Padded: whole groups of four. Unpadded: a last group of 2 or 3 characters, never 1.
  return payload.endsWith("=") ? payload.length % 4 === 0 : payload.length % 4 !== 1;
}

/** Bytes enough to sniff any type the policy knows (file-type reads at most 4100 for most). */
const SNIFF_BYTES = 4104;

/** Decodes the first {@link SNIFF_BYTES} of a (valid) base64 payload. */
export function decodeBase64Prefix(payload: string): Uint8Array {
  return Buffer.from(payload.slice(0, (SNIFF_BYTES / 3) * 4), "base64");
}

/** Decodes a whole (valid) base64 payload. */
export function decodeBase64(payload: string): Buffer {
  return Buffer.from(payload, "base64");
}
