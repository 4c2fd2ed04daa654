import { describe, expect, it } from "vitest";
import { randomHex } from "./ids.js";

describe("randomHex", () => {
  it("is 32 hex digits, and no two of a few pool refills repeat", () => {
    // 1,000 ids cross the pool's refill (every 256) three times.
    const ids = Array.from({ length: 1000 }, randomHex);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
