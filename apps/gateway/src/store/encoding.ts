import { createHash } from "node:crypto";
import type { StoredTurn } from "./types.js";

/**
 * A session key as a fixed-length name for a file or a Redis key: keys are client-chosen text
 * (up to 512 characters, any printable character).
 */
export function sessionId(sessionKey: string): string {
  return createHash("sha256").update(sessionKey).digest("hex").slice(0, 40);
}

/** A turn as one stored record (a JSON line without its newline); its byte length is what `maxBytes` counts. */
export function encodeTurn(turn: StoredTurn): string {
  return JSON.stringify({ at: new Date().toISOString(), messages: turn.messages });
}

/** A stored record back as a turn, or `undefined` for a torn or foreign one. */
export function decodeTurn(record: string): StoredTurn | undefined {
  try {
    const { messages } = JSON.parse(record) as Partial<StoredTurn>;
    return Array.isArray(messages) ? { messages } : undefined;
  } catch {
    return undefined; // A torn write from a crash: that turn never finished.
  }
}
