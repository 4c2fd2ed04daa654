import type { ResponsesStore, StoredResponse } from "./types.js";

/** Default bound of {@link MemoryResponsesStore}. */
export const DEFAULT_MEMORY_STORE_MAX_ENTRIES = 1000;

/**
 * A responses store in process memory: for tests and single-process hosts without a disk.
 * Bounded to `maxEntries` (the oldest goes first) and by each entry's TTL; entries are copied
 * in and out as JSON, so a caller never shares an object with it.
 */
export class MemoryResponsesStore implements ResponsesStore {
  readonly #entries = new Map<string, { json: string; expiresAt: number }>();

  constructor(private readonly maxEntries = DEFAULT_MEMORY_STORE_MAX_ENTRIES) {}

  async get(id: string): Promise<StoredResponse | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(id);
      return undefined;
    }
    return JSON.parse(entry.json) as StoredResponse;
  }

  async put(id: string, value: StoredResponse, ttlMs: number): Promise<void> {
    this.#entries.delete(id);
    this.#entries.set(id, { json: JSON.stringify(value), expiresAt: Date.now() + ttlMs });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  async size(id: string): Promise<number> {
    const entry = this.#entries.get(id);
    return entry && entry.expiresAt > Date.now() ? Buffer.byteLength(entry.json) : 0;
  }

  async delete(id: string): Promise<boolean> {
    return this.#entries.delete(id);
  }
}
