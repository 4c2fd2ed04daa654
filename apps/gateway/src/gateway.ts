import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  answerErrors,
  authenticate,
  createAuthGate,
  createChatCompletionsRouter,
  expressClasses,
  hostNotAllowed,
  InFlightRuns,
  notFound,
  observeRequests,
  originNotAllowed,
  type ResponsesStore,
  refuseAndClose,
  refuseUpgrade,
  sendError,
  shuttingDown,
} from "@openclaw/chat-completions-server";
import express, { type Request } from "express";
import { bodyBudget } from "./body-budget.js";
import { chatPageRouter, loadChatPage } from "./chat-page.js";
import { requireSecret } from "./config/load.js";
import type { Config } from "./config/schema.js";
import { corsMiddleware, upgradeOriginCheck } from "./cors.js";
import { hostCheck } from "./hosts.js";
import { type Logger, requestLog } from "./logger.js";
import { createImageFetcher } from "./media/fetch-image.js";
import { createMetrics } from "./metrics/prometheus.js";
import { instrumentStore } from "./metrics/store.js";
import { createAgentRuntime } from "./runtime/agent-runtime.js";
import { series } from "./series.js";
import { FileResponsesStore } from "./store/file-responses.js";
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
  /** Overrides the responses store (file, or Redis when `gateway.store.redis` is set). */
  responses?: ResponsesStore;
}

export interface Gateway {
  /** `http://host:port`. */
  url: string;
  server: Server;
  /**
   * Resolves once the gateway is ready for work (the request validator compiled): until then
   * it listens, `/healthz` answers and `/readyz` says 503.
   */
  ready: Promise<void>;
  /**
   * Stops accepting; lets running turns (HTTP and WebSocket) finish for up to
   * `gateway.shutdownGraceMs`, ends the rest with `shutting_down`, then closes every socket.
   */
  close(): Promise<void>;
}

/** Whether `host` (a bound address) is reachable from this machine only. */
const isLoopback = (host: string) => host === "::1" || host.startsWith("127.");

export function bindAddress(bind: string): string {
  return bind === "loopback" ? "127.0.0.1" : bind === "lan" ? "0.0.0.0" : bind;
}

