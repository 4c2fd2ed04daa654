import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createChatCompletionsClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./index.js";
import { failure, type Scripted, startScripted } from "./test/scripted.js";
import { startGateway, TOKEN } from "./test/server.js";

const ask = (content: string) => ({ model: "openclaw", messages: [{ role: "user" as const, content }] });

describe("the error class of an HTTP error answer, by status as openai-node", () => {
  let server: Scripted | undefined;
  afterEach(() => server?.close());

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [413, APIError],
    [415, APIError],
    [418, APIError],
  ])("%i is %O", async (status, ErrorClass) => {
    server = await startScripted([failure(status, {}, "some_code")]);
    const client = createChatCompletionsClient({ baseUrl: server.url, token: TOKEN, maxRetries: 0 });
    const error = await client.chat.completions.create(ask("x")).catch((e: unknown) => e);
    expect((error as Error).constructor).toBe(ErrorClass);
    expect(error).toMatchObject({
      status,
      code: "some_code",
      type: "api_error",
      message: `failed with ${status}`,
      requestID: "req-1",
    });
  });
});

describe("an error event in a stream", () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.close());

  // Both through the real server package: its agent throws the same error before its first
  // event (an HTTP error answer) and after it (an error event, which has no status).
  it.each([
    ["400"],
    ["401"],
    ["403"],
    ["404"],
    ["404:model_not_found"],
    ["409"],
    ["422"],
    ["429"],
    ["500"],
    ["502:upstream_error"],
    ["503"],
    ["504"],
  ])("is the class the same error (%s) has before the stream", async (failing) => {
    const client = createChatCompletionsClient({ baseUrl: gateway.url, token: TOKEN, maxRetries: 0 });
    const before = await client.chat.completions
      .create({ ...ask(`fail:${failing}`), stream: true })
      .catch((e: unknown) => e);
    expect(before).toBeInstanceOf(APIError);
    expect((before as APIError).status).toBe(Number(failing.split(":")[0]));

    const stream = await client.chat.completions.create({ ...ask(`fail-midway:${failing}`), stream: true });
    let text = "";
    const midway = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })().catch((e: unknown) => e);
    expect(text).toBe("partial");
    expect((midway as Error).constructor).toBe((before as Error).constructor);
    expect(midway).toMatchObject({
      status: undefined,
      code: (before as APIError).code,
      type: (before as APIError).type,
      message: (before as APIError).message,
      requestID: stream.requestID,
    });
  });
});
