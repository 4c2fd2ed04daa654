import { createHash } from "node:crypto";
import {
  type RateLimitStoreFactory,
  type ResponsesStore,
  StoreBusyError,
  type StoredResponse,
} from "@openclaw/chat-completions-server";
import { RedisStore } from "rate-limit-redis";
import { createClient } from "redis";
import type { Logger } from "../logger.js";
import type { StoreObserver } from "../metrics/store.js";
import { redactUrl } from "../redact.js";
import { decodeTurn, encodeTurn, sessionId } from "./encoding.js";
import { RedisUnavailableError } from "./redis-error.js";
import type { SessionLimits, SessionStore, StoredTurn } from "./types.js";

export type RedisClient = ReturnType<typeof createClient>;

export { RedisUnavailableError } from "./redis-error.js";

/** A Redis command that got no reply within `gateway.store.redis.commandTimeoutMs`. */
export class RedisTimeoutError extends Error {
  override name = "RedisTimeoutError";
}

/**
 * `command`, or a {@link RedisTimeoutError} once `ms` passed without its reply. The client's own
 * command timeout stops counting once a command is written, and a hung Redis (stopped, its host
 * unreachable) takes writes without ever answering: without a deadline of our own, every request
 * that needs Redis would hang with it. A late reply is read and dropped by the client.
 */
