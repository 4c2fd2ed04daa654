import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import { authStoreUnavailable, invalidApiKey, type OpenAIError, serverBusy, tooManyFailedAttempts } from "../errors.js";
import type { ServerObserver } from "../observer.js";
import type { Logger } from "../types.js";
import { BoundedMemoryStore, DEFAULT_MAX_TRACKED_CLIENTS } from "./memory-store.js";

/** Failed-auth lockout. Defaults match OpenClaw's `gateway.auth.rateLimit`. */
export interface RateLimitOptions {
  /** Wrong secrets allowed per client within `windowMs`; the next attempt is refused. Default 10. */
  maxAttempts?: number;
  /**
   * The window in which failures are counted, from a client's first failure. A success does
   * not end it: the right secret from a shared address must not forgive someone else's
   * guesses. Default 60 000.
   */
  windowMs?: number;
  /** How long a locked-out client is refused, even with the right secret. Default 300 000. */
  lockoutMs?: number;
  /**
   * Never lock out loopback connections (127.0.0.0/8, ::1) that carry no `X-Forwarded-For` or
   * `Forwarded` header and whose `Host` is a loopback name (`localhost`, `127.x.x.x`, `[::1]`). A
   * forwarded request is never exempt, whatever its peer, nor one for another name (a page
   * whose name DNS rebinds to 127.0.0.1). Default true.
   */
  exemptLoopback?: boolean;
  /**
   * When the store fails (say Redis is down): `true` lets requests through unthrottled,
   * `false` answers 500. Default true: an outage of the limiter should not lock everyone out.
   * A store that throws {@link StoreBusyError} (overloaded here, not down) is answered 503
   * `server_busy` either way.
   */
  passOnStoreError?: boolean;
  /**
   * Clients the default memory stores track at most (each store: failures, lockouts); past it
   * the least recently seen is forgotten. Default 100 000. Not used with `rateLimitStore`.
   */
  maxTrackedClients?: number;
}

/**
 * Makes the stores behind the limiter. Called twice, once per purpose, because the two count
 * over different windows; give each its own key prefix (e.g. rate-limit-redis's `prefix`).
 */
export type RateLimitStoreFactory = (purpose: "failures" | "lockouts") => Store;

/** Who presents a secret, as the limiter sees it. */
export interface AuthClient {
  /** The normalised address: an IPv4 address or an IPv6 network, never longer than 45 characters. */
  key: string;
  /** Counted (for the log) but never locked out. */
  exempt: boolean;
}

