import type { ConversationMessage } from "@openclaw/chat-completions-server";

/** One finished turn: the messages it added (the new input, then the assistant's reply). */
export interface StoredTurn {
  messages: ConversationMessage[];
}

/** What a session may hold; the oldest turns are dropped first to stay within both. */
export interface SessionLimits {
  /** Turns kept and seen by the agent (`session.maxTurns`). */
  maxTurns: number;
  /** Bytes of stored turns kept (`session.maxBytes`); a turn larger than this alone is not kept. */
  maxBytes: number;
}

/**
 * Where persistent sessions live. Keys come from the server package's session-key module, so
 * every door (HTTP, WebSocket, CLI) names sessions the same way; stores only hash them.
 */
export interface SessionStore {
  /** The most recent turns of a session, oldest first, within the store's {@link SessionLimits}. */
  load(sessionKey: string): Promise<StoredTurn[]>;
  /**
   * The bytes a {@link load} of the session would read now (at most `maxBytes`; 0 for no
   * session), found without reading the turns: what a turn reserves of `session.maxLoadedBytes`.
   */
  size(sessionKey: string): Promise<number>;
  /**
   * Appends a finished turn durably, dropping the oldest turns past the limits; resolves only
   * once it would survive a crash. Resolves `false`, storing nothing, for a turn larger than
   * `maxBytes` on its own (the session keeps its earlier turns and keeps working).
   */
  append(sessionKey: string, turn: StoredTurn): Promise<boolean>;
}