export function withDeadline<T>(command: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(`no reply from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([command, late]).finally(() => clearTimeout(timer));
}

/** node-redis refused a command because `maxQueuedCommands` were already waiting. */
const isQueueFull = (error: unknown) => error instanceof Error && error.message === "The queue is full";

/**
 * Whether Redis answers: a PING every `intervalMs`, which must be answered within `timeoutMs`.
 * `isReady` alone stays true while a connected Redis hangs. Read by `/readyz` and `/healthz`.
 */
export function watchRedis(
  client: RedisClient,
  { intervalMs, timeoutMs }: { intervalMs: number; timeoutMs: number },
): { reachable(): boolean; stop(): void } {
  let answered = true;
  let pinging = false;
  const timer = setInterval(() => {
    if (pinging) return;
    pinging = true;
    withDeadline(client.ping(), timeoutMs).then(
      () => {
        answered = true;
        pinging = false;
      },
      () => {
        answered = false;
        pinging = false;
      },
    );
  }, intervalMs);
  timer.unref();
  return { reachable: () => client.isReady && answered, stop: () => clearInterval(timer) };
}

/**
 * Connects to Redis or fails fast with a clear error. Once connected, a lost connection is
 * retried by itself (backoff up to 2 s); meanwhile commands fail at once instead of queueing,
 * so requests get clean errors rather than hanging. At most `maxQueuedCommands` commands wait
 * for replies (`gateway.store.redis.maxQueuedCommands`); past it a command fails at once.
 */
export async function connectRedis(
  url: string,
  logger: Logger,
  { maxQueuedCommands }: { maxQueuedCommands: number },
): Promise<RedisClient> {
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandsQueueMaxLength: maxQueuedCommands,
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

/**
 * express-rate-limit stores in Redis, so every process counts the same failures. Each command
 * is reported to `observer` as an operation of store `limiter` named by the command (`evalsha`,
 * `decr`, `del`, `script`).
 */
export function redisRateLimitStores(
  client: RedisClient,
  keyPrefix: string,
  commandTimeoutMs: number,
  observer?: StoreObserver,
): RateLimitStoreFactory {
  const send = (args: string[]): Promise<unknown> => {
    // A late reply fails the limiter's check, and `passOnStoreError` decides (as for Redis
    // down); a full command queue is overload here, which must not pass (StoreBusyError: 503).
    const reply = withDeadline(client.sendCommand(args), commandTimeoutMs).catch((error: unknown) => {
      throw isQueueFull(error) ? new StoreBusyError("Redis command queue full", { cause: error }) : error;
    });
    if (args[0] !== "SCRIPT" || args[1] !== "LOAD") return reply;
    // rate-limit-redis keeps its SCRIPT LOAD's promise for good: a rejected one would fail every
    // later check until a restart. A script's SHA is its SHA-1 whatever Redis says, so a failed
    // load still yields it; EVALSHA then answers NOSCRIPT and the store loads the script again.
    return reply.catch(() => createHash("sha1").update(String(args[2])).digest("hex"));
  };
  const report = (operation: string, failed: boolean) =>
    observer?.storeOperation({ store: "limiter", operation, failed });
  return (purpose) =>
    new RedisStore({
      prefix: `${keyPrefix}auth-${purpose}:`,
      sendCommand: (...args: string[]) => {
        const operation = String(args[0]).toLowerCase();
        return send(args).then(
          (reply) => {
            report(operation, false);
            return reply as never;
          },
          (error: unknown) => {
            report(operation, true);
            throw error;
          },
        );
      },
    });
}

/**
 * Appends one turn and keeps the list within both limits, atomically (a Lua script runs alone,
 * so concurrent turns from any number of processes are each stored once). The list's byte
 * total lives beside it (KEYS[2]), so an append costs the turn it adds and the turns it drops,
 * never a read of the whole list; a missing total (a list from an older version) is counted
 * once. Both keys get the TTL again on every append.
 */
const APPEND = `
local list, total_key = KEYS[1], KEYS[2]
local item, max_turns, max_bytes, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local total = tonumber(redis.call('GET', total_key) or '')
if total == nil then
  total = 0
  for _, old in ipairs(redis.call('LRANGE', list, 0, -1)) do total = total + #old end
end
local length = redis.call('RPUSH', list, item)
total = total + #item
while length > 1 and (length > max_turns or total > max_bytes) do
  total = total - #redis.call('LPOP', list)
  length = length - 1
end
if length == 1 then total = #item end
redis.call('PEXPIRE', list, ttl)
redis.call('SET', total_key, total, 'PX', ttl)
return length
`;

export interface RedisSessionOptions extends SessionLimits {
  /** A session's keys expire this long after its last append (`session.ttlMs`). */
  ttlMs: number;
  /** Each command fails after this long without a reply (`gateway.store.redis.commandTimeoutMs`). */
  commandTimeoutMs: number;
}

/**
 * Persistent sessions as Redis lists `<prefix>session:<hash>`, one element per turn (and their
 * byte totals `<prefix>session-bytes:<hash>`), within
 * `maxTurns` and `maxBytes` (oldest dropped first; a turn larger than `maxBytes` is not stored),
 * each expiring `ttlMs` after its last append.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly options: RedisSessionOptions,
  ) {}

  /** The session's list. */
  key(sessionKey: string): string {
    return `${this.keyPrefix}session:${sessionId(sessionKey)}`;
  }

  /** The byte total of the session's list. */
  totalKey(sessionKey: string): string {
    return `${this.keyPrefix}session-bytes:${sessionId(sessionKey)}`;
  }

  async load(sessionKey: string): Promise<StoredTurn[]> {
    const { maxTurns, maxBytes } = this.options;
    const items = await withDeadline(
      this.client.lRange(this.key(sessionKey), -maxTurns, -1),
      this.options.commandTimeoutMs,
    );
    // Newest first, within maxBytes: the list can hold more only until its next append after
    // maxBytes was lowered.
    const turns: StoredTurn[] = [];
    let bytes = 0;
    for (const item of items.reverse()) {
      bytes += Buffer.byteLength(item);
      if (bytes > maxBytes) break;
      const turn = decodeTurn(item);
      if (turn) turns.push(turn);
    }
    return turns.reverse();
  }

  async size(sessionKey: string): Promise<number> {
    const deadline = this.options.commandTimeoutMs;
    const total = await withDeadline(this.client.get(this.totalKey(sessionKey)), deadline);
    if (total !== null) return Math.min(Number(total), this.options.maxBytes);
    // A list from before byte totals were kept has none until its next append: assume it full.
    return (await withDeadline(this.client.exists(this.key(sessionKey)), deadline)) ? this.options.maxBytes : 0;
  }

  async append(sessionKey: string, turn: StoredTurn): Promise<boolean> {
    const { maxTurns, maxBytes, ttlMs } = this.options;
    const item = encodeTurn(turn);
    if (Buffer.byteLength(item) > maxBytes) return false;
    await withDeadline(
      this.client.eval(APPEND, {
        keys: [this.key(sessionKey), this.totalKey(sessionKey)],
        arguments: [item, String(maxTurns), String(maxBytes), String(ttlMs)],
      }),
      this.options.commandTimeoutMs,
    );
    return true;
  }
}

/** The only ids the Redis responses store keys: the gateway's response ids. */
const RESPONSE_ID = /^resp_[0-9a-f]{32}$/;

/**
 * Stored responses as Redis strings `<prefix>response:<id>` with the TTL as their expiry, so
 * any gateway process can retrieve or continue any response. Records larger than
 * `maxRecordBytes` are refused on read (never parsed). Each command fails after
 * `commandTimeoutMs` without a reply.
 */
export class RedisResponsesStore implements ResponsesStore {
  constructor(
    private readonly client: RedisClient,
    private readonly keyPrefix: string,
    private readonly maxRecordBytes: number,
    private readonly commandTimeoutMs: number,
  ) {}

  key(id: string): string {
    return `${this.keyPrefix}response:${id}`;
  }

  async get(id: string): Promise<StoredResponse | undefined> {
    if (!RESPONSE_ID.test(id)) return undefined;
    const size = await withDeadline(this.client.strLen(this.key(id)), this.commandTimeoutMs);
    if (size === 0) return undefined;
    if (size > this.maxRecordBytes) throw new Error(`response record over ${this.maxRecordBytes} bytes`);
    const json = await withDeadline(this.client.get(this.key(id)), this.commandTimeoutMs);
    return json === null ? undefined : (JSON.parse(json) as StoredResponse);
  }

  async size(id: string): Promise<number> {
    return RESPONSE_ID.test(id) ? await withDeadline(this.client.strLen(this.key(id)), this.commandTimeoutMs) : 0;
  }

  async put(id: string, value: StoredResponse, ttlMs: number): Promise<void> {
    if (!RESPONSE_ID.test(id)) throw new TypeError("not a response id");
    await withDeadline(this.client.set(this.key(id), JSON.stringify(value), { PX: ttlMs }), this.commandTimeoutMs);
  }

  async delete(id: string): Promise<boolean> {
    if (!RESPONSE_ID.test(id)) return false;
    return (await withDeadline(this.client.del(this.key(id)), this.commandTimeoutMs)) > 0;
  }
}
