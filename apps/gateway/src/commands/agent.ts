import { randomUUID } from "node:crypto";
import type { AgentEvent, Usage } from "@openclaw/chat-completions-server";
import WebSocket from "ws";
import type { ClientFrame, GatewayFrame } from "../ws.js";
import { gatewayTarget } from "./target.js";
import { forTerminal } from "./terminal.js";

export interface AgentCommandOptions {
  message: string;
  agent?: string;
  sessionKey?: string;
  json?: boolean;
  url?: string;
  config?: string;
}

/** What to tell the user when the gateway refuses the WebSocket upgrade. */
function refusal(status: number, retryAfter: string | undefined): string {
  if (status === 401) {
    return "The gateway refused the secret (HTTP 401): check the token or password in the config (gateway.auth) or OPENCLAW_GATEWAY_TOKEN / OPENCLAW_GATEWAY_PASSWORD.";
  }
  if (status === 429) {
    const seconds = Number(retryAfter);
    const wait = Number.isInteger(seconds) && seconds >= 0 ? `in ${seconds} s` : "later";
    return `The gateway locked this address out after too many wrong secrets (HTTP 429): check the secret, then try again ${wait}.`;
  }
  return `The gateway refused the connection: HTTP ${status}`;
}

/** One agent turn through the running gateway's WebSocket, streaming the reply to stdout. */
export async function agentCommand(
  options: AgentCommandOptions,
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const { url, secret } = await gatewayTarget(options);
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`, { headers: { authorization: `Bearer ${secret}` } });
  const id = randomUUID();
  const show = forTerminal(out);
  let text = "";
  const result = await new Promise<{ finishReason?: string; usage?: Usage }>((resolve, reject) => {
    ws.once("error", (error) =>
      reject(
        new Error(
          `Cannot reach the gateway at ${url} (${error.message}). Is it running? Start it with: openclaw gateway`,
        ),
      ),
    );
    ws.once("unexpected-response", (_req, res) => {
      res.resume();
      reject(new Error(refusal(res.statusCode ?? 0, res.headers["retry-after"])));
    });
    ws.once("open", () => {
      const frame: ClientFrame = {
        type: "agent.run",
        id,
        message: options.message,
        agentId: options.agent,
        sessionKey: options.sessionKey,
      };
      ws.send(JSON.stringify(frame));
    });
    ws.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as GatewayFrame;
      if (frame.type === "error" || frame.type === "agent.error") return reject(new Error(frame.error.message));
      const event: AgentEvent = frame.event;
      if (event.type === "text") {
        text += event.text;
        if (!options.json) out.write(show(event.text));
      } else if (event.type === "done") {
        resolve({ finishReason: event.finishReason, usage: event.usage });
      }
    });
    ws.once("close", () => reject(new Error("The gateway closed the connection before the turn finished.")));
  }).finally(() => ws.close());
  if (options.json) {
    out.write(
      `${JSON.stringify({ agentId: options.agent ?? null, sessionKey: options.sessionKey ?? null, text, ...result })}\n`,
    );
  } else {
    out.write("\n");
  }
}
