import { until } from "@openclaw/contract-kit";
import { afterEach, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type ClientOptions,
  createChatCompletionsClient,
  InternalServerError,
  RateLimitError,
} from "./index.js";
import { retryDelay } from "./retry.js";
import { chunkFrame, completion, failure, type Reply, type Scripted, startScripted } from "./test/scripted.js";

const ask = { model: "openclaw", messages: [{ role: "user" as const, content: "hi" }] };
/** A retry that waits 1 ms: the server asks for it, so no test waits out the backoff. */
const soon = { "retry-after-ms": "1" };

let server: Scripted;
afterEach(() => server?.close());

async function scripted(replies: Reply[], options: Partial<ClientOptions> = {}) {
  server = await startScripted(replies);
  return createChatCompletionsClient({ baseUrl: server.url, token: "t", ...options });
}

/** Milliseconds between the arrivals of request `n` and `n + 1` (from 0), on the server. */
const gap = (n: number) => (server.requests[n + 1]?.at ?? Number.NaN) - (server.requests[n]?.at ?? Number.NaN);

describe("retries", () => {
  it.each([408, 409, 429, 500, 502, 503, 504])("retries %i, then answers", async (status) => {
    const client = await scripted([failure(status, soon), completion("second")]);
    const answer = await client.chat.completions.create(ask);
    expect(answer.choices[0]?.message.content).toBe("second");
    expect(answer.requestID).toBe("req-2");
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 413, 422])("does not retry %i", async (status) => {
    const client = await scripted([failure(status, soon), completion()]);
    const error = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toMatchObject({ status, requestID: "req-1" });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a connection reset without an answer", async () => {
    const client = await scripted(["reset", completion("second")]);
    expect((await client.models.list()).requestID).toBe("req-2");
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ["by default: 2", {}, {}, 3],
    ["the client's maxRetries", { maxRetries: 1 }, {}, 2],
    ["a call's maxRetries over the client's", { maxRetries: 5 }, { maxRetries: 0 }, 1],
  ])("gives up after %s retries with the last error", async (_name, clientOptions, callOptions, attempts) => {
    const client = await scripted([failure(503, soon)], clientOptions);
    const error = await client.chat.completions.create(ask, callOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ requestID: `req-${attempts}` });
    expect(server.requests).toHaveLength(attempts);
  });

  it("waits what retry-after-ms asks, then what Retry-After asks", async () => {
    const client = await scripted([
      failure(503, { "retry-after-ms": "300" }),
      failure(429, { "retry-after": "1" }),
      completion(),
    ]);
    await client.chat.completions.create(ask);
    // Lower bounds only: the client waited at least what was asked (a loaded machine waits longer).
    expect(gap(0)).toBeGreaterThanOrEqual(295);
    expect(gap(1)).toBeGreaterThanOrEqual(995);
  });

  it("backs off at least 0.5 s less jitter without a Retry-After", async () => {
    const client = await scripted([failure(500), completion()], { maxRetries: 1 });
    await client.chat.completions.create(ask);
    expect(gap(0)).toBeGreaterThanOrEqual(0.75 * 500 - 5);
  });

  it("does not retry when Retry-After asks for more than a minute", async () => {
    const client = await scripted([failure(429, { "retry-after": "300" }), completion()]);
    const error = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(300);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a stream that failed before its first byte", async () => {
    const client = await scripted([failure(503, soon), { sse: [chunkFrame("streamed"), "data: [DONE]\n\n"] }]);
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    expect(await stream.finalText()).toBe("streamed");
    expect(stream.requestID).toBe("req-2");
  });

  it("never retries a stream once it began", async () => {
    const client = await scripted([{ sse: [chunkFrame("first")], hold: true }, completion()]);
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    const read: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) {
        read.push(chunk.choices[0]?.delta.content ?? "");
        server.breakHeld();
      }
    })().catch((e: unknown) => e);
    expect(read).toEqual(["first"]);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a request the caller aborted, and stops waiting for a retry when aborted", async () => {
    const hung = await scripted(["hang", completion()]);
    const first = new AbortController();
    const pending = hung.chat.completions.create(ask, { signal: first.signal });
    await until(() => server.requests.length === 1, { what: "the request to arrive" });
    first.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
    await server.close();

    // Asked to wait 30 s (within the minute it honours): the abort ends the wait at once.
    const waiting = await scripted([failure(503, { "retry-after-ms": "30000" }), completion()]);
    const second = new AbortController();
    const retrying = waiting.chat.completions.create(ask, { signal: second.signal });
    await until(() => server.requests[0]?.closed === true, { what: "the first answer to end" });
    second.abort();
    await expect(retrying).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("timeouts", () => {
  it("times out each attempt, retries it, and closes the connection it gave up", async () => {
    const client = await scripted(["hang", "hang"], { timeout: 100, maxRetries: 1 });
    const error = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(2);
    await until(() => server.requests.every((request) => request.closed), { what: "both connections to close" });
  });

  it("answers from the retry after a timed-out attempt", async () => {
    const client = await scripted(["hang", completion("late")], { timeout: 100 });
    expect((await client.chat.completions.create(ask)).choices[0]?.message.content).toBe("late");
  });

  it("takes a call's timeout over the client's, for a stream too", async () => {
    const client = await scripted(["hang"]);
    const error = await client.chat.completions
      .create({ ...ask, stream: true }, { timeout: 50, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("does not cut a stream that began, however long it then runs", async () => {
    const client = await scripted([{ sse: [chunkFrame("a")], hold: true }], { timeout: 50 });
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    const read: string[] = [];
    for await (const chunk of stream) {
      read.push(chunk.choices[0]?.delta.content ?? "");
      // The subject is time passing: four timeouts' worth, in which a timer left running would fire.
      if (read.length === 1) await new Promise((resolve) => setTimeout(resolve, 200));
      if (read.length === 1) server.finish([chunkFrame("b"), "data: [DONE]\n\n"]);
    }
    expect(read).toEqual(["a", "b"]);
  });
});

describe("options", () => {
  it.each([
    ["timeout", -1],
    ["timeout", 1.5],
    ["timeout", 2 ** 31],
    ["maxRetries", -1],
    ["maxRetries", Number.NaN],
  ])("refuses %s %d, on the client and on a call", async (name, value) => {
    expect(() => createChatCompletionsClient({ baseUrl: "http://127.0.0.1:9", token: "t", [name]: value })).toThrow(
      RangeError,
    );
    const client = createChatCompletionsClient({ baseUrl: "http://127.0.0.1:9", token: "t" });
    await expect(client.models.list({ [name]: value })).rejects.toThrow(RangeError);
  });
});

describe("retryDelay", () => {
  const headers = (init: Record<string, string> = {}) => new Headers(init);
  it.each([
    ["the first retry: 0.5 s", 0, headers(), 0, 500],
    ["less up to 25 % jitter", 0, headers(), 0.999_999, 375],
    ["the second: 1 s", 1, headers(), 0, 1000],
    ["the fourth: 4 s", 3, headers(), 0, 4000],
    ["never more than 8 s", 10, headers(), 0, 8000],
    ["retry-after-ms, fractional", 0, headers({ "retry-after-ms": "12.5" }), 0.5, 12.5],
    ["retry-after-ms over Retry-After", 0, headers({ "retry-after-ms": "20", "retry-after": "3" }), 0.5, 20],
    ["Retry-After in seconds", 2, headers({ "retry-after": "3" }), 0.5, 3000],
    ["a zero Retry-After: the backoff", 0, headers({ "retry-after": "0" }), 0, 500],
    ["an unreadable Retry-After: the backoff", 0, headers({ "retry-after": "soon" }), 0, 500],
    ["a Retry-After date in the past: the backoff", 0, headers({ "retry-after": new Date(0).toUTCString() }), 0, 500],
    ["exactly a minute: waited", 0, headers({ "retry-after": "60" }), 0, 60_000],
    ["over a minute: no retry", 0, headers({ "retry-after": "61" }), 0, undefined],
    [
      "a date two minutes on: no retry",
      0,
      headers({ "retry-after": new Date(Date.now() + 120_000).toUTCString() }),
      0,
      undefined,
    ],
  ])("%s", (_name, retry, given, random, expected) => {
    const delay = retryDelay(retry, given, () => random);
    if (expected === undefined) expect(delay).toBeUndefined();
    else expect(delay).toBeCloseTo(expected, 3);
  });

  it("waits until a Retry-After date", () => {
    const delay = retryDelay(0, new Headers({ "retry-after": new Date(Date.now() + 30_000).toUTCString() }));
    // HTTP dates have whole seconds.
    expect(delay).toBeGreaterThan(28_000);
    expect(delay).toBeLessThanOrEqual(30_000);
  });
});

it("is an APIError, as every error the client throws", () => {
  expect(new APIConnectionTimeoutError()).toBeInstanceOf(APIError);
});
