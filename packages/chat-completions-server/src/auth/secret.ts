import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import { MAX_SECRET_LENGTH } from "./bearer.js";

/** How clients prove they may call the endpoint: the gateway's shared secret as a bearer token. */
export interface AuthOptions {
  mode: "token" | "password";
  token?: string;
  password?: string;
}

/**
 * Compares presented secrets with the configured one in constant time: both sides are hashed
 * (with a per-process salt) to equal-length digests first, so neither the secret's length nor
 * its content leaks through timing. One-shot `hash` rather than an Hmac object per request.
 */
export function createSecretCheck(auth: AuthOptions): (presented: string) => boolean {
  const secret = auth.mode === "token" ? auth.token : auth.password;
  if (!secret) throw new Error(`auth.mode "${auth.mode}" requires auth.${auth.mode} to be set`);
  if (secret.length > MAX_SECRET_LENGTH) {
    throw new Error(`auth.${auth.mode} is longer than ${MAX_SECRET_LENGTH} characters; no client could present it`);
  }
  const salt = randomBytes(32).toString("hex");
  const digest = (value: string) => Buffer.from(hash("sha256", salt + value, "hex"), "hex");
  const expected = digest(secret);
  return (presented) => timingSafeEqual(digest(presented), expected);
}
