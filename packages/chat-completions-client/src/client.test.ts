import { until } from "@openclaw/contract-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  agentModel,
  BadRequestError,
  createChatCompletionsClient,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from "./index.js";
import { startGateway, TOKEN } from "./test/server.js";

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

const client = (options: Partial<Parameters<typeof createChatCompletionsClient>[0]> = {}) =>
  createChatCompletionsClient({ baseUrl: gateway.url, token: TOKEN, ...options });
const ask = (content: string) => ({ model: "openclaw", messages: [{ role: "user" as const, content }] });

describe("chat.completions.create", () => {
  it("returns a typed chat.completion with its requestID, which stays off the JSON", async () => {
    const completion = await client().chat.completions.create(ask("hi there"));
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]?.message.content).toBe("echo: hi there");
    expect(completion.usage?.total_tokens).toBe(3);
    expect(completion.requestID).toMatch(/^gw-\d+$/);
    expect(JSON.parse(JSON.stringify(completion))).not.toHaveProperty("requestID");
  });

  it("gives a stream and the models their requestID", async () => {
    const stream = await client().chat.completions.create({ ...ask("hi"), stream: true });
    expect(stream.requestID).toMatch(/^gw-\d+$/);
    await stream.finalText();
    const models = await client().models.list();
    expect(models.requestID).toMatch(/^gw-\d+$/);
    expect(models.requestID).not.toBe(stream.requestID);
    expect((await client().models.retrieve("openclaw")).requestID).toMatch(/^gw-\d+$/);
  });

  it("streams typed chunks until [DONE], ignoring keep-alive comments", async () => {
    // What the client received on the wire, to see the comments it had to skip.
    let wire = "";
    const keepAlives = () => wire.split(": keep-alive\n\n").length - 1;
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const decoder = new TextDecoder();
      const tap = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          wire += decoder.decode(chunk, { stream: true });
          // The agent stays silent after its first word until two comments came between words.
          if (keepAlives() >= 2) gateway.observed.resume();
          controller.enqueue(chunk);
        },
      });
      return new Response(response.body?.pipeThrough(tap), response);
    };
    const stream = await client({ fetch: recording }).chat.completions.create({ ...ask("pause"), stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(wire).toMatch(/"content":"echo:".*\n\n: keep-alive\n\n: keep-alive\n\n/s);
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("echo: pause");
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("gathers a stream into its final text", async () => {
    const stream = await client().chat.completions.create({ ...ask("a b c"), stream: true });
    expect(await stream.finalText()).toBe("echo: a b c");
  });

  it("sends agentId and sessionKey as headers, overridable per call", async () => {
    const c = client({ agentId: "beta", sessionKey: "s-1" });
    await c.chat.completions.create(ask("x"));
    await c.chat.completions.create(ask("x"), { agentId: "main", sessionKey: "s-2" });
    // The server keeps chosen keys in their agent's namespace.
    expect(gateway.observed.turns.slice(-2)).toEqual([
      { agentId: "beta", sessionKey: "agent:beta:explicit:s-1" },
      { agentId: "main", sessionKey: "agent:main:explicit:s-2" },
    ]);
  });

  it("selects an agent with agentModel()", async () => {
    expect(agentModel("beta")).toBe("openclaw:beta");
    await client().chat.completions.create({ ...ask("x"), model: agentModel("beta") });
    expect(gateway.observed.turns.at(-1)?.agentId).toBe("beta");
  });
});

describe("leaving a stream", () => {
  it("aborts the HTTP request when the loop breaks early, and the server sees it", async () => {
    const before = gateway.observed.aborted;
    const stream = await client().chat.completions.create({ ...ask("slow"), stream: true });
    let n = 0;
    for await (const _chunk of stream) if (++n === 3) break;
    await until(() => gateway.observed.aborted > before);
    await until(() => gateway.router.activeRuns === 0);
  });

  it("throws APIUserAbortError when the signal fires mid-stream, and the server sees it", async () => {
    const before = gateway.observed.aborted;
    const controller = new AbortController();
    const stream = await client().chat.completions.create(
      { ...ask("slow"), stream: true },
      { signal: controller.signal },
    );
    const error = await (async () => {
      let n = 0;
      for await (const _chunk of stream) if (++n === 2) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    await until(() => gateway.observed.aborted > before);
  });

  it("throws APIUserAbortError for a request aborted before its answer", async () => {
    const before = gateway.observed.turns.length;
    const controller = new AbortController();
    const pending = client().chat.completions.create(ask("slow"), { signal: controller.signal });
    await until(() => gateway.observed.turns.length > before, { what: "the server to start the run" });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("throws the error event as a typed error, after the chunks before it", async () => {
    const stream = await client().chat.completions.create({ ...ask("fail-midway"), stream: true });
    let text = "";
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })().catch((e: unknown) => e);
    expect(text).toBe("partial");
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: undefined, code: "rate_limit_exceeded", message: "Upstream rate limited." });
  });
});

describe("errors", () => {
  it.each([
    [
      "BadRequestError for 400",
      () => client().chat.completions.create({ ...ask("x"), temperature: 5 }),
      BadRequestError,
      400,
      "temperature",
    ],
    // openai-node has no class for 413: a plain APIError, as there.
    ["APIError for 413", () => client().chat.completions.create(ask("x".repeat(5000))), APIError, 413, null],
    [
      "NotFoundError for 404",
      () => client().chat.completions.create({ ...ask("x"), model: "gpt-4o" }),
      NotFoundError,
      404,
      "model",
    ],
    [
      "InternalServerError for 5xx",
      () => client({ maxRetries: 0 }).chat.completions.create(ask("fail")),
      InternalServerError,
      502,
      null,
    ],
    ["NotFoundError from models.retrieve", () => client().models.retrieve("nope"), NotFoundError, 404, "model"],
  ])("%s, with the requestID", async (_name, call, ErrorClass, status, param) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status, param, requestID: expect.stringMatching(/^gw-\d+$/) });
    expect((error as APIError).headers).toBeInstanceOf(Headers);
  });

  it("AuthenticationError for a wrong token, then RateLimitError with retryAfter once locked out", async () => {
    const attacker = client({ token: "wrong", headers: { "x-forwarded-for": "203.0.113.9" } });
    for (let i = 0; i < 2; i++) {
      const error = await attacker.models.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: "invalid_api_key" });
    }
    // Not retried: the lockout's Retry-After is minutes, past what a retry waits.
    const locked = await attacker.models.list().catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(RateLimitError);
    expect((locked as RateLimitError).retryAfter).toBeGreaterThan(250);
  });

  it("APIConnectionError without a requestID when nothing listens", async () => {
    const error = await createChatCompletionsClient({ baseUrl: "http://127.0.0.1:9", token: TOKEN, maxRetries: 0 })
      .models.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toMatchObject({ requestID: null });
  });
});

describe("models", () => {
  it("lists and retrieves the agents as models", async () => {
    const list = await client().models.list();
    expect(list.data.map((m) => m.id)).toEqual(["openclaw", "openclaw/default", "openclaw/main", "openclaw/beta"]);
    expect(await client().models.retrieve("openclaw/beta")).toMatchObject({ id: "openclaw/beta", object: "model" });
  });
});
