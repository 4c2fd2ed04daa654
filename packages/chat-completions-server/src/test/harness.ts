// Test helpers: a real server on a real loopback port, and the spec as the judge of every answer.
import type { AddressInfo } from "node:net";
import { Ajv2020 } from "ajv/dist/2020.js";
import express from "express";
import { expect } from "vitest";
import spec from "../generated/spec.js";
import { type ChatCompletionsRouterOptions, createChatCompletionsRouter } from "../router.js";
import type { AgentEvent, AgentTurn, RunAgent } from "../types.js";

export const TOKEN = "test-token-7f3a9c";

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ components: (spec as { components: unknown }).components }, "spec");

/** Asserts `value` matches `#/components/schemas/<name>` of the spec. */
export function expectSchema(name: string, value: unknown): void {
  const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  const ok = validate(value);
  expect(ok, `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`).toBe(true);
}

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

/** Starts the router in an Express app on 127.0.0.1:0 with test defaults (lockout off for loopback). */
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
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    router,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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

/** Reads an error response and checks it is an OpenAI error body. */
export async function expectError(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = await response.json();
  expectSchema("ErrorResponse", body);
  return body.error as { message: string; type: string; param: string | null; code: string | null };
}

export interface SseResult {
  chunks: Record<string, unknown>[];
  errors: Record<string, unknown>[];
  comments: string[];
}

/**
 * Reads a whole SSE body and checks its framing: `data: ` events separated by blank lines,
 * `[DONE]` last and once, every chunk valid against the spec, one id for the stream, and
 * exactly one finish chunk unless the stream ended with an error.
 */
export async function readSse(response: Response): Promise<SseResult> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  const text = await response.text();
  expect(text.endsWith("data: [DONE]\n\n"), `stream must end with [DONE]: ${JSON.stringify(text.slice(-80))}`).toBe(
    true,
  );
  const frames = text.slice(0, -2).split("\n\n");
  const result: SseResult = { chunks: [], errors: [], comments: [] };
  for (const [i, frame] of frames.entries()) {
    expect(frame).not.toContain("\n");
    if (frame.startsWith(":")) {
      result.comments.push(frame);
      continue;
    }
    expect(frame.startsWith("data: ")).toBe(true);
    const data = frame.slice(6);
    if (data === "[DONE]") {
      expect(i).toBe(frames.length - 1);
      continue;
    }
    const parsed = JSON.parse(data);
    if ("error" in parsed) {
      expectSchema("ErrorResponse", parsed);
      result.errors.push(parsed);
    } else {
      expectSchema("CreateChatCompletionStreamResponse", parsed);
      result.chunks.push(parsed);
    }
  }
  expect(new Set(result.chunks.map((c) => c.id)).size).toBe(1);
  const finishes = result.chunks.filter((c) =>
    (c.choices as { finish_reason: unknown }[]).some((choice) => choice.finish_reason !== null),
  );
  expect(finishes.length).toBe(result.errors.length > 0 ? 0 : 1);
  return result;
}

/** The text of a stream's content deltas, joined. */
export function streamedText(chunks: Record<string, unknown>[]): string {
  return chunks
    .flatMap((c) => (c.choices as { delta: { content?: string | null } }[]).map((choice) => choice.delta.content ?? ""))
    .join("");
}
