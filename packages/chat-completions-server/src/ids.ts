import { randomFillSync } from "node:crypto";

/** Ids drawn per refill of {@link pool}: one system call for this many ids. */
const IDS_PER_REFILL = 256;
const ID_BYTES = 16;
const pool = Buffer.alloc(IDS_PER_REFILL * ID_BYTES);
let next = IDS_PER_REFILL;

/**
 * 32 random hex digits (128 bits from the CSPRNG), for ids like `chatcmpl-…` and `resp_…`.
 * Drawn from a pool refilled every 256 ids, as `randomUUID` does; unlike
 * `randomUUID().replaceAll("-", "")` it builds one string, not a UUID of ~20 joined pieces
 * and then a copy without its dashes, on every request.
 *
 * @example
 * `chatcmpl-${randomHex()}`; // "chatcmpl-9f86d081884c7d659a2feaa0c55ad015"
 */
export function randomHex(): string {
  if (next === IDS_PER_REFILL) {
    randomFillSync(pool);
    next = 0;
  }
  const start = next++ * ID_BYTES;
  return pool.toString("hex", start, start + ID_BYTES);
}
