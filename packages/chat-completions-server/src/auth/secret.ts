import { hash, randomBytes } from "node:crypto";
import { MAX_SECRET_LENGTH } from "./bearer.js";

/** How clients prove they may call the endpoint: the gateway's shared secret as a bearer token. */
export interface AuthOptions {
  mode: "token" | "password";
  token?: string;
  password?: string;
}

/**
 * Compares presented secrets with the configured one without leaking either through timing:
 * both sides are hashed with a per-process random salt and the digests compared ("double
 * hashing"). Timing then tells at most how long a prefix two digests share, and without the
 * salt no one can steer a digest's bytes, so it says nothing about the secret or its length.
 * One-shot `hash` to a base64 string: no Hmac object, no Buffer, no hex decode per request.
 */
export function createSecretCheck(auth: AuthOptions): (presented: string) => boolean {
  const secret = auth.mode === "token" ? auth.token : auth.password;
  if (!secret) throw new Error(`auth.mode "${auth.mode}" requires auth.${auth.mode} to be set`);
  if (secret.length > MAX_SECRET_LENGTH) {
    throw new Error(`auth.${auth.mode} is longer than ${MAX_SECRET_LENGTH} characters; no client could present it`);
  }
  const salt = randomBytes(32).toString("base64");
  const digest = (value: string) => hash("sha256", salt + value, "base64");
  const expected = digest(secret);
  return (presented) => digest(presented) === expected;
}
