import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { ipKeyGenerator } from "express-rate-limit";
import type { OpenAIError } from "../errors.js";
import { invalidApiKey } from "../errors.js";
import type { ServerObserver } from "../observer.js";
import type { Logger } from "../types.js";
import { bearerSecret, MAX_AUTHORIZATION_LENGTH } from "./bearer.js";
import { addressedToLoopback } from "./host.js";
import {
  type AuthClient,
  createFailedAuthLimiter,
  type RateLimitOptions,
  type RateLimitStoreFactory,
} from "./limiter.js";
import { type AuthOptions, createSecretCheck } from "./secret.js";

/** What {@link createAuthGate} needs. */
export interface AuthGateOptions {
  /** The bearer secret, and the failed-auth lockout (`false` turns it off). */
  auth: AuthOptions & { rateLimit?: RateLimitOptions | false };
  /** Stores for the failed-auth limiter (e.g. Redis, to share counts between processes). Default: bounded memory. */
  rateLimitStore?: RateLimitStoreFactory;
  /** Where auth failures and lockouts are logged (never the secret or the guess). Default: nowhere. */
  logger?: Logger;
  /** Told of every wrong secret and every lockout, by door (`authFailed`, `authLockout`). */
  observer?: ServerObserver;
}

/**
 * The one check every door of a host runs on a presented secret, with one failed-auth count
 * behind it: a wrong secret at any door counts at every door, and a locked-out client is
 * refused at every door.
 */
export interface AuthGate {
  /**
   * Checks the `Authorization` header of `req`, arriving at `door` (a name for the log, e.g.
   * `"http"` or `"websocket"`). Returns, or resolves to, `undefined` to let the request in, or
   * the error to answer: 401 `invalid_api_key`, 429 (locked out, with `Retry-After`), or 500
   * when the limiter's store failed and `passOnStoreError` is false. It returns without a
   * promise when no store lookup is needed (the right secret from an exempt client) or the
   * store answers synchronously (the default memory store).
   *
   * `clientIp` is the client's address as the host resolves it (Express's `req.ip`, which
   * honours `trust proxy`); without it, the TCP peer's. Whatever it returns, the lockout is
   * keyed on a normalised address, never on an arbitrary string.
   */
  check(
    req: IncomingMessage,
    door: string,
    clientIp?: () => string | undefined,
  ): OpenAIError | undefined | Promise<OpenAIError | undefined>;
}

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** Whether `req` says it was forwarded by a proxy, whatever we make of the claim. */
const forwarded = (req: IncomingMessage) =>
  req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;

/**
 * The lockout key of an address: an IPv4 address or an IPv6 network (express-rate-limit's
 * `ipKeyGenerator`, /56, so a host cannot rotate through its own network). Anything that is
 * not an address (a forwarding header a misconfigured hop count let through) counts as the
 * TCP peer, which is what we actually know.
 */
function keyOf(candidate: string | undefined, peer: string | undefined): string {
  for (const address of [candidate, peer]) {
    // A zone id (`fe80::1%eth0`) is the sender's own business, and unbounded.
    const ip = address?.split("%", 1)[0];
    if (ip && ip.length <= 45 && isIP(ip)) return ipKeyGenerator(ip);
  }
  return "unknown";
}

/**
 * A client whose key is worked out when first read: the right secret needs none while nobody
 * failed (or from an exempt client). A class, not an object literal with a getter: with a fresh
 * getter closure per request, every request survived every young-generation collection (at one
 * connection, megabytes promoted per collection and a 10 ms pause each; see
 * young-generation.test.ts). Something old kept each closure reachable: V8's inline caches are
 * the likely holder, not confirmed.
 */
class LazyClient implements AuthClient {
  #key: string | undefined;

  constructor(
    private readonly peer: string | undefined,
    private readonly clientIp: (() => string | undefined) | undefined,
    readonly exempt: boolean,
  ) {}

  get key(): string {
    this.#key ??= keyOf(this.clientIp?.() ?? this.peer, this.peer);
    return this.#key;
  }
}

/**
 * Makes the {@link AuthGate} a host shares between the router and its other doors (say a
 * WebSocket upgrade), so that all of them count against one lockout.
 *
 * @example
 * const gate = createAuthGate({ auth: { mode: "token", token: process.env.OPENCLAW_GATEWAY_TOKEN }, logger });
 * app.use(createChatCompletionsRouter({ enabled: true, authGate: gate, agents, runAgent }));
 * server.on("upgrade", async (req, socket, head) => {
 *   const refused = await gate.check(req, "websocket");
 *   if (refused) return refuseUpgrade(socket, refused);
 *   wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
 * });
 */
export function createAuthGate(options: AuthGateOptions): AuthGate {
  const isValid = createSecretCheck(options.auth);
  const limiter = createFailedAuthLimiter(
    options.auth.rateLimit,
    options.rateLimitStore,
    options.logger,
    options.observer,
  );
  const exemptLoopback = options.auth.rateLimit !== false && (options.auth.rateLimit?.exemptLoopback ?? true);

  const decide = (req: IncomingMessage, client: AuthClient, door: string) => {
    const header = req.headers.authorization;
    // Too long to be the secret: a wrong one, refused before it is scanned or hashed.
    if (header !== undefined && header.length > MAX_AUTHORIZATION_LENGTH) return limiter.failed(client, door);
    const secret = bearerSecret(header);
    // No secret presented at all is not a guess: refused, not counted.
    if (secret === undefined) return invalidApiKey();
    // The right secret is let in only if no guess counted meanwhile used up the client's attempts.
    return isValid(secret) ? limiter.confirm(client) : limiter.failed(client, door);
  };

  return {
    check(req, door, clientIp) {
      const peer = req.socket.remoteAddress;
      // A loopback peer asking for another name is a browser fooled by DNS rebinding, not a local program.
      const exempt =
        exemptLoopback && !forwarded(req) && peer !== undefined && LOOPBACK.test(peer) && addressedToLoopback(req);
      const client = new LazyClient(peer, clientIp, exempt);
      const admitted = limiter.admit(client);
      if (admitted instanceof Promise) return admitted.then((refused) => refused ?? decide(req, client, door));
      return admitted ?? decide(req, client, door);
    },
  };
}
