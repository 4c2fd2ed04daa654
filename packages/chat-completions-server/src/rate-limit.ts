import type { NextFunction, Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from "express-rate-limit";
import { invalidApiKey, sendError, tooManyFailedAttempts } from "./errors.js";

/** Failed-auth lockout. Defaults match OpenClaw's `gateway.auth.rateLimit`. */
export interface RateLimitOptions {
  /** Wrong secrets allowed per client within `windowMs`; the next attempt locks the client out. Default 10. */
  maxAttempts?: number;
  /** The window in which failures are counted. Default 60 000. */
  windowMs?: number;
  /** How long a locked-out client is refused, even with the right secret. Default 300 000. */
  lockoutMs?: number;
  /** Never count or lock out loopback clients (127.0.0.0/8, ::1). Default true. */
  exemptLoopback?: boolean;
  /**
   * When the store fails (say Redis is down): `true` lets requests through unthrottled,
   * `false` answers 500. Default true: an outage of the limiter should not lock everyone out.
   */
  passOnStoreError?: boolean;
}

/**
 * Makes the stores behind the limiter. Called twice, once per purpose, because the two count
 * over different windows; give each its own key prefix (e.g. rate-limit-redis's `prefix`).
 */
export type RateLimitStoreFactory = (purpose: "failures" | "lockouts") => Store;

export interface FailedAuthLimiter {
  /**
   * Before the secret check: whether the client is locked out. Answers 429 itself and returns
   * false if so; a store failure passes (or is thrown) as `passOnStoreError` says.
   */
  admit(req: Request, res: Response): boolean | Promise<boolean>;
  /**
   * A wrong secret: counts it, locks the client out once it reaches `maxAttempts`, and answers
   * 401 (429 if concurrent guesses already went over).
   */
  failed: RequestHandler;
  /** The attempt had the right secret: forget the client's failures. */
  succeeded(req: Request): Promise<void>;
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Counts wrong secrets per client IP with express-rate-limit (so any of its stores, Redis
 * included, can hold the counts) and locks a client out for `lockoutMs` once it has used up
 * `maxAttempts` within `windowMs`.
 */
export function createFailedAuthLimiter(
  options: RateLimitOptions | false | undefined,
  makeStore: RateLimitStoreFactory = () => new MemoryStore(),
): FailedAuthLimiter {
  const unauthorized: RequestHandler = (_req, res) => sendError(res, invalidApiKey());
  if (options === false) return { admit: () => true, failed: unauthorized, succeeded: async () => {} };
  const maxAttempts = options?.maxAttempts ?? 10;
  const windowMs = options?.windowMs ?? 60_000;
  const lockoutMs = options?.lockoutMs ?? 300_000;
  const exemptLoopback = options?.exemptLoopback ?? true;
  const passOnStoreError = options?.passOnStoreError ?? true;

  // req.ip is a getter that re-parses the forwarding headers on every read: read it once.
  const clients = new WeakMap<Request, { key: string; exempt: boolean }>();
  const client = (req: Request) => {
    let known = clients.get(req);
    if (!known) {
      const ip = req.ip ?? "";
      known = { key: ipKeyGenerator(ip || "unknown"), exempt: exemptLoopback && loopback.test(ip) };
      clients.set(req, known);
    }
    return known;
  };
  const keyOf = (req: Request) => client(req).key;
  const exempt = (req: Request) => client(req).exempt;

  const lockouts = makeStore("lockouts");
  // Creating a limiter initialises its store with that window: for `lockouts` the window is the
  // lockout itself, so one hit there means locked until it expires. It never counts on its own.
  rateLimit({
    windowMs: lockoutMs,
    limit: Number.MAX_SAFE_INTEGER,
    store: lockouts,
    keyGenerator: keyOf,
    skip: () => true,
    standardHeaders: false,
    legacyHeaders: false,
    validate: false,
  });
  const refuse = (res: Response, resetTime: Date | undefined) => {
    const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + lockoutMs) - Date.now()) / 1000));
    sendError(res, tooManyFailedAttempts(seconds));
  };
  /** Locks the client out and forgets its failures: after the lockout it starts afresh. */
  const lockOut = async (req: Request) => {
    const { resetTime } = await lockouts.increment(keyOf(req));
    await failures.resetKey(keyOf(req));
    return resetTime;
  };

  const admit = async (req: Request, res: Response) => {
    try {
      const lock = await lockouts.get?.(keyOf(req));
      if (lock && lock.totalHits > 0) {
        refuse(res, lock.resetTime);
        return false;
      }
    } catch (error) {
      if (!passOnStoreError) throw error;
    }
    return true;
  };

  const failures = rateLimit({
    windowMs,
    limit: maxAttempts,
    store: makeStore("failures"),
    keyGenerator: keyOf,
    // Only wrong secrets reach it (see `failed`); exempt clients are never counted.
    skip: (req) => exempt(req),
    passOnStoreError,
    standardHeaders: false,
    legacyHeaders: false,
    // We key by ipKeyGenerator and document `trust proxy`; its start-up checks only add noise.
    validate: false,
    // Over the limit (concurrent guesses raced past the lockout): lock out now.
    handler: async (req, res, next) => {
      try {
        refuse(res, await lockOut(req));
      } catch (error) {
        if (passOnStoreError) unauthorized(req, res, next);
        else next(error);
      }
    },
  });

  /** After express-rate-limit counted the failure: lock out at the limit, answer 401. */
  const lockAtLimit = async (req: Request, res: Response, next: NextFunction) => {
    const used = (req as Request & { rateLimit?: { used: number } }).rateLimit?.used ?? 0;
    if (used >= maxAttempts) {
      try {
        await lockOut(req);
      } catch (error) {
        if (!passOnStoreError) return next(error);
      }
    }
    unauthorized(req, res, next);
  };

  return {
    // Locked-out state is only looked up for clients that can be locked out.
    admit: (req, res) => exempt(req) || admit(req, res),
    // express-rate-limit does async work before it even consults `skip`: call it only for failures.
    failed: (req, res, next) =>
      failures(req, res, (error?: unknown) => (error ? next(error) : void lockAtLimit(req, res, next))),
    succeeded: async (req) => {
      if (exempt(req)) return;
      try {
        await failures.resetKey(keyOf(req));
      } catch {
        // The count expires with its window anyway; a success must not fail on it.
      }
    },
  };
}
