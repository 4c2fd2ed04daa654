import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { invalidApiKey, sendError } from "./errors.js";
import type { FailedAuthLimiter } from "./rate-limit.js";

/** How clients prove they may call the endpoint: the gateway's shared secret as a bearer token. */
export interface AuthOptions {
  mode: "token" | "password";
  token?: string;
  password?: string;
}

/** The secret presented as `Authorization: Bearer <secret>`, if any. */
export function bearerSecret(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S.*?)[ \t]*$/i.exec(header);
  return match?.[1];
}

/**
 * Compares presented secrets with the configured one in constant time: both sides are hashed
 * (with a per-process salt) to equal-length digests first, so neither the secret's length nor
 * its content leaks through timing. One-shot `hash` rather than an Hmac object per request.
 */
export function createSecretCheck(auth: AuthOptions): (presented: string) => boolean {
  const secret = auth.mode === "token" ? auth.token : auth.password;
  if (!secret) throw new Error(`auth.mode "${auth.mode}" requires auth.${auth.mode} to be set`);
  const salt = randomBytes(32).toString("hex");
  const digest = (value: string) => Buffer.from(hash("sha256", salt + value, "hex"), "hex");
  const expected = digest(secret);
  return (presented) => timingSafeEqual(digest(presented), expected);
}

/**
 * Authenticates before anything reads the body. A locked-out client is refused first; a wrong
 * secret is counted towards the lockout; a missing header is answered 401 but not counted (it
 * is not a guess); the right secret is never counted, however many requests arrive at once.
 * One handler, not a chain: a request with the right secret costs one lockout lookup at most.
 */
export function authenticate(auth: AuthOptions, limiter: FailedAuthLimiter): RequestHandler {
  const isValid = createSecretCheck(auth);
  const check: RequestHandler = (req, res, next) => {
    const secret = bearerSecret(req.headers.authorization);
    if (secret === undefined) return sendError(res, invalidApiKey());
    if (!isValid(secret)) return limiter.failed(req, res, next);
    // Forgetting past failures need not delay the request: with Redis it is a round trip.
    void limiter.succeeded(req);
    next();
  };
  return (req, res, next) => {
    const admitted = limiter.admit(req, res);
    if (admitted === true) return check(req, res, next);
    if (admitted === false) return;
    // A rejection (the store failed and must not be passed) reaches Express as next(error).
    return admitted.then((ok) => {
      if (ok) check(req, res, next);
    });
  };
}
