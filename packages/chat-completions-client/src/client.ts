import createClient from "openapi-fetch";
import { APIConnectionError, APIError, APIUserAbortError } from "./errors.js";
import { ChatCompletionStream } from "./stream.js";
import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  Model,
  ModelList,
  paths,
} from "./types.js";

export interface ClientOptions {
  /** The gateway, e.g. `http://127.0.0.1:18789` (without `/v1`). */
  baseUrl: string;
  /** The gateway's token or password, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Sent as `x-openclaw-agent-id` on every call, unless a call overrides it. */
  agentId?: string;
  /** Sent as `x-openclaw-session-key` on every call, unless a call overrides it. */
  sessionKey?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers on every call. */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  /** Aborts the request, or the stream while it is read. */
  signal?: AbortSignal;
  agentId?: string;
  sessionKey?: string;
  headers?: Record<string, string>;
}

export interface Completions {
  /** Streams the answer: resolves once the gateway accepted the request. */
  create(body: ChatCompletionCreateParamsStreaming, options?: RequestOptions): Promise<ChatCompletionStream>;
  /** Answers with one `chat.completion`. */
  create(body: ChatCompletionCreateParamsNonStreaming, options?: RequestOptions): Promise<ChatCompletion>;
  create(body: ChatCompletionCreateParams, options?: RequestOptions): Promise<ChatCompletion | ChatCompletionStream>;
}

export interface ChatCompletionsClient {
  chat: { completions: Completions };
  models: {
    list(options?: RequestOptions): Promise<ModelList>;
    retrieve(id: string, options?: RequestOptions): Promise<Model>;
  };
}

/** `"openclaw:<id>"`: the `model` that selects agent `id`. */
export function agentModel(id: string): `openclaw:${string}` {
  return `openclaw:${id}`;
}

/**
 * A typed client for an OpenClaw gateway's OpenAI-compatible endpoint. Uses only `fetch`,
 * `ReadableStream` and `TextDecoder`, so it runs in Node 20+ and in browsers.
 *
 * @example
 * const client = createChatCompletionsClient({ baseUrl: "http://127.0.0.1:18789", token: "…" });
 * const completion = await client.chat.completions.create({
 *   model: agentModel("main"),
 *   messages: [{ role: "user", content: "hi" }],
 * });
 * console.log(completion.choices[0]?.message.content);
 */
export function createChatCompletionsClient(options: ClientOptions): ChatCompletionsClient {
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: { ...options.headers, authorization: `Bearer ${options.token}` },
  });

  const headersFor = (call: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...call.headers };
    const agentId = call.agentId ?? options.agentId;
    const sessionKey = call.sessionKey ?? options.sessionKey;
    if (agentId !== undefined) headers["x-openclaw-agent-id"] = agentId;
    if (sessionKey !== undefined) headers["x-openclaw-session-key"] = sessionKey;
    return headers;
  };

  /** Runs one call; turns network failures, aborts and error statuses into our error classes. */
  async function send<T>(
    call: (signal: AbortSignal) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
    signal: AbortSignal | undefined,
    controller = new AbortController(),
  ): Promise<{ data: T; response: Response }> {
    const forward = () => controller.abort(signal?.reason);
    if (signal?.aborted) throw new APIUserAbortError();
    signal?.addEventListener("abort", forward, { once: true });
    try {
      const { data, error, response } = await call(controller.signal);
      if (!response.ok) throw APIError.fromResponse(response.status, error, response.headers);
      return { data: data as T, response };
    } catch (error) {
      if (error instanceof APIError) throw error;
      if (controller.signal.aborted) throw new APIUserAbortError();
      throw new APIConnectionError(`Could not reach ${options.baseUrl}.`, { cause: error });
    } finally {
      signal?.removeEventListener("abort", forward);
    }
  }

  async function create(body: ChatCompletionCreateParams, call: RequestOptions = {}) {
    if (!body.stream) {
      const { data } = await send<ChatCompletion>(
        (signal) => api.POST("/v1/chat/completions", { body, headers: headersFor(call), signal }),
        call.signal,
      );
      return data;
    }
    const controller = new AbortController();
    const { response } = await send(
      (signal) => api.POST("/v1/chat/completions", { body, headers: headersFor(call), signal, parseAs: "stream" }),
      call.signal,
      controller,
    );
    // The caller's signal keeps working while the stream is read.
    call.signal?.addEventListener("abort", () => controller.abort(call.signal?.reason), { once: true });
    return new ChatCompletionStream(response, controller);
  }

  return {
    chat: { completions: { create: create as Completions["create"] } },
    models: {
      list: async (call) =>
        (await send<ModelList>((signal) => api.GET("/v1/models", { headers: headersFor(call), signal }), call?.signal))
          .data,
      retrieve: async (id, call) =>
        (
          await send<Model>(
            (signal) =>
              api.GET("/v1/models/{model}", { params: { path: { model: id } }, headers: headersFor(call), signal }),
            call?.signal,
          )
        ).data,
    },
  };
}
