import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import {
  AGENT_ID,
  AgentError,
  type AgentEvent,
  type AgentTurn,
  fromAgentError,
  type OpenAIError,
  refuseUpgrade,
} from "@openclaw/chat-completions-server";
import { type WebSocket, WebSocketServer } from "ws";
import type { Logger } from "./logger.js";
import type { AgentRuntime } from "./runtime/agent-runtime.js";

/**
 * The gateway's WebSocket protocol (JSON text frames), on the gateway's port at `/` or `/ws`.
 * The upgrade request must carry `Authorization: Bearer <secret>`.
 *
 * Client to gateway:
 * - `{"type":"agent.run","id":"r1","message":"hi","agentId?":"main","sessionKey?":"…"}` runs one
 *   turn (session `agent:<agentId>:main` unless a key is given);
 * - `{"type":"agent.cancel","id":"r1"}` aborts it.
 *
 * Gateway to client, per run: `{"type":"agent.event","id":"r1","event":{…}}` for each event
 * (`text`, `tool_call`, and last `done` with `finishReason` and `usage`), or
 * `{"type":"agent.error","id":"r1","error":{"message","type","code","status"}}`. A frame the
 * gateway cannot read gets `{"type":"error","error":{…}}`.
 */
export type ClientFrame =
  | { type: "agent.run"; id: string; message: string; agentId?: string; sessionKey?: string }
  | { type: "agent.cancel"; id: string };

export type GatewayFrame =
  | { type: "agent.event"; id: string; event: AgentEvent }
  | { type: "agent.error"; id: string; error: WsError }
  | { type: "error"; error: WsError };

export interface WsError {
  message: string;
  type: string;
  code: string | null;
  status: number;
}

const MAX_FRAME_BYTES = 1024 * 1024;

/** The same mapping as the HTTP endpoint's, so a failure reads the same on every transport. */
function toWsError(error: unknown): WsError {
  const { message, type, code, status } = fromAgentError(error);
  return { message, type, code, status };
}

export interface GatewaySocket {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection (their runs are aborted). */
  close(): void;
}

export function createGatewaySocket(options: {
  runtime: AgentRuntime;
  /**
   * The gateway's auth gate at this door: `undefined` to upgrade, or the error to answer
   * (401, 429 with `Retry-After`), possibly after a store lookup.
   */
  authenticate(req: IncomingMessage): OpenAIError | undefined | Promise<OpenAIError | undefined>;
  isDraining(): boolean;
  logger: Logger;
}): GatewaySocket {
  const { runtime, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  wss.on("connection", (ws: WebSocket) => {
    const runs = new Map<string, AbortController>();
    const send = (frame: GatewayFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };

    async function run(frame: Extract<ClientFrame, { type: "agent.run" }>) {
      const agentId = (frame.agentId ?? runtime.agents.defaultAgentId ?? "main").toLowerCase();
      if (!AGENT_ID.test(agentId) || !runtime.agents.list().includes(agentId)) {
        return send({
          type: "agent.error",
          id: frame.id,
          error: {
            message: `Unknown agent '${agentId}'.`,
            type: "invalid_request_error",
            code: "model_not_found",
            status: 404,
          },
        });
      }
      if (options.isDraining()) {
        return send({
          type: "agent.error",
          id: frame.id,
          error: { message: "The gateway is shutting down.", type: "api_error", code: "shutting_down", status: 503 },
        });
      }
      const controller = new AbortController();
      runs.set(frame.id, controller);
      const turn: AgentTurn = {
        agentId,
        sessionKey: frame.sessionKey ?? `agent:${agentId}:main`,
        sessionKind: "explicit",
        messages: [{ role: "user", content: frame.message }],
        params: {},
        model: `openclaw:${agentId}`,
      };
      try {
        for await (const event of runtime.runTurn(turn, { signal: controller.signal })) {
          if (controller.signal.aborted) break;
          send({ type: "agent.event", id: frame.id, event });
        }
      } catch (error) {
        if (!(error instanceof AgentError)) logger.error({ err: error, agentId }, "websocket agent run failed");
        send({ type: "agent.error", id: frame.id, error: toWsError(error) });
      } finally {
        runs.delete(frame.id);
      }
    }

    ws.on("message", (data, isBinary) => {
      let frame: ClientFrame;
      try {
        if (isBinary) throw new Error("binary");
        frame = JSON.parse(data.toString());
        if (typeof frame?.id !== "string" || frame.id === "") throw new Error("id");
        if (frame.type === "agent.run" && (typeof frame.message !== "string" || frame.message === ""))
          throw new Error("message");
        if (frame.type !== "agent.run" && frame.type !== "agent.cancel") throw new Error("type");
      } catch {
        return send({
          type: "error",
          error: {
            message:
              'Send JSON text frames: {"type":"agent.run","id":"…","message":"…"} or {"type":"agent.cancel","id":"…"}.',
            type: "invalid_request_error",
            code: "invalid_frame",
            status: 400,
          },
        });
      }
      if (frame.type === "agent.cancel") runs.get(frame.id)?.abort();
      else if (runs.has(frame.id))
        send({
          type: "agent.error",
          id: frame.id,
          error: {
            message: `A run with id '${frame.id}' is already in progress.`,
            type: "invalid_request_error",
            code: "duplicate_id",
            status: 400,
          },
        });
      else void run(frame);
    });
    ws.on("close", () => {
      for (const controller of runs.values()) controller.abort();
    });
    ws.on("error", (error) => logger.debug({ err: error }, "websocket error"));
  });

  return {
    handleUpgrade(req, socket, head) {
      const path = (req.url ?? "/").split("?")[0];
      const refuse = (status: number, reason: string) => {
        socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      if (path !== "/" && path !== "/ws") return refuse(404, "Not Found");
      const upgrade = (refused: OpenAIError | undefined) => {
        socket.off("error", ignore);
        if (refused) return refuseUpgrade(socket, refused);
        if (socket.destroyed) return;
        if (options.isDraining()) return refuse(503, "Service Unavailable");
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
    close() {
      // A close frame, not a reset: clients learn the gateway is going away (1001); runs abort.
      for (const client of wss.clients) client.close(1001, "gateway shutting down");
      wss.close();
    },
  };
}
