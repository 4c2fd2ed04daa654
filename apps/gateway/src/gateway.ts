import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createAuthGate,
  createChatCompletionsRouter,
  expressClasses,
  InFlightRuns,
  notFound,
  sendError,
  shuttingDown,
} from "@openclaw/chat-completions-server";
import express, { type Request } from "express";
import { requireSecret } from "./config/load.js";
import type { Config } from "./config/schema.js";
import { type Logger, requestLog } from "./logger.js";
import { createImageFetcher } from "./media/fetch-image.js";
import { createAgentRuntime } from "./runtime/agent-runtime.js";
import { FileSessionStore } from "./store/file-sessions.js";
import type { SessionStore } from "./store/types.js";
import { createGatewaySocket } from "./ws.js";

export interface GatewayOptions {
  config: Config;
  /** Where sessions are stored. */
  stateDir: string;
  logger: Logger;
  /** Overrides `gateway.port`. */
  port?: number;
  /** Overrides `gateway.bind`. */
  bind?: string;
  /** Overrides the file session store (e.g. Redis). */
  sessions?: SessionStore;
}

export interface Gateway {
  /** `http://host:port`. */
  url: string;
  server: Server;
  /**
   * Stops accepting; lets running turns (HTTP and WebSocket) finish for up to
   * `gateway.shutdownGraceMs`, ends the rest with `shutting_down`, then closes every socket.
   */
  close(): Promise<void>;
}

export function bindAddress(bind: string): string {
  return bind === "loopback" ? "127.0.0.1" : bind === "lan" ? "0.0.0.0" : bind;
}

/** Starts the gateway: HTTP (the chat completions endpoint, /healthz) and WebSocket on one port. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, logger } = options;
  const secret = requireSecret(config);
  const redisConfig = config.gateway.store.redis;
  // Loaded only when configured: the Redis client alone costs ~150 ms and 8 MiB at start.
  const redisStore = redisConfig ? await import("./store/redis.js") : undefined;
  const redis = redisConfig && redisStore ? await redisStore.connectRedis(redisConfig.url, logger) : undefined;
  const sessions =
    options.sessions ??
    (redis && redisConfig && redisStore
      ? new redisStore.RedisSessionStore(redis, redisConfig.keyPrefix, config.session)
      : new FileSessionStore(options.stateDir, config.session));
  const runtime = createAgentRuntime(config, sessions, logger);
  const endpoint = config.gateway.http.endpoints.chatCompletions;
  /** Every run in progress, HTTP and WebSocket: one drain ends them all. */
  const runs = new InFlightRuns();

  const app = express();
  app.disable("x-powered-by");
  // Nothing it answers is cacheable: hashing every body for an ETag would be wasted work.
  app.set("etag", false);
  app.set("trust proxy", config.gateway.trustProxy);
  app.use(requestLog(logger));
  app.use((_req, res, next) => (runs.draining ? sendError(res, shuttingDown()) : next()));
  // Up as long as the process serves; the store's state is reported, not fatal.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", store: redis ? (redis.isReady ? "redis" : "redis-unavailable") : "file" });
  });
  // One gate for every door (HTTP and the WebSocket upgrade): one failed-auth count, one lockout.
  const authGate = createAuthGate({
    auth: { ...config.gateway.auth, token: secret, password: secret },
    rateLimitStore:
      redis && redisConfig && redisStore ? redisStore.redisRateLimitStores(redis, redisConfig.keyPrefix) : undefined,
    logger,
  });
  const router = createChatCompletionsRouter({
    enabled: endpoint.enabled,
    authGate,
    agents: runtime.agents,
    runAgent: runtime.runTurn,
    maxBodyBytes: endpoint.maxBodyBytes,
    bodyTimeoutMs: endpoint.bodyTimeoutMs,
    keepAliveMs: endpoint.keepAliveMs,
    slowReaderTimeoutMs: endpoint.slowReaderTimeoutMs,
    images: endpoint.images,
    files: endpoint.files,
    // Remote images only when allowed: the fetcher holds the network rules (allowlist, no private addresses).
    fetchImage: endpoint.images.allowUrl ? createImageFetcher(endpoint.images) : undefined,
    logger,
    runs,
  });
  app.use(router);
  app.use((_req, res) => sendError(res, notFound()));

  const socket = createGatewaySocket({
    runtime,
    runs,
    limits: config.gateway.ws,
    logger,
    isDraining: () => runs.draining,
    // The upgrade request gets Express's request prototype, as every request Express handles
    // does (a no-op with expressClasses), so `req.ip` honours `trust proxy` as on HTTP.
    authenticate: (req: IncomingMessage) =>
      authGate.check(req, "websocket", () => (Object.setPrototypeOf(req, app.request) as Request).ip),
  });

  const server = createServer(
    {
      ...expressClasses(app),
      maxHeaderSize: config.gateway.maxHeaderBytes,
      headersTimeout: config.gateway.headersTimeoutMs,
      // Node checks these timeouts on this interval (default 30 s); check often enough to honour them.
      connectionsCheckingInterval: Math.min(1000, config.gateway.headersTimeoutMs),
    },
    app,
  );
  server.on("upgrade", (req, duplex, head) => socket.handleUpgrade(req, duplex, head));
  await router.ready;
  const host = bindAddress(options.bind ?? config.gateway.bind);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port ?? config.gateway.port, host, backlog: config.gateway.listenBacklog }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  logger.info({ url, chatCompletions: endpoint.enabled, agents: runtime.agents.list() }, "gateway listening");

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const grace = config.gateway.shutdownGraceMs;
      const running = runs.size;
      // From here new work is refused. Runs finish within the grace or end cleanly with
      // shutting_down (an SSE error event and [DONE], a 503, an agent.error frame).
      const drained = router.drain(grace);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Idle WebSocket connections get their close frame now, busy ones once their runs ended;
      // a peer that ignores it is cut off at the end of the grace.
      const sockets = socket.close(Date.now() + grace);
      await drained;
      await sockets;
      server.closeAllConnections();
      await closed;
      await redis?.close().catch(() => redis.destroy());
      logger.info({ runsAtShutdown: running }, "gateway stopped");
    })();
    return closing;
  };
  return { url, server, close };
}
