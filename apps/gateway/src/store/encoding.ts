import { createHash } from "node:crypto";
import { type ConversationMessage, sessionPlaceholder } from "@openclaw/chat-completions-server";
import type { StoredTurn } from "./types.js";

/** A lone (unpaired) UTF-16 surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;
/** A byte no UTF-8 text contains: it sets the hash input of ill-formed keys apart from every well-formed one. */
const ILL_FORMED = Buffer.from([0xff]);

/**
 * A session key as a fixed-length name for a file or a Redis key: keys are client-chosen text
 * (up to 512 characters, any printable character).
 *
 * Distinct keys get distinct ids. A well-formed key is hashed as its UTF-8 (ids of existing
 * sessions are kept); a key with a lone surrogate (a `user` from JSON may hold one) is not,
 * since UTF-8 encodes every lone surrogate as U+FFFD: `a\uD800`, `a\uDFFF` and `a\uFFFD` would
 * share one session. It is hashed as 0xFF (never in UTF-8) and its UTF-16 code units instead.
 */
export function sessionId(sessionKey: string): string {
  const hash = createHash("sha256");
  if (LONE_SURROGATE.test(sessionKey)) hash.update(ILL_FORMED).update(Buffer.from(sessionKey, "utf16le"));
  else hash.update(sessionKey);
  return hash.digest("hex").slice(0, 40);
}

type Part = Exclude<Extract<ConversationMessage, { role: "user" }>["content"], string>[number];
const isMedia = (part: Part) => sessionPlaceholder(part) !== undefined;

/**
 * The messages with every media part (image, file, audio) and every file's text replaced by a
 * short text placeholder (`[image/png 68 B]`, `[file a.pdf]`): a session keeps what was sent,
 * never its bytes or a file's text, so it does not grow with what users paste, and no later
 * turn re-sends an old image or file upstream.
 */
export function withoutMediaBytes(messages: ConversationMessage[]): ConversationMessage[] {
  return messages.map((message) => {
    if (message.role !== "user" || !Array.isArray(message.content) || !message.content.some(isMedia)) return message;
    return {
      ...message,
      content: message.content.map((part) => {
        const stand = sessionPlaceholder(part);
        return stand === undefined ? part : { type: "text", text: stand };
      }),
    } as ConversationMessage;
  });
}

/**
 * A turn as one stored record (a JSON line without its newline); its byte length is what
 * `maxBytes` counts. Media bytes are never stored (see {@link withoutMediaBytes}).
 */
export function encodeTurn(turn: StoredTurn): string {
  return JSON.stringify({ at: new Date().toISOString(), messages: withoutMediaBytes(turn.messages) });
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