/** Starts the gateway: HTTP (chat completions, responses, /healthz) and WebSocket on one port. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, logger } = options;
  const secret = requireSecret(config);
  const redisConfig = config.gateway.store.redis;
  // Loaded only when configured: the Redis client alone costs ~150 ms and 8 MiB at start.
  const redisStore = redisConfig ? await import("./store/redis.js") : undefined;
  const redis =
    redisConfig && redisStore ? await redisStore.connectRedis(redisConfig.url, logger, redisConfig) : undefined;
  const redisHealth =
    redis && redisConfig && redisStore
      ? redisStore.watchRedis(redis, { intervalMs: redisConfig.pingIntervalMs, timeoutMs: redisConfig.pingTimeoutMs })
      : undefined;
  const metrics = config.gateway.metrics.enabled
    ? createMetrics({
        agents: config.agents.list.map((agent) => agent.id),
        runsInProgress: (): number => runs.size,
        cacheMs: config.gateway.metrics.cacheMs,
      })
    : undefined;
  const observer = metrics?.observer;
  /** Every run in progress, HTTP and WebSocket: one drain ends them all. */
  const runs = new InFlightRuns({ observer });
  const store =
    options.sessions ??
    (redis && redisConfig && redisStore
      ? new redisStore.RedisSessionStore(redis, redisConfig.keyPrefix, {
          ...config.session,
          commandTimeoutMs: redisConfig.commandTimeoutMs,
        })
      : new FileSessionStore(options.stateDir, config.session));
  const sessions = metrics ? instrumentStore("session", store, metrics.stores) : store;
  // Every door runs turns through this one runtime, which counts each run's tokens once.
  const runtime = createAgentRuntime(config, sessions, logger, observer);
  const endpoint = config.gateway.http.endpoints.chatCompletions;
  const responsesEndpoint = config.gateway.http.endpoints.responses;
  // A stored record holds the conversation (bounded by maxStoredBytes), its input items and the
  // response (each about as large): reads refuse anything past four times the bound.
  const maxRecordBytes = 4 * responsesEndpoint.maxStoredBytes;
  const fileResponses =
    responsesEndpoint.enabled && !options.responses && !redis
      ? new FileResponsesStore(options.stateDir, {
          maxRecordBytes,
          maxResponses: responsesEndpoint.maxStoredResponses,
        })
      : undefined;
  const responsesBackend =
    options.responses ??
    fileResponses ??
    (redis && redisConfig && redisStore
      ? new redisStore.RedisResponsesStore(redis, redisConfig.keyPrefix, maxRecordBytes, redisConfig.commandTimeoutMs)
      : undefined);
  const responsesStore =
    metrics && responsesBackend ? instrumentStore("response", responsesBackend, metrics.stores) : responsesBackend;

  const app = express();
  app.disable("x-powered-by");
  // Express's last-resort handler shows a stack outside production; ours answers first anyway.
  app.set("env", "production");
  // Nothing it answers is cacheable: hashing every body for an ETag would be wasted work.
  app.set("etag", false);
  app.set("trust proxy", config.gateway.trustProxy);
  // The front door, which every request passes: counted, logged, its Host checked, CORS.
  const front: express.RequestHandler[] = [];
  if (observer) front.push(observeRequests(observer));
  front.push(requestLog(logger));
  const host = bindAddress(options.bind ?? config.gateway.bind);
  // First of all, before CORS and auth: a request for a name not served (a page whose name DNS
  // rebinds to 127.0.0.1) is refused before its secret is looked at, and never counted.
  const hostAllowed = hostCheck({ bind: host, allowedHosts: config.gateway.http.allowedHosts });
  if (hostAllowed) {
    const lingerMs = endpoint.bodyTimeoutMs;
    front.push((req, res, next) => (hostAllowed(req) ? next() : refuseAndClose(res, hostNotAllowed(), lingerMs)));
  }
  // Before auth, so a preflight is answered without touching the failed-auth count, and before
  // every refusal (503 included), so a page on an allowed origin can read why it was refused.
  const cors = corsMiddleware(config.gateway.http.cors);
  if (cors) front.push(cors);
  app.use(series(...front));
  // One gate for every door (HTTP, the WebSocket upgrade, /metrics): one failed-auth count, one lockout.
  const authGate = createAuthGate({
    auth: { ...config.gateway.auth, token: secret, password: secret },
    rateLimitStore:
      redis && redisConfig && redisStore
        ? redisStore.redisRateLimitStores(redis, redisConfig.keyPrefix, redisConfig.commandTimeoutMs, metrics?.stores)
        : undefined,
    logger,
    observer,
  });
  const storeState = () => (redisHealth ? (redisHealth.reachable() ? "redis" : "redis-unavailable") : "file");
  // Before the drain's refusal: a load balancer must learn the gateway is draining, and a
  // scrape during the drain still counts.
  app.get("/readyz", (_req, res) => {
    const reasons = [
      ...(runs.draining ? ["draining"] : []),
      ...(router.warm ? [] : ["validator_not_warm"]),
      ...(redisHealth && !redisHealth.reachable() ? ["redis_unreachable"] : []),
    ];
    res.status(reasons.length === 0 ? 200 : 503).json({
      status: reasons.length === 0 ? "ready" : "not_ready",
      reasons,
      draining: runs.draining,
      validator: router.warm ? "warm" : "warming",
      store: storeState(),
    });
  });
  if (metrics) {
    const scrape: express.RequestHandler = (_req, res, next) => {
      metrics.text().then((text) => {
        res.setHeader("Content-Type", metrics.contentType);
        res.end(text);
      }, next);
    };
    const door = authenticate(authGate, config.gateway.http.endpoints.chatCompletions.bodyTimeoutMs, "metrics");
    if (config.gateway.metrics.auth) app.get("/metrics", door, scrape);
    else app.get("/metrics", scrape);
  }
  app.use(
    series(
      (_req, res, next) => (runs.draining ? sendError(res, shuttingDown()) : next()),
      bodyBudget(config.gateway.http.maxBodyBytesInFlight, endpoint.maxBodyBytes),
    ),
  );
  // Up as long as the process serves; the store's state is reported, not fatal.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", store: storeState() });
  });
  const router = createChatCompletionsRouter({
    enabled: endpoint.enabled,
    responses:
      responsesEndpoint.enabled && responsesStore
        ? {
            enabled: true,
            store: responsesStore,
            ttlMs: responsesEndpoint.ttlMs,
            maxStoredBytes: responsesEndpoint.maxStoredBytes,
            images: responsesEndpoint.images,
            files: responsesEndpoint.files,
            fetchImage: responsesEndpoint.images.allowUrl ? createImageFetcher(responsesEndpoint.images) : undefined,
            // One budget (session.maxLoadedBytes) for session history and chains.
            reserveLoad: runtime.reserveLoad,
          }
        : undefined,
    authGate,
    agents: runtime.agents,
    runAgent: runtime.runTurn,
    maxBodyBytes: endpoint.maxBodyBytes,
    maxJsonDepth: endpoint.maxJsonDepth,
    bodyTimeoutMs: endpoint.bodyTimeoutMs,
    keepAliveMs: endpoint.keepAliveMs,
    slowReaderTimeoutMs: endpoint.slowReaderTimeoutMs,
    images: endpoint.images,
    files: endpoint.files,
    // Remote images only when allowed: the fetcher holds the network rules (allowlist, no private addresses).
    fetchImage: endpoint.images.allowUrl ? createImageFetcher({ ...endpoint.images, logger }) : undefined,
    logger,
    runs,
  });
  app.use(router);
  // After the API: no API request has to cross the page's router on its way.
  if (endpoint.enabled && config.gateway.http.chatPage.enabled) app.use(chatPageRouter(await loadChatPage()));
  app.use((_req, res) => sendError(res, notFound()));
  // Any error a route passed on (the page's `/assets/%zz` included): the OpenAI body, never a stack.
  app.use(answerErrors(logger));

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
  // A browser page from an origin not allowed is refused before its secret is looked at: the
  // origin is not a guess at the secret, so it is not counted toward the lockout either.
  const originAllowed = upgradeOriginCheck(config.gateway.http.cors.allowedOrigins);
  server.on("upgrade", (req, duplex, head) => {
    if (hostAllowed && !hostAllowed(req)) return refuseUpgrade(duplex, hostNotAllowed());
    if (!originAllowed(req)) return refuseUpgrade(duplex, originNotAllowed());
    socket.handleUpgrade(req, duplex, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port ?? config.gateway.port, host, backlog: config.gateway.listenBacklog }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  if (metrics && !config.gateway.metrics.auth && !isLoopback(host)) {
    logger.warn(
      { bind: host },
      "gateway.metrics.auth is false on a non-loopback bind: anyone who reaches the port can scrape /metrics",
    );
  }
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // Listening before the validator is compiled: liveness answers at once, readiness once warm.
  const ready = router.ready.then(() =>
    logger.info(
      { url, chatCompletions: endpoint.enabled, responses: responsesEndpoint.enabled, agents: runtime.agents.list() },
      "gateway listening",
    ),
  );

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
      fileResponses?.close();
      redisHealth?.stop();
      await redis?.close().catch(() => redis.destroy());
      logger.info({ runsAtShutdown: running }, "gateway stopped");
    })();
    return closing;
  };
  return { url, server, ready, close };
}
