import { getEventListeners } from "node:events";
import { until } from "@openclaw/contract-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APIUserAbortError,
  type ChatCompletionStream,
  type ClientOptions,
  createChatCompletionsClient,
} from "./index.js";
import { completion, failure, startScripted } from "./test/scripted.js";
import { startGateway, TOKEN } from "./test/server.js";

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

const ask = (content: string) => ({ model: "openclaw", messages: [{ role: "user" as const, content }] });
const client = (fetch?: ClientOptions["fetch"]) =>
  createChatCompletionsClient({ baseUrl: gateway.url, token: TOKEN, fetch, maxRetries: 0 });
const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;
/** Reads a stream to its end. */
async function readAll(stream: ChatCompletionStream) {
  for await (const _chunk of stream);
}
/** Reads a stream to its end or its error. */
const drain = (stream: ChatCompletionStream) => readAll(stream).catch(() => {});

describe("the listener on the caller's signal", () => {
  it.each([
    ["a completion", (signal: AbortSignal) => client().chat.completions.create(ask("hi"), { signal })],
    ["a list of models", (signal: AbortSignal) => client().models.list({ signal })],
    [
      "an error answer",
      (signal: AbortSignal) =>
        client()
          .chat.completions.create(ask("fail"), { signal })
          .catch(() => {}),
    ],
    [
      "a stream read to its end",
      async (signal: AbortSignal) =>
        drain(await client().chat.completions.create({ ...ask("a b"), stream: true }, { signal })),
    ],
    [
      "a stream ended by an error event",
      async (signal: AbortSignal) =>
        drain(await client().chat.completions.create({ ...ask("fail-midway"), stream: true }, { signal })),
    ],
    [
      "a stream left early",
      async (signal: AbortSignal) => {
        const stream = await client().chat.completions.create({ ...ask("slow"), stream: true }, { signal });
        for await (const _chunk of stream) break;
      },
    ],
    [
      "a stream aborted by its controller, never read",
      async (signal: AbortSignal) => {
        const stream = await client().chat.completions.create({ ...ask("slow"), stream: true }, { signal });
        stream.controller.abort();
      },
    ],
  ])("is removed when %s ends", async (_name, call) => {
    const controller = new AbortController();
    await call(controller.signal);
    expect(listeners(controller.signal)).toBe(0);
  });

  it("is one while a stream is read, and removed after", async () => {
    const { signal } = new AbortController();
    const stream = await client().chat.completions.create({ ...ask("a b c"), stream: true }, { signal });
    for await (const _chunk of stream) expect(listeners(signal)).toBe(1);
    expect(listeners(signal)).toBe(0);
  });

  it("is one through retries, and removed after", async () => {
    const server = await startScripted([failure(503, { "retry-after-ms": "1" }), completion()]);
    try {
      const { signal } = new AbortController();
      const seen: number[] = [];
      const fetch = (request: Request) => {
        seen.push(listeners(signal));
        return globalThis.fetch(request);
      };
      await createChatCompletionsClient({ baseUrl: server.url, token: TOKEN, fetch }).chat.completions.create(
        ask("x"),
        {
          signal,
        },
      );
      expect(seen).toEqual([1, 1]);
      expect(listeners(signal)).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe("an abort between the answer and the stream", () => {
  // The caller aborts right after the gateway's answer arrived, while the client turns it into
  // a stream: at each of the next microtasks in turn, so every gap between the two is hit.
  it.each(Array.from({ length: 16 }, (_, ticks) => [ticks]))(
    "is honoured %i microtasks after the answer",
    async (ticks) => {
      const before = gateway.observed.aborted;
      const controller = new AbortController();
      const fetch = async (request: Request) => {
        const response = await globalThis.fetch(request);
        void (async () => {
          for (let i = 0; i < ticks; i++) await null;
          controller.abort();
        })();
        return response;
      };
      const outcome = await client(fetch)
        .chat.completions.create({ ...ask("slow"), stream: true }, { signal: controller.signal })
        .then(async (stream) => {
          let chunks = 0;
          // A stream that missed the abort runs on ("slow" talks for seconds): a few chunks tell.
          for await (const _chunk of stream) if (++chunks === 5) return "not aborted";
          return "ended";
        })
        .catch((e: unknown) => e);
      expect(outcome).toBeInstanceOf(APIUserAbortError);
      expect(listeners(controller.signal)).toBe(0);
      await until(() => gateway.observed.aborted > before, { what: "the gateway to abort the run" });
    },
  );

  it("is honoured when the caller aborts before reading the stream", async () => {
    const before = gateway.observed.aborted;
    const controller = new AbortController();
    const stream = await client().chat.completions.create(
      { ...ask("slow"), stream: true },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(readAll(stream)).rejects.toBeInstanceOf(APIUserAbortError);
    await until(() => gateway.observed.aborted > before, { what: "the gateway to abort the run" });
  });
});
