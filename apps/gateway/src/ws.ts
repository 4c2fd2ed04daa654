import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import {
  AgentError,
  type AgentTurn,
  abortedWith,
  duplicateRunId,
  fromAgentError,
  type InFlightRuns,
  notFound,
  type OpenAIError,
  refuseUpgrade,
  selectAgent,
  selectSocketSession,
  shuttingDown,
  tooManyConnections,
  tooManyRuns,
  untilAborted,
} from "@openclaw/chat-completions-server";
import { type WebSocket, WebSocketServer } from "ws";
import type { Config } from "./config/schema.js";
import type { Logger } from "./logger.js";
import type { AgentRuntime } from "./runtime/agent-runtime.js";
import { type ClientFrame, errorFrame, type GatewayFrame, parseFrame, type RunFrame } from "./ws-frames.js";

export type { ClientFrame, GatewayFrame, WsError } from "./ws-frames.js";

/**
 * The gateway's WebSocket protocol (JSON text frames), on the gateway's port at `/` or `/ws`.
 * The upgrade request must carry `Authorization: Bearer <secret>`.
 *
 * Client to gateway (each frame checked whole, see ws-frames.ts):
 * - `{"type":"agent.run","id":"r1","message":"hi","agentId?":"main","sessionKey?":"…"}` runs one
 *   turn (session `agent:<agentId>:main`; a given key is namespaced like the HTTP header's,
 *   see the server package's session-key module);
 * - `{"type":"agent.cancel","id":"r1"}` aborts it.
 *
 * Gateway to client, per run: `{"type":"agent.event","id":"r1","event":{…}}` for each event
 * (`text`, `tool_call`, and last `done` with `finishReason` and `usage`), or
 * `{"type":"agent.error","id":"r1","error":{"message","type","param","code","status"}}`. A frame
 * the gateway cannot read gets `agent.error` (when it had a usable `id`) or `error`, with
 * `code: "invalid_frame"` and `param` naming the bad field.
 *
 * Limits (`gateway.ws`): runs per connection and per gateway (`too_many_runs`), the frame size,
 * and the bytes waiting to be sent: past `maxBufferedBytes` a connection's runs wait for the
 * socket (and its frames are not read), and one that stays past it for `slowReaderTimeoutMs`
 * is closed (1008). At most `maxConnections` connections are open (an upgrade past it is refused
 * with 503 before any 101), and every `pingIntervalMs` each is pinged: one that has neither
 * answered the last ping nor sent a frame since is cut off, so a peer gone without a FIN (a NAT
 * drop, a pulled cable) is not held for ever.
 */
export interface GatewaySocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Closes every connection for a shutdown: with 1001 at once when it has no run in progress,
   * else as soon as its last run ended (the drain ends them). A peer that has not answered the
   * close by `deadline` (a `Date.now()` time) is cut off then. Resolves once all are closed.
   */
  close(deadline: number): Promise<void>;
}

type Limits = Config["gateway"]["ws"];

/** Resolves when `promise` settles or `signal` aborts, whichever is first. */
function settledOrAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    void promise.then(done);
  });
}

/**
 * A connection's sending side. Past `maxBufferedBytes` waiting to be sent, a run's next frame
 * waits until the socket took the last one (as SSE waits for `drain`), and the connection's
 * input pauses, so a client that stops reading cannot make the gateway buffer without bound,
 * however many frames it sends. A connection that stays past the bound for
 * `slowReaderTimeoutMs` is closed with 1008 and cut off.
 *
 * "Waiting" counts every frame handed to the socket whose write has not called back, not just
 * `ws.bufferedAmount`: while the kernel takes writes at once the socket's buffer stays empty,
 * but each write's callback (holding its frame) waits on the tick queue, which runs only when
 * the runs' promise chains yield. An agent that answers without I/O (a cache, a stub) never
 * yields, and those callbacks grew the heap by megabytes per run.
 */
