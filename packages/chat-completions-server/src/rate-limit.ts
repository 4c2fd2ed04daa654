import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from "express-rate-limit";
import { bearerSecret } from "./auth.js";
import { sendError, tooManyFailedAttempts } from "./errors.js";

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
  /** Runs before the secret check: refuses locked-out clients, counts this attempt. */
  middleware: RequestHandler[];
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
  if (options === false) return { middleware: [], succeeded: async () => {} };
  const maxAttempts = options?.maxAttempts ?? 10;
  const windowMs = options?.windowMs ?? 60_000;
  const lockoutMs = options?.lockoutMs ?? 300_000;
  const exemptLoopback = options?.exemptLoopback ?? true;
  const passOnStoreError = options?.passOnStoreError ?? true;

  const keyOf = (req: Request) => ipKeyGenerator(req.ip ?? "unknown");
  // Only requests that present a secret are guesses; exempt clients are never counted.
  const skip = (req: Request) =>
    bearerSecret(req.headers.authorization) === undefined || (exemptLoopback && loopback.test(req.ip ?? ""));

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
  const refuse = (res: Parameters<RequestHandler>[1], resetTime: Date | undefined) => {
    const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + lockoutMs) - Date.now()) / 1000));
    sendError(res, tooManyFailedAttempts(seconds));
  };

  const gate: RequestHandler = async (req, res, next) => {
    if (skip(req)) return next();
    try {
      const lock = await lockouts.get?.(keyOf(req));
      if (lock && lock.totalHits > 0) return refuse(res, lock.resetTime);
    } catch (error) {
      if (!passOnStoreError) return next(error);
    }
    next();
  };

  const failures = rateLimit({
    windowMs,
    limit: maxAttempts,
    store: makeStore("failures"),
    keyGenerator: keyOf,
    skip,
    passOnStoreError,
    standardHeaders: false,
    legacyHeaders: false,
    // We key by ipKeyGenerator and document `trust proxy`; its start-up checks only add noise.
    validate: false,
    handler: async (req, res, next) => {
      try {
        const { resetTime } = await lockouts.increment(keyOf(req));
        // A client whose lockout has run out starts again with a full set of attempts.
        await failures.resetKey(keyOf(req));
        refuse(res, resetTime);
      } catch (error) {
        if (passOnStoreError) next();
        else next(error);
      }
    },
  });

  return {
    middleware: [gate, failures],
    succeeded: async (req) => {
      if (skip(req)) return;
      try {
        await failures.resetKey(keyOf(req));
      } catch {
        // The count expires with its window anyway; a success must not fail on it.
      }
    },
  };
}
