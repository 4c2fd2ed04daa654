import type { ClientOptions, RequestOptions } from "./options.js";
import type { WithRequestID } from "./request.js";
import { type Responses, responsesOf } from "./responses.js";
import { ChatCompletionStream } from "./stream.js";
import { createTransport } from "./transport.js";
import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  Model,
  ModelList,
} from "./types.js";

export interface Completions {
  /** Streams the answer: resolves once the gateway accepted the request. */
  create(body: ChatCompletionCreateParamsStreaming, options?: RequestOptions): Promise<ChatCompletionStream>;
  /** Answers with one `chat.completion`. */
  create(
    body: ChatCompletionCreateParamsNonStreaming,
    options?: RequestOptions,
  ): Promise<WithRequestID<ChatCompletion>>;
  create(
    body: ChatCompletionCreateParams,
    options?: RequestOptions,
  ): Promise<WithRequestID<ChatCompletion> | ChatCompletionStream>;
}

export interface ChatCompletionsClient {
  chat: { completions: Completions };
  /** The Responses API (`/v1/responses`), when the gateway serves it. */
  responses: Responses;
  models: {
    list(options?: RequestOptions): Promise<WithRequestID<ModelList>>;
    retrieve(id: string, options?: RequestOptions): Promise<WithRequestID<Model>>;
  };
}

/**
 * `"openclaw:<id>"`: the `model` that selects agent `id`.
 *
 * @example
 * await client.chat.completions.create({ model: agentModel("main"), messages });
 */
export function agentModel(id: string): `openclaw:${string}` {
  return `openclaw:${id}`;
}

/**
 * A typed client for an OpenClaw gateway's OpenAI-compatible endpoints. Uses only `fetch`,
 * `ReadableStream` and `TextDecoder`, so it runs in Node 20+ and in browsers. Calls time out,
 * retry and fail as openai-node's do (see {@link ClientOptions}). Throws a `RangeError` for a
 * `timeout` or `maxRetries` that is not an integer in range.
 *
 * @example
 * const client = createChatCompletionsClient({ baseUrl: "http://127.0.0.1:18789", token: "…" });
 * const completion = await client.chat.completions.create({
 *   model: agentModel("main"),
 *   messages: [{ role: "user", content: "hi" }],
 * });
 * console.log(completion.choices[0]?.message.content, completion.requestID);
 *
 * @example
 * // Per call: a shorter timeout, no retries, and a signal to stop it.
 * const controller = new AbortController();
 * const stream = await client.chat.completions.create(
 *   { model: "openclaw", messages, stream: true },
 *   { timeout: 30_000, maxRetries: 0, signal: controller.signal },
 * );
 */
export function createChatCompletionsClient(options: ClientOptions): ChatCompletionsClient {
  const transport = createTransport(options);
  const { api, headersFor } = transport;

  async function create(body: ChatCompletionCreateParams, call: RequestOptions = {}) {
    const headers = headersFor(call);
    if (!body.stream) {
      return transport.json<ChatCompletion>(
        (signal) => api.POST("/v1/chat/completions", { body, headers, signal }),
        call,
      );
    }
    return transport.stream(
      (signal) => api.POST("/v1/chat/completions", { body, headers, signal, parseAs: "stream" }),
      call,
      ChatCompletionStream,
    );
  }

  return {
    chat: { completions: { create: create as Completions["create"] } },
    responses: responsesOf(transport),
    models: {
      list: (call) =>
        transport.json<ModelList>((signal) => api.GET("/v1/models", { headers: headersFor(call), signal }), call),
      retrieve: (id, call) =>
        transport.json<Model>(
          (signal) =>
            api.GET("/v1/models/{model}", { params: { path: { model: id } }, headers: headersFor(call), signal }),
          call,
        ),
    },
  };
}
