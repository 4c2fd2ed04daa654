// The official openai SDK as a client: what users will actually point at the gateway.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentError } from "./errors.js";
import { expectSchema, startServer, type TestServer, TOKEN } from "./test/harness.js";
import type { RunAgent } from "./types.js";

let server: TestServer;
const runAgent: RunAgent = async function* (turn) {
  const last = turn.messages.at(-1);
  const text = typeof last?.content === "string" ? last.content : "";
  if (text === "upstream-429") throw new AgentError("Upstream rate limit.", { status: 429 });
  if (text === "upstream-500") throw new AgentError("Upstream failed.", { status: 500 });
  if (text === "fail-midway") {
    yield { type: "text", text: "partial" };
    throw new AgentError("Upstream dropped the stream.", { status: 502 });
  }
  for (const word of ["echo:", ...text.split(" ")]) yield { type: "text", text: `${word} ` };
  yield { type: "done", usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 } };
};

beforeAll(async () => {
  server = await startServer(
    { runAgent, auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 1, exemptLoopback: false } } },
    (app) => app.set("trust proxy", true),
  );
});
afterAll(() => server.close());

const client = (apiKey = TOKEN, headers: Record<string, string> = {}) =>
  new OpenAI({ apiKey, baseURL: `${server.url}/v1`, maxRetries: 0, defaultHeaders: headers });

describe("the openai SDK", () => {
  it("creates a completion", async () => {
    const completion = await client().chat.completions.create({
      model: "openclaw",
      messages: [{ role: "user", content: "hi there" }],
    });
    expectSchema("CreateChatCompletionResponse", completion);
    expect(completion.choices[0]?.message.content).toBe("echo: hi there ");
    expect(completion.usage?.total_tokens).toBe(6);
  });

  it("streams a completion", async () => {
    const stream = await client().chat.completions.create({
      model: "openclaw:main",
      messages: [{ role: "user", content: "a b" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expectSchema("CreateChatCompletionStreamResponse", chunk);
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe("echo: a b ");
    expect(usage?.total_tokens).toBe(6);
  });

  it("lists and retrieves models", async () => {
    const models = [];
    for await (const model of client().models.list()) models.push(model.id);
    expect(models).toContain("openclaw/main");
    expect((await client().models.retrieve("openclaw/main")).id).toBe("openclaw/main");
  });

  it.each([
    [
      "BadRequestError",
      () => client().chat.completions.create({ model: "openclaw", messages: [], temperature: 3 }),
      OpenAI.BadRequestError,
      400,
    ],
    [
      "NotFoundError",
      () => client().chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] }),
      OpenAI.NotFoundError,
      404,
    ],
    [
      "InternalServerError",
      () =>
        client().chat.completions.create({ model: "openclaw", messages: [{ role: "user", content: "upstream-500" }] }),
      OpenAI.InternalServerError,
      500,
    ],
    [
      "RateLimitError (upstream)",
      () =>
        client().chat.completions.create({ model: "openclaw", messages: [{ role: "user", content: "upstream-429" }] }),
      OpenAI.RateLimitError,
      429,
    ],
  ])("raises %s", async (_name, call, ErrorClass, status) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
  });

  it("raises AuthenticationError, then RateLimitError once locked out", async () => {
    const attacker = client("wrong", { "x-forwarded-for": "203.0.113.50" });
    const call = () =>
      attacker.chat.completions.create({ model: "openclaw", messages: [{ role: "user", content: "x" }] });
    const first = await call().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((first as InstanceType<typeof OpenAI.APIError>).code).toBe("invalid_api_key");
    const second = await call().catch((e: unknown) => e);
    expect(second).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it("raises an APIError from an error frame mid-stream, after the text so far", async () => {
    const stream = await client().chat.completions.create({
      model: "openclaw",
      messages: [{ role: "user", content: "fail-midway" }],
      stream: true,
    });
    let text = "";
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })().catch((e: unknown) => e);
    expect(text).toBe("partial");
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain("Upstream dropped the stream.");
  });
});
