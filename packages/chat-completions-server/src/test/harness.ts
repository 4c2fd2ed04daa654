// Test helpers: the router in an Express app on a real loopback port. Answers are judged by
// the spec through @openclaw/contract-kit.
import { listen } from "@openclaw/contract-kit";
import express from "express";
import { type ChatCompletionsRouterOptions, createChatCompletionsRouter } from "../router.js";
import type { AgentEvent, AgentTurn, RunAgent } from "../types.js";

export { expectError, expectSchema, readSse, streamedText } from "@openclaw/contract-kit";

export const TOKEN = "test-token-7f3a9c";

/** An agent that replays `events` and records the turns it was given. */
export function scriptedAgent(events: AgentEvent[] | ((turn: AgentTurn) => AgentEvent[])) {
  const turns: AgentTurn[] = [];
  const runAgent: RunAgent = async function* (turn) {
    turns.push(turn);
    for (const event of typeof events === "function" ? events(turn) : events) yield event;
  };
  return { runAgent, turns };
}

export const helloAgent = () =>
  scriptedAgent([
    { type: "text", text: "Hello" },
    { type: "text", text: " world" },
    { type: "done", usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } },
  ]);

export interface TestServer {
  url: string;
  router: ReturnType<typeof createChatCompletionsRouter>;
  close(): Promise<void>;
}

/** Starts the router in an Express app on 127.0.0.1:0. */
export async function startServer(
  overrides: Partial<ChatCompletionsRouterOptions> = {},
  configure?: (app: express.Express) => void,
): Promise<TestServer> {
  const app = express();
  configure?.(app);
  const router = createChatCompletionsRouter({
    enabled: true,
    auth: { mode: "token", token: TOKEN },
    agents: { list: () => ["main", "beta"] },
    runAgent: helloAgent().runAgent,
    ...overrides,
  });
  app.use(router);
  await router.ready;
  const { url, close } = await listen(app);
  return { url, router, close };
}

export const chatRequest = (extra: Record<string, unknown> = {}) => ({
  model: "openclaw",
  messages: [{ role: "user", content: "hi" }],
  ...extra,
});

/** POSTs JSON to the chat endpoint with the test token unless `headers` say otherwise. */
export function postChat(url: string, body: unknown, headers: Record<string, string> = {}, init: RequestInit = {}) {
  return fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
}
