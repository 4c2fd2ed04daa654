import { getEventListeners } from "node:events";
import { until } from "@openclaw/contract-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIError,
  BadRequestError,
  createChatCompletionsClient,
  NotFoundError,
  type ResponseStream,
  type ResponseStreamEvent,
} from "./index.js";
import { failure, startScripted } from "./test/scripted.js";
import { startGateway, TOKEN } from "./test/server.js";

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

const client = () => createChatCompletionsClient({ baseUrl: gateway.url, token: TOKEN, maxRetries: 0 });

/** Every event of a stream, and what it threw (if it did). */
async function events(stream: ResponseStream) {
  const seen: ResponseStreamEvent[] = [];
  const error = await (async () => {
    for await (const event of stream) seen.push(event);
  })().catch((e: unknown) => e);
  return { seen, error };
}
const text = (seen: ResponseStreamEvent[]) =>
  seen.map((event) => (event.type === "response.output_text.delta" ? event.delta : "")).join("");

describe("responses.create", () => {
  it("answers with a typed response and its requestID", async () => {
    const response = await client().responses.create({ model: "openclaw", input: "hi there" });
    expect(response).toMatchObject({ object: "response", status: "completed", model: "openclaw", error: null });
    expect(response.id).toMatch(/^resp_/);
    const message = response.output[0];
    expect(message?.type === "message" && message.content[0]).toMatchObject({
      type: "output_text",
      text: "echo: hi there",
    });
    expect(response.requestID).toMatch(/^gw-\d+$/);
  });

  it("streams typed named events from response.created to response.completed, the last", async () => {
    const stream = await client().responses.create({ model: "openclaw", input: "a b", stream: true });
    expect(stream.requestID).toMatch(/^gw-\d+$/);
    const { seen, error } = await events(stream);
    expect(error).toBeUndefined();
    expect(seen.slice(0, 2).map((event) => event.type)).toEqual(["response.created", "response.in_progress"]);
    expect(seen.at(-1)?.type).toBe("response.completed");
    expect(seen.map((event) => event.sequence_number)).toEqual(seen.map((_, i) => i));
    expect(text(seen)).toBe("echo: a b");
  });

  it("gathers a stream into its final response", async () => {
    const stream = await client().responses.create({ model: "openclaw", input: "x", stream: true });
    const response = await stream.finalResponse();
    expect(response.status).toBe("completed");
    expect(response.usage?.total_tokens).toBe(3);
  });

  it("streams a function call, and continues with its output through previous_response_id", async () => {
    const tools = [{ type: "function" as const, name: "lookup", parameters: { type: "object" } }];
    const stream = await client().responses.create({ model: "openclaw", input: "call-tool", tools, stream: true });
    const { seen } = await events(stream);
    const done = seen.find((event) => event.type === "response.function_call_arguments.done");
    expect(done?.type === "response.function_call_arguments.done" && done.arguments).toBe('{"q":"x"}');
    const last = seen.at(-1);
    if (last?.type !== "response.completed") throw new Error(`ended with ${last?.type}`);
    const call = last.response.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ type: "function_call", call_id: "call_1", name: "lookup" });

    const next = await client().responses.create({
      model: "openclaw",
      previous_response_id: last.response.id,
      input: [{ type: "function_call_output", call_id: "call_1", output: "42" }],
      tools,
    });
    expect(next).toMatchObject({ status: "completed", previous_response_id: last.response.id });
  });

  it("throws NotFoundError with param for an unknown previous_response_id", async () => {
    const error = await client()
      .responses.create({ model: "openclaw", input: "x", previous_response_id: "resp_nope" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "previous_response_not_found", param: "previous_response_id" });
  });

  it("throws BadRequestError with param for a bad body", async () => {
    const error = await client()
      .responses.create({ model: "openclaw", input: "x", temperature: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param: "temperature" });
  });
});

describe("response.failed", () => {
  // The agent fails the same way before its first event (an HTTP error answer) and after it
  // (`response.failed`, whose error has only a code and a message).
  it.each([
    ["400"],
    ["401"],
    ["403"],
    ["404"],
    ["409"],
    ["422"],
    ["429"],
    ["500"],
    ["502:upstream_error"],
    ["503"],
    ["504"],
  ])("throws the class the same error (%s) has before the stream, after the events before it", async (failing) => {
    const before = await client()
      .responses.create({ model: "openclaw", input: `fail:${failing}`, stream: true })
      .catch((e: unknown) => e);
    expect(before).toBeInstanceOf(APIError);

    const stream = await client().responses.create({
      model: "openclaw",
      input: `fail-midway:${failing}`,
      stream: true,
    });
    const { seen, error } = await events(stream);
    expect(text(seen)).toBe("partial");
    expect(seen.some((event) => event.type === "response.failed")).toBe(false);
    expect((error as Error).constructor).toBe((before as Error).constructor);
    expect(error).toMatchObject({
      status: undefined,
      message: (before as APIError).message,
      requestID: stream.requestID,
    });
  });
});

