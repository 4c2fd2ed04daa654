// A real @openclaw/chat-completions-server on a loopback port, for the client's tests.
import type { AddressInfo } from "node:net";
import {
  AgentError,
  createChatCompletionsRouter,
  MemoryResponsesStore,
  type RunAgent,
} from "@openclaw/chat-completions-server";
import express from "express";

export const TOKEN = "client-test-token";

export interface Observed {
  aborted: number;
  turns: { agentId: string; sessionKey: string }[];
  /** Releases the agents that said `pause`. */
  resume(): void;
}

/**
 * Replies by the last user message: `slow` talks until aborted, `pause` falls silent after its
 * first word until `observed.resume()` (so keep-alive comments come between), `fail` and
 * `fail-midway` throw; `fail:<status>[:<code>]` throws that status before its first event,
 * `fail-midway:<status>[:<code>]` after a first word; `call-tool` calls the function `lookup`.
 */
export function testAgent(observed: Observed): RunAgent {
  return async function* (turn, { signal }) {
    observed.turns.push({ agentId: turn.agentId, sessionKey: turn.sessionKey });
    signal.addEventListener("abort", () => observed.aborted++);
    const last = turn.messages.at(-1);
    const text = typeof last?.content === "string" ? last.content : "";
    if (text === "fail") throw new AgentError("Upstream failed.", { status: 502 });
    const failing = /^(fail|fail-midway):(\d+)(?::(\w+))?$/.exec(text);
    if (failing) {
      if (failing[1] === "fail-midway") yield { type: "text", text: "partial" };
      throw new AgentError(`Failed with ${failing[2]}.`, { status: Number(failing[2]), code: failing[3] });
    }
    if (text === "fail-midway") {
      yield { type: "text", text: "partial" };
      throw new AgentError("Upstream rate limited.", { status: 429 });
    }
    if (text === "call-tool") {
      yield { type: "tool_call", index: 0, id: "call_1", name: "lookup", arguments: '{"q":' };
      yield { type: "tool_call", index: 0, arguments: '"x"}' };
      yield { type: "done" };
      return;
    }
    if (text === "slow") {
      for (let i = 0; i < 1000 && !signal.aborted; i++) {
        yield { type: "text", text: `${i} ` };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return;
    }
    if (text === "pause") {
      const resumed = new Promise<void>((resolve) => {
        observed.resume = resolve;
      });
      yield { type: "text", text: "echo:" };
      await resumed;
      yield { type: "text", text: " pause" };
    } else
      for (const word of ["echo:", ...text.split(" ")])
        yield { type: "text", text: word === "echo:" ? word : ` ${word}` };
    yield { type: "done", usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } };
  };
}

export async function startGateway() {
  const observed: Observed = { aborted: 0, turns: [], resume: () => {} };
  const app = express();
  app.set("trust proxy", true);
  // As the gateway does (its request log): every answer names its request.
  let requests = 0;
  app.use((_req, res, next) => {
    res.setHeader("x-request-id", `gw-${++requests}`);
    next();
  });
  const router = createChatCompletionsRouter({
    enabled: true,
    auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2, exemptLoopback: false } },
    agents: { list: () => ["main", "beta"] },
    runAgent: testAgent(observed),
    responses: { enabled: true, store: new MemoryResponsesStore() },
    keepAliveMs: 30,
    maxBodyBytes: 4096,
  });
  app.use(router);
  await router.ready;
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    observed,
    router,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