class Outbox {
  private stalled: NodeJS.Timeout | undefined;
  /** Bytes of frames handed to the socket whose write has not called back. */
  private unwritten = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: Limits,
    private readonly logger: Logger,
  ) {}

  /** Sends `frame`; resolves once the socket can take more (at once unless it is backed up, or `signal` aborts). */
  send(frame: GatewayFrame, signal?: AbortSignal): Promise<void> {
    if (this.ws.readyState !== this.ws.OPEN) return Promise.resolve();
    const text = JSON.stringify(frame);
    const bytes = Buffer.byteLength(text);
    this.unwritten += bytes;
    const written = new Promise<void>((resolve) =>
      this.ws.send(text, () => {
        this.unwritten -= bytes;
        this.check();
        resolve();
      }),
    );
    if (this.check()) return Promise.resolve();
    return signal ? settledOrAborted(written, signal) : Promise.resolve();
  }

  /** Whether the socket can take more; pauses or resumes reading and the slow-reader clock to match. */
  private check(): boolean {
    if (this.ws.readyState !== this.ws.OPEN || this.unwritten <= this.limits.maxBufferedBytes) {
      clearTimeout(this.stalled);
      this.stalled = undefined;
      if (this.ws.isPaused) this.ws.resume();
      return true;
    }
    if (!this.ws.isPaused) this.ws.pause();
    this.stalled ??= setTimeout(() => {
      this.logger.warn({ bufferedBytes: this.unwritten }, "websocket reader too slow; closing");
      // Not reading, it would never see the close frame: cut it off.
      this.ws.close(1008, "not reading");
      this.ws.terminate();
    }, this.limits.slowReaderTimeoutMs);
    return false;
  }

  dispose(): void {
    clearTimeout(this.stalled);
  }
}