describe("responses.retrieve, delete and inputItems.list", () => {
  it("retrieves a stored response, deletes it, and then finds it no more", async () => {
    const created = await client().responses.create({ model: "openclaw", input: "keep me" });
    const retrieved = await client().responses.retrieve(created.id);
    expect(retrieved).toEqual(created);
    expect(retrieved.requestID).not.toBe(created.requestID);

    const deleted = await client().responses.delete(created.id);
    expect(deleted).toEqual({ id: created.id, object: "response.deleted", deleted: true });
    for (const call of [() => client().responses.retrieve(created.id), () => client().responses.delete(created.id)]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: "response_not_found" });
    }
  });

  it("lists input items a page at a time, and walks every page with for await", async () => {
    const input = ["one", "two", "three", "four", "five"].map((word) => ({ role: "user" as const, content: word }));
    const { id } = await client().responses.create({ model: "openclaw", input });

    const first = await client().responses.inputItems.list(id, { limit: 2, order: "asc" });
    expect(first.data).toHaveLength(2);
    expect(first.hasNextPage()).toBe(true);
    expect(first.requestID).toMatch(/^gw-\d+$/);
    const second = await first.getNextPage();
    expect(second.data[0]?.id).not.toBe(first.data[1]?.id);

    const words: string[] = [];
    for await (const item of first) {
      if (item.type === "message" && item.content[0]?.type === "input_text") words.push(item.content[0].text);
    }
    expect(words).toEqual(["one", "two", "three", "four", "five"]);

    const newest = await client().responses.inputItems.list(id);
    expect(newest.hasNextPage()).toBe(false);
    await expect(newest.getNextPage()).rejects.toThrow("no next page");
    const latest = newest.data[0];
    expect(latest?.type === "message" && latest.content[0]).toMatchObject({ type: "input_text", text: "five" });
  });

  it("throws NotFoundError listing the items of an unknown response", async () => {
    await expect(client().responses.inputItems.list("resp_nope")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the same transport as chat completions", () => {
  it("retries, and gives the answer's requestID", async () => {
    const server = await startScripted([
      failure(503, { "retry-after-ms": "1" }),
      { status: 200, body: { id: "resp_1", object: "response.deleted", deleted: true } },
    ]);
    try {
      const deleted = await createChatCompletionsClient({ baseUrl: server.url, token: TOKEN }).responses.delete(
        "resp_1",
      );
      expect(deleted.requestID).toBe("req-2");
      expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        "DELETE /v1/responses/resp_1",
        "DELETE /v1/responses/resp_1",
      ]);
    } finally {
      await server.close();
    }
  });

  it("throws APIConnectionError for a stream that ends before its terminal event", async () => {
    const created = { type: "response.created", sequence_number: 0, response: { id: "resp_1" } };
    const server = await startScripted([{ sse: [`event: response.created\ndata: ${JSON.stringify(created)}\n\n`] }]);
    try {
      const stream = await createChatCompletionsClient({ baseUrl: server.url, token: TOKEN }).responses.create({
        model: "openclaw",
        input: "x",
        stream: true,
      });
      const { seen, error } = await events(stream);
      expect(seen.map((event) => event.type)).toEqual(["response.created"]);
      expect(error).toBeInstanceOf(APIConnectionError);
    } finally {
      await server.close();
    }
  });

  it("does not abort a stream left at its terminal event: it was read whole", async () => {
    const { signal } = new AbortController();
    const stream = await client().responses.create({ model: "openclaw", input: "x", stream: true }, { signal });
    for await (const event of stream) if (event.type === "response.completed") break;
    expect(stream.controller.signal.aborted).toBe(false);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("aborts the run when the loop is left early, and removes its listener from the signal", async () => {
    const before = gateway.observed.aborted;
    const { signal } = new AbortController();
    const stream = await client().responses.create({ model: "openclaw", input: "slow", stream: true }, { signal });
    for await (const event of stream) if (event.type === "response.output_text.delta") break;
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    await until(() => gateway.observed.aborted > before, { what: "the gateway to abort the run" });
  });
});
