import { afterEach, describe, expect, it } from "vitest";
import { AgentError } from "./errors.js";
import {
  chatRequest,
  expectError,
  expectSchema,
  postChat,
  scriptedAgent,
  startServer,
  type TestServer,
} from "./test/harness.js";
import type { RunAgent } from "./types.js";

let server: TestServer;
afterEach(() => server?.close());

describe("non-streaming completions", () => {
  it("answers a chat.completion with the agent's text, echoed model and real usage", async () => {
    server = await startServer();
    const response = await postChat(server.url, chatRequest({ model: "openclaw:main" }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expectSchema("CreateChatCompletionResponse", body);
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "openclaw:main",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Hello world", refusal: null },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    });
    expect(body.id).toMatch(/^chatcmpl-[0-9a-f]{32}$/);
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it("returns client tool calls with finish_reason tool_calls", async () => {
    const { runAgent } = scriptedAgent([
      { type: "tool_call", index: 0, id: "call_1", name: "get_weather", arguments: '{"city":' },
      { type: "tool_call", index: 0, arguments: '"Paris"}' },
      { type: "done" },
    ]);
    server = await startServer({ runAgent });
    const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }];
    const body = await (await postChat(server.url, chatRequest({ tools }))).json();
    expectSchema("CreateChatCompletionResponse", body);
    expect(body.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        content: null,
        tool_calls: [
          { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        ],
      },
    });
  });

  it("passes the agent a structured turn: system joined, conversation kept, parameters mapped", async () => {
    const agent = scriptedAgent([{ type: "done", finishReason: "length" }]);
    server = await startServer({ runAgent: agent.runAgent });
    const body = await (
      await postChat(server.url, {
        model: "openclaw",
        messages: [
          { role: "system", content: "Be brief." },
          { role: "developer", content: [{ type: "text", text: "Use French." }] },
          { role: "user", content: "hi" },
          { role: "assistant", content: "salut" },
          { role: "user", content: [{ type: "text", text: "again" }] },
        ],
        temperature: 0.2,
        max_tokens: 50,
        stop: "END",
        seed: 7,
        user: "alice",
      })
    ).json();
    expect(body.choices[0].finish_reason).toBe("length");
    const [turn] = agent.turns;
    expect(turn).toMatchObject({
      agentId: "main",
      sessionKind: "user",
      sessionKey: "agent:main:openai-user:alice",
      system: "Be brief.\n\nUse French.",
      user: "alice",
      model: "openclaw",
      params: { temperature: 0.2, max_completion_tokens: 50, stop: ["END"], seed: 7 },
    });
    expect(turn?.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  });

  it("refuses n > 1 and a conversation of only system messages", async () => {
    server = await startServer();
    expect(await expectError(await postChat(server.url, chatRequest({ n: 2 })), 400)).toMatchObject({ param: "n" });
    const onlySystem = { model: "openclaw", messages: [{ role: "system", content: "x" }] };
    expect(await expectError(await postChat(server.url, onlySystem), 400)).toMatchObject({ param: "messages" });
  });
});

describe("start-up", () => {
  it("compiles the validator before `ready` resolves, without a warning", async () => {
    const warnings: unknown[] = [];
    const noop = () => {};
    server = await startServer({ logger: { debug: noop, info: noop, error: noop, warn: (obj) => warnings.push(obj) } });
    expect(warnings).toEqual([]);
  });
});

describe("agent failures before the first byte", () => {
  const failing = (error: unknown): RunAgent =>
    async function* () {
      yield* [];
      throw error;
    };
  it.each([
    [
      "upstream rate limit stays 429",
      new AgentError("Upstream rate limited.", { status: 429 }),
      429,
      "rate_limit_error",
    ],
    ["upstream timeout is 504", new AgentError("Upstream timed out.", { status: 504 }), 504, "api_error"],
    [
      "upstream failure is 502",
      new AgentError("Upstream failed.", { status: 502, code: "upstream_error" }),
      502,
      "api_error",
    ],
    ["an unknown error is an opaque 500", new Error("secret stack detail"), 500, "api_error"],
  ])("%s, stream or not", async (_name, error, status, type) => {
    server = await startServer({ runAgent: failing(error) });
    for (const stream of [false, true]) {
      const body = await expectError(await postChat(server.url, chatRequest({ stream })), status);
      expect(body.type).toBe(type);
      expect(body.message).not.toMatch(/secret|at .*\.ts/);
    }
  });
});

describe("agents whose iterator misbehaves", () => {
  const upstream = new AgentError("Upstream failed.", { status: 502, code: "upstream_error" });
  /** An agent whose `next()` answers as `next` says, every time. */
  const agentWhoseNext =
    (next: () => unknown): RunAgent =>
    () => ({ [Symbol.asyncIterator]: () => ({ next }) as AsyncIterator<never> });
  it.each([
    [
      "throws at once",
      () => {
        throw upstream;
      },
      502,
    ],
    [
      "answers a rejecting thenable",
      // biome-ignore lint/suspicious/noThenProperty: a thenable is what this case is about.
      () => ({ then: (_: unknown, reject: (e: unknown) => void) => reject(upstream) }),
      502,
    ],
    ["answers a rejected promise", () => Promise.reject(upstream), 502],
    // No iterator result: what for-await refuses is an opaque 500, never a crash or a hang.
    ["answers undefined at once", () => undefined, 500],
    ["answers a promise of null", () => Promise.resolve(null), 500],
  ])("an iterator that %s fails the run, and the run ends", async (_name, next, status) => {
    server = await startServer({ runAgent: agentWhoseNext(next) });
    for (const stream of [false, true]) {
      const body = await expectError(await postChat(server.url, chatRequest({ stream })), status);
      if (status === 502) expect(body.code).toBe("upstream_error");
      else expect(body.type).toBe("api_error");
    }
    expect(server.router.activeRuns).toBe(0);
  });
});
