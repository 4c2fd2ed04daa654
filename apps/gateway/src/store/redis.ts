import type { RateLimitStoreFactory } from "@openclaw/chat-completions-server";
import { RedisStore } from "rate-limit-redis";
import { createClient } from "redis";
import type { Logger } from "../logger.js";
import { redactUrl } from "../redact.js";
import { type SessionStore, type StoredTurn, sessionId } from "./file-sessions.js";
import { RedisUnavailableError } from "./redis-error.js";

export type RedisClient = ReturnType<typeof createClient>;

export { RedisUnavailableError } from "./redis-error.js";

/**
 * Connects to Redis or fails fast with a clear error. Once connected, a lost connection is
 * retried by itself (backoff up to 2 s); meanwhile commands fail at once instead of queueing,
 * so requests get clean errors rather than hanging.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisClient> {
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries, cause) => (connected ? Math.min(50 * 2 ** retries, 2000) : cause),
    },
  });
  let lastError = "";
  client.on("error", (error: Error) => {
    // Log each distinct failure once, not every retry.
    if (error.message !== lastError) logger.warn({ err: error.message }, "redis connection error");
    lastError = error.message;
  });
  client.on("ready", () => {
    if (connected && lastError) logger.info("redis connection restored");
    lastError = "";
  });
  try {
    await client.connect();
  } catch (error) {
    throw new RedisUnavailableError(`Cannot connect to Redis at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  connected = true;
  return client;
}

/** express-rate-limit stores in Redis, so every process counts the same failures. */
export function redisRateLimitStores(client: RedisClient, keyPrefix: string): RateLimitStoreFactory {
  return (purpose) =>
    new RedisStore({
      prefix: `${keyPrefix}auth-${purpose}:`,
      sendCommand: (...args: string[]) => client.sendCommand(args),
    });
}

/**
 * Persistent sessions as Redis lists, one element per turn. An append is RPUSH + LTRIM in one
 * MULTI, so concurrent turns from any number of processes are each stored once and the list
 * never exceeds the window.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly maxTurns: number,
  ) {}

  key(sessionKey: string): string {
    return `${this.keyPrefix}session:${sessionId(sessionKey)}`;
  }

  async load(sessionKey: string): Promise<StoredTurn[]> {
    const items = await this.client.lRange(this.key(sessionKey), -this.maxTurns, -1);
    return items.map((item) => ({ messages: (JSON.parse(item) as StoredTurn).messages }));
  }

  async append(sessionKey: string, turn: StoredTurn): Promise<void> {
    const key = this.key(sessionKey);
    await this.client
      .multi()
      .rPush(key, JSON.stringify({ at: new Date().toISOString(), messages: turn.messages }))
      .lTrim(key, -this.maxTurns, -1)
      .exec();
  }
}
