import { randomUUID } from "node:crypto";
import { invalidRequest, type OpenAIError } from "./errors.js";
import { randomHex } from "./ids.js";
import type { SessionKind } from "./types.js";

/**
 * Session keys, built here for every door (the HTTP endpoint, a host's WebSocket, its CLI), so
 * that a key means the same session wherever it is presented and no door can reach another's.
 *
 * Every key lives in its agent's namespace, `agent:<agentId>:`, and then in one of these
 * (agent ids never contain `:`, so no namespace is a prefix of another):
 *
 * | key | from |
 * | --- | --- |
 * | `agent:<id>:explicit:<key>` | a key the client chose: `x-openclaw-session-key`, a WebSocket `sessionKey` |
 * | `agent:<id>:openai-user:<user>` | the OpenAI `user` field |
 * | `agent:<id>:openai:<32 hex digits>` | neither: a fresh, ephemeral session per request |
 * | `agent:<id>:main` | a WebSocket run that names no session (`openclaw agent`) |
 *
 * A client's own key is never used as given: `agent:main:openai-user:alice` sent as an explicit
 * key is `agent:main:explicit:agent:main:openai-user:alice`, not alice's session, and the same
 * explicit key on two agents is two sessions.
 */

/** How a turn's session was chosen, as the router hands it to the agent. */
export interface SessionChoice {
  sessionKey: string;
  sessionKind: SessionKind;
}

/**
 * The longest key a client may choose, in characters. 512 holds any structured key a client
 * builds (a derived key such as `agent:<64-char id>:openai-user:<256-char user>` is 350) and
 * matches the spec's `maxLength` on `x-openclaw-session-key`, while a host that keeps a key in
 * memory per session (a lock, a counter) holds at most this much per entry.
 */
export const MAX_SESSION_KEY_LENGTH = 512;

/** OpenClaw's internal session kinds; a client may not choose a key that starts with one. */
export const RESERVED_SESSION_KEY_PREFIXES = ["subagent:", "cron:", "acp:"] as const;

/** The HTTP header that names a session. */
export const SESSION_KEY_HEADER = "x-openclaw-session-key";

// Control characters (C0, DEL, C1) and lone surrogates: invisible in logs, and a lone
// surrogate encodes to the same UTF-8 as any other, so two such keys would share a session.
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/u;

/**
 * Why `key` cannot be a client-chosen session key, as a 400 naming `param`, or `undefined`
 * when it can. Every door checks keys with this, so they refuse the same keys.
 *
 * @example
 * sessionKeyError("my-chat", "sessionKey"); // undefined
 * sessionKeyError("cron:nightly", "x-openclaw-session-key")?.code; // "reserved_session_key"
 */
export function sessionKeyError(key: unknown, param: string): OpenAIError | undefined {
  const invalid = (why: string) =>
    invalidRequest(`Invalid session key: '${param}' ${why}.`, param, "invalid_session_key");
  if (typeof key !== "string") return invalid("must be a string");
  if (key.length === 0) return invalid("must not be empty");
  if (key.length > MAX_SESSION_KEY_LENGTH) return invalid(`must be at most ${MAX_SESSION_KEY_LENGTH} characters`);
  if (UNPRINTABLE.test(key)) return invalid("must not contain control characters");
  const lower = key.toLowerCase();
  const reserved = RESERVED_SESSION_KEY_PREFIXES.find((prefix) => lower.startsWith(prefix));
  if (reserved)
    return invalidRequest(
      `Session keys starting with '${reserved}' are reserved for OpenClaw's internal sessions.`,
      param,
      "reserved_session_key",
    );
  return undefined;
}

/**
 * The session of a key the client chose, in its agent's namespace for chosen keys. Throws the
 * 400 of {@link sessionKeyError} for a key no door accepts.
 *
 * @example
 * explicitSessionKey("main", "my-chat", "sessionKey"); // "agent:main:explicit:my-chat"
 */
export function explicitSessionKey(agentId: string, key: unknown, param: string): string {
  const error = sessionKeyError(key, param);
  if (error) throw error;
  return `agent:${agentId}:explicit:${key as string}`;
}

/**
 * The stable session of an OpenAI `user` (bounded by the spec's `maxLength`).
 *
 * @example
 * userSessionKey("main", "alice"); // "agent:main:openai-user:alice"
 */
export const userSessionKey = (agentId: string, user: string) => `agent:${agentId}:openai-user:${user}`;

/**
 * A fresh key for a request that names no session; nothing is stored under it.
 *
 * @example
 * ephemeralSessionKey("main"); // "agent:main:openai:9f86…"
 */
export const ephemeralSessionKey = (agentId: string) => `agent:${agentId}:openai:${randomHex()}`;

/**
 * The session of a WebSocket run (`openclaw agent`) that names none.
 *
 * @example
 * mainSessionKey("main"); // "agent:main:main"
 */
export const mainSessionKey = (agentId: string) => `agent:${agentId}:main`;

/**
 * A new key for a client to choose, e.g. `openclaw chat`'s one session per run; it is sent as
 * `x-openclaw-session-key`, so it lands in the explicit namespace like any chosen key.
 *
 * @example
 * newSessionKey("chat"); // "chat:3b0c…"
 */
export const newSessionKey = (label: string) => `${label}:${randomUUID()}`;

/**
 * The HTTP endpoint's choice: `x-openclaw-session-key` (in the explicit namespace); else the
 * OpenAI `user`; else an ephemeral session. Throws a 400 naming the header for a bad key.
 *
 * @example
 * selectHttpSession("my-chat", undefined, "main"); // { sessionKey: "agent:main:explicit:my-chat", sessionKind: "explicit" }
 */
export function selectHttpSession(
  headerKey: string | undefined,
  user: string | undefined,
  agentId: string,
): SessionChoice {
  if (headerKey !== undefined)
    return { sessionKey: explicitSessionKey(agentId, headerKey, SESSION_KEY_HEADER), sessionKind: "explicit" };
  if (user) return { sessionKey: userSessionKey(agentId, user), sessionKind: "user" };
  return { sessionKey: ephemeralSessionKey(agentId), sessionKind: "ephemeral" };
}

/**
 * A WebSocket run's choice: its `sessionKey` (the same explicit namespace as the HTTP header: the
 * same secret holder chose it), else `agent:<id>:main`. Throws a 400 naming `param` for a bad key.
 *
 * @example
 * selectSocketSession(undefined, "main"); // { sessionKey: "agent:main:main", sessionKind: "explicit" }
 */
export function selectSocketSession(key: unknown, agentId: string, param = "sessionKey"): SessionChoice {
  const sessionKey = key === undefined ? mainSessionKey(agentId) : explicitSessionKey(agentId, key, param);
  return { sessionKey, sessionKind: "explicit" };
}