/** The transport-free failed-auth limiter: what to answer, never how. */
export interface FailedAuthLimiter {
  /**
   * Before the secret is checked: `undefined` to go on, or the error to answer (429 for a
   * locked-out client). Synchronous when no store needs asking (an exempt client) or the store
   * answers synchronously (the memory store).
   */
  admit(client: AuthClient): Promise<OpenAIError | undefined> | OpenAIError | undefined;
  /**
   * A wrong secret at `door`: counts it, locks the client out once it reaches `maxAttempts`,
   * and resolves to the answer: 401, or 429 when concurrent guesses already went over.
   */
  failed(client: AuthClient, door: string): Promise<OpenAIError>;
  /**
   * The right secret, after {@link admit} let it through: `undefined` to let it in, or 429 when
   * the client's failures reached `maxAttempts` or it was locked out meanwhile. With a store
   * that has latency (Redis), every guess of a concurrent burst passes `admit` before any is
   * counted; without this check the right one among them would be let in, however many wrong
   * ones came before it. Synchronous when the client is never locked out or the store answers
   * synchronously.
   */
  confirm(client: AuthClient): Promise<OpenAIError | undefined> | OpenAIError | undefined;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

type Answer = OpenAIError | undefined;

/**
 * What a limiter store throws when it refuses a command because it is overloaded here (its own
 * command queue is full), not because the store is down. A burst of requests can cause that, so
 * it must not turn the lockout off as a store outage does under `passOnStoreError`: the attempt
 * is answered 503 `server_busy` instead.
 */
export class StoreBusyError extends Error {
  override name = "StoreBusyError";
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null | undefined)?.then === "function";

/**
 * `use(read())`, synchronously when the store answered synchronously (the memory store: no
 * promise, no wait for the right secret), else once its promise (or any thenable) settles;
 * `fail` answers a read, or a use of its value, that threw or rejected.
 */
function afterRead<T>(
  read: () => T | PromiseLike<T>,
  use: (value: T) => Answer | Promise<Answer>,
  fail: (error: unknown) => Answer,
): Answer | Promise<Answer> {
  let value: T | PromiseLike<T>;
  try {
    value = read();
    if (!isThenable(value)) return use(value);
  } catch (error) {
    return fail(error);
  }
  return Promise.resolve(value).then(use).catch(fail);
}

/**
 * Counts wrong secrets per client on express-rate-limit stores (memory, bounded, or any other
 * such as rate-limit-redis, to share counts between processes) and locks a client out for
 * `lockoutMs` once it has used up `maxAttempts` within `windowMs`. Logs the first failure of
 * each client per window and each lockout, so a flood of guesses is two log lines.
 *
 * `options: false` turns the lockout off; failures are still counted, for the log. `observer`
 * hears of every wrong secret and every lockout, with the door it came through.
 */
export function createFailedAuthLimiter(
  options: RateLimitOptions | false | undefined,
  makeStore?: RateLimitStoreFactory,
  logger: Logger = silent,
  observer?: ServerObserver,
): FailedAuthLimiter {
  const locks = options !== false;
  const limits = options || {};
  const maxAttempts = limits.maxAttempts ?? 10;
  const windowMs = limits.windowMs ?? 60_000;
  const lockoutMs = limits.lockoutMs ?? 300_000;
  const passOnStoreError = limits.passOnStoreError ?? true;
  const maxTracked = limits.maxTrackedClients ?? DEFAULT_MAX_TRACKED_CLIENTS;

  let evictionLogged = 0;
  const onEvict = () => {
    // Once per window: the operator learns the table is full, without a line per request.
    if (Date.now() - evictionLogged < windowMs) return;
    evictionLogged = Date.now();
    logger.warn({ maxTrackedClients: maxTracked }, "auth limiter full: forgetting the least recent clients");
  };
  const store = (purpose: "failures" | "lockouts", window: number) => {
    const made = makeStore ? makeStore(purpose) : new BoundedMemoryStore(maxTracked, onEvict);
    // What express-rate-limit does when a limiter is created: the store learns its window.
    void made.init?.({ windowMs: window } as Options);
    return made;
  };
  const failures = store("failures", windowMs);
  // One hit here is a lockout until it expires: its window is the lockout itself.
  const lockouts = store("lockouts", lockoutMs);
  /**
   * Whether no client can be locked out or near it: the default memory stores are both empty
   * (no wrong secret within a window). Then there is nothing to look up, not even the client's key.
   */
  const nobodyFailed =
    !makeStore && failures instanceof BoundedMemoryStore && lockouts instanceof BoundedMemoryStore
      ? () => failures.size === 0 && lockouts.size === 0
      : () => false;

  const retryAfter = (resetTime: Date | undefined) =>
    Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + lockoutMs) - Date.now()) / 1000));
  /**
   * A store failed: let the attempt through uncounted, or refuse it, as configured. A store too
   * busy to count is never passed: a burst could make it busy on purpose.
   */
  const storeFailed = (error: unknown, pass: OpenAIError | undefined) => {
    if (error instanceof StoreBusyError) return serverBusy("The failed-auth limiter is busy; try again shortly.");
    logger.debug({ err: error }, "auth limiter store failed");
    return passOnStoreError ? pass : authStoreUnavailable();
  };

  /** A client with a lockout in force is refused until it ends. */
  const lockedOut = (lock: ClientRateLimitInfo | undefined) =>
    lock && lock.totalHits > 0 ? tooManyFailedAttempts(retryAfter(lock.resetTime)) : undefined;
  const passOrRefuse = (error: unknown) => storeFailed(error, undefined);

  const admit = (client: AuthClient) => afterRead(() => lockouts.get?.(client.key), lockedOut, passOrRefuse);

  const failed = async (client: AuthClient, door: string) => {
    observer?.authFailed?.({ door });
    let failuresNow: number;
    try {
      failuresNow = (await failures.increment(client.key)).totalHits;
    } catch (error) {
      return storeFailed(error, invalidApiKey()) ?? invalidApiKey();
    }
    if (failuresNow === 1) logger.warn({ client: client.key, door, failures: 1 }, "auth failed");
    if (!locks || client.exempt || failuresNow < maxAttempts) return invalidApiKey();
    try {
      const { totalHits, resetTime } = await lockouts.increment(client.key);
      // After the lockout the client starts afresh.
      await failures.resetKey(client.key);
      if (totalHits === 1) {
        observer?.authLockout?.({ door });
        logger.warn({ client: client.key, door, failures: failuresNow, lockoutMs }, "auth lockout");
      }
      // The guess that reached the limit is told it was wrong; any beyond it, that it is locked out.
      return failuresNow === maxAttempts ? invalidApiKey() : tooManyFailedAttempts(retryAfter(resetTime));
    } catch (error) {
      return storeFailed(error, invalidApiKey()) ?? invalidApiKey();
    }
  };

  // Failures first, then the lockout: a lockout resets the failures only after it is set, so one
  // of the two reads sees a guess counted before this secret was checked.
  const confirm = (client: AuthClient) =>
    afterRead(
      () => failures.get?.(client.key),
      (failuresNow) =>
        failuresNow && failuresNow.totalHits >= maxAttempts
          ? tooManyFailedAttempts(retryAfter(undefined))
          : afterRead(() => lockouts.get?.(client.key), lockedOut, passOrRefuse),
      passOrRefuse,
    );

  return {
    admit: (client) => (locks && !client.exempt && !nobodyFailed() ? admit(client) : undefined),
    failed,
    confirm: (client) => (locks && !client.exempt && !nobodyFailed() ? confirm(client) : undefined),
  };
}
