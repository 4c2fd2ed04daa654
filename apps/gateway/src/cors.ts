import type { IncomingMessage } from "node:http";
import cors from "cors";
import type { RequestHandler } from "express";
import { type AllowedOrigin, originMatcher } from "./origins.js";

/** The methods our API answers to (the chat completions and responses endpoints, models). */
const METHODS = ["GET", "POST", "DELETE", "OPTIONS"];

/**
 * Request headers a cross-origin page may send: those the API reads (all that
 * `@openclaw/chat-completions-client` sends: these and the caller's own `headers`), and those
 * openai-node sends on every call or with its helpers (`stream()`, `runTools()`, pollers), which
 * a preflight would otherwise refuse before the request is ever made. A client that starts
 * sending another header must be added here, or browsers refuse its calls. Listed, not
 * reflected: the preflight's answer does not depend on what the page asks for.
 */
const ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "x-openclaw-agent-id",
  "x-openclaw-session-key",
  "openai-organization",
  "openai-project",
  "idempotency-key",
  "x-stainless-arch",
  "x-stainless-async",
  "x-stainless-custom-poll-interval",
  "x-stainless-helper-method",
  "x-stainless-lang",
  "x-stainless-os",
  "x-stainless-package-version",
  "x-stainless-poll-helper",
  "x-stainless-retry-count",
  "x-stainless-runtime",
  "x-stainless-runtime-version",
  "x-stainless-timeout",
];

/** Response headers a cross-origin page may read besides the safelisted ones. */
const EXPOSED_HEADERS = ["x-request-id", "retry-after"];

export interface CorsOptions {
  /** `gateway.http.cors.allowedOrigins`; empty: no CORS headers at all. */
  allowedOrigins: readonly AllowedOrigin[];
  /** `Access-Control-Max-Age`: how long a browser may reuse a preflight's answer. */
  maxAgeSeconds: number;
}

/**
 * CORS for the gateway's HTTP door (the `cors` middleware). Mounted before auth: a preflight
 * (`OPTIONS` with `Origin`) from an allowed origin is answered 204 at once, never reaching the
 * failed-auth gate, and an answer to an allowed origin (errors included, so a page can read a
 * 401 or a 429's `Retry-After`) carries `Access-Control-Allow-Origin`. Any other request,
 * including one from an origin not allowed, passes on without CORS headers and is handled as
 * without CORS; the browser then keeps the answer from the page. Credentials (cookies) are
 * never allowed: the gateway's secret travels in `Authorization`, which the page must send.
 * `undefined` when the list is empty.
 */
export function corsMiddleware(options: CorsOptions): RequestHandler | undefined {
  if (options.allowedOrigins.length === 0) return undefined;
  const allowed = originMatcher(options.allowedOrigins);
  const handle = cors({
    origin: (origin, callback) => callback(null, allowed(origin)),
    methods: METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: options.maxAgeSeconds,
    credentials: false,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    // Whether an answer carries CORS headers depends on Origin, for every answer a cache may keep.
    res.vary("Origin");
    handle(req, res, next);
  };
}

/**
 * The WebSocket upgrade's check of `Origin` against the same list: a browser always sends
 * `Origin` on a WebSocket handshake, and cannot be kept from reading the socket by CORS, so a
 * page from an origin not listed is refused here. No `Origin` (a program, not a browser) and
 * an empty list pass, as without CORS.
 */
export function upgradeOriginCheck(allowedOrigins: readonly AllowedOrigin[]): (req: IncomingMessage) => boolean {
  if (allowedOrigins.length === 0) return () => true;
  const allowed = originMatcher(allowedOrigins);
  return (req) => req.headers.origin === undefined || allowed(req.headers.origin);
}