export function createGatewaySocket(options: {
  runtime: AgentRuntime;
  /** Where runs are registered: the router's, so one drain ends HTTP and WebSocket runs alike. */
  runs: InFlightRuns;
  limits: Limits;
  /**
   * The gateway's auth gate at this door: `undefined` to upgrade, or the error to answer
   * (401, 429 with `Retry-After`), possibly after a store lookup.
   */
  authenticate(req: IncomingMessage): OpenAIError | undefined | Promise<OpenAIError | undefined>;
  isDraining(): boolean;
  logger: Logger;
}): GatewaySocket {
  const { runtime, runs, limits, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
  /** WebSocket runs in progress on every connection, for `maxRuns`. */
  let running = 0;
  /** Set by close(): connections end once idle. */
  let shutdown: { deadline: number } | undefined;
  /** Each connection's way to close once it has no run in progress. */
  const closeWhenIdle = new Set<() => void>();
  /** Connections that answered (a pong or any frame) since the last ping. */
  const alive = new WeakSet<WebSocket>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      // Paused for a reader that is behind: its pong may sit unread; the Outbox's slow-reader
      // clock bounds that connection instead.
      if (ws.isPaused) continue;
      if (!alive.delete(ws)) {
        logger.debug("websocket peer did not answer a ping; cutting it off");
        ws.terminate();
        continue;
      }
      ws.ping();
    }
  }, limits.pingIntervalMs);
  // Never what keeps the process up; close() stops it once every connection is gone.
  heartbeat.unref();
  wss.on("close", () => clearInterval(heartbeat));

  wss.on("connection", (ws: WebSocket) => {
    alive.add(ws);
    ws.on("pong", () => alive.add(ws));
    const mine = new Map<string, AbortController>();
    const out = new Outbox(ws, limits, logger);
    let cutOff: NodeJS.Timeout | undefined;
    const endIfIdle = () => {
      if (!shutdown || mine.size > 0 || cutOff) return;
      ws.close(1001, "gateway shutting down");
      cutOff = setTimeout(() => ws.terminate(), Math.max(0, shutdown.deadline - Date.now()));
    };
    closeWhenIdle.add(endIfIdle);

    /** Starts a run, or throws the error that refuses it. */
    function start(frame: RunFrame) {
      if (mine.has(frame.id)) throw duplicateRunId(frame.id);
      const agentId = selectAgent(frame.agentId, "openclaw", runtime.agents);
      if (mine.size >= limits.maxRunsPerConnection) throw tooManyRuns(limits.maxRunsPerConnection, "connection");
      if (running >= limits.maxRuns) throw tooManyRuns(limits.maxRuns, "gateway");
      const turn: AgentTurn = {
        agentId,
        ...selectSocketSession(frame.sessionKey, agentId),
        messages: [{ role: "user", content: frame.message }],
        params: {},
        model: `openclaw:${agentId}`,
      };
      const controller = runs.start({ agentId, door: "websocket" });
      mine.set(frame.id, controller);
      running++;
      run(frame.id, turn, controller)
        .catch((error: unknown) => {
          logger.error({ err: error, agentId }, "websocket run failed");
          return true;
        })
        .then((failed) => {
          runs.end(controller, failed);
          mine.delete(frame.id);
          running--;
          endIfIdle();
        });
    }

    /** Runs the turn to its end; resolves whether it failed. */
    async function run(id: string, turn: AgentTurn, controller: AbortController): Promise<boolean> {
      const { signal } = controller;
      let failure: OpenAIError | undefined;
      try {
        for await (const event of untilAborted(runtime.runTurn(turn, { signal }), signal)) {
          await out.send({ type: "agent.event", id, event }, signal);
        }
      } catch (error) {
        if (!signal.aborted && !(error instanceof AgentError))
          logger.error({ err: error, agentId: turn.agentId }, "websocket agent run failed");
        failure = fromAgentError(error);
      }
      // Ended by a drain: say so. Cancelled, or the connection went: no one to tell.
      const stopped = signal.aborted ? abortedWith(signal) : failure;
      if (stopped) void out.send(errorFrame(stopped, id));
      return failure !== undefined;
    }

    ws.on("message", (data: Buffer, isBinary) => {
      alive.add(ws);
      const parsed = parseFrame(data, isBinary);
      if ("error" in parsed) return void out.send(errorFrame(parsed.error, parsed.id));
      const frame: ClientFrame = parsed.frame;
      if (frame.type === "agent.cancel") return mine.get(frame.id)?.abort();
      try {
        start(frame);
      } catch (error) {
        void out.send(errorFrame(fromAgentError(error), frame.id));
      }
    });
    ws.on("close", () => {
      for (const controller of mine.values()) controller.abort();
      out.dispose();
      clearTimeout(cutOff);
      closeWhenIdle.delete(endIfIdle);
    });
    ws.on("error", (error) => logger.debug({ err: error }, "websocket error"));
  });

  return {
    handleUpgrade(req, socket, head) {
      const path = (req.url ?? "/").split("?")[0];
      if (path !== "/" && path !== "/ws") return refuseUpgrade(socket, notFound());
      const upgrade = (refused: OpenAIError | undefined) => {
        socket.off("error", ignore);
        if (refused) return refuseUpgrade(socket, refused);
        if (socket.destroyed) return;
        if (options.isDraining()) return refuseUpgrade(socket, shuttingDown());
        // After the gate, so a client without the secret still learns that (401/429), not this.
        if (wss.clients.size >= limits.maxConnections)
          return refuseUpgrade(socket, tooManyConnections(limits.maxConnections));
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
      };
      // Node leaves an upgraded socket without an error listener: a reset while the gate asks its
      // store (Redis) must not crash the process.
      const ignore = () => {};
      socket.on("error", ignore);
      const verdict = options.authenticate(req);
      if (verdict instanceof Promise) {
        verdict.then(upgrade, (error: unknown) => {
          logger.error({ err: error }, "websocket auth check failed");
          socket.destroy();
        });
      } else upgrade(verdict);
    },
    close(deadline) {
      shutdown = { deadline };
      const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
      for (const endIfIdle of closeWhenIdle) endIfIdle();
      return closed;
    },
  };
}
