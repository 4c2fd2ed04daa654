import createClient from "openapi-fetch";
import { type Attempt, send, type WithRequestID, withRequestID } from "./request.js";
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

/** openai-node's default: 10 minutes for an answer (a stream's: for its first byte). */
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
/** openai-node's default: two more attempts. */
const DEFAULT_MAX_RETRIES = 2;
/** setTimeout's limit: a longer delay fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** What a client and each of its calls may set about sending: timeout, retries. */
interface SendOptions {
  /**
   * Milliseconds an attempt may wait for its answer (a stream: for its response headers; the
   * stream itself may then run for as long as it runs). Past it the attempt is aborted and, if
   * retries are left, tried again; else `APIConnectionTimeoutError`. Default 600000 (10 min).
   */
  timeout?: number;
  /**
   * How many times a failed attempt is tried again: after a connection error, a timeout, or
   * 408, 409, 429 and 5xx; never after the caller aborted, nor once a stream has begun.
   * Waits what the server's `retry-after-ms` or `Retry-After` asks (up to a minute; longer:
   * no retry), else 0.5 s, 1 s, 2 s … (at most 8 s) less up to 25 % jitter. Default 2.
   */
  maxRetries?: number;
}

export interface ClientOptions extends SendOptions {
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

/** Options of one call; `timeout` and `maxRetries` override the client's. */
export interface RequestOptions extends SendOptions {
  /**
   * Aborts the call (`APIUserAbortError`): while it waits for an answer or for a retry, or,
   * for a stream, while it is read. Its listener is removed when the call or stream ends.
   */
  signal?: AbortSignal;
  agentId?: string;
  sessionKey?: string;
  headers?: Record<string, string>;
}

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
  models: {
    list(options?: RequestOptions): Promise<WithRequestID<ModelList>>;
    retrieve(id: string, options?: RequestOptions): Promise<WithRequestID<Model>>;
  };
}

/** `"openclaw:<id>"`: the `model` that selects agent `id`. */
export function agentModel(id: string): `openclaw:${string}` {
  return `openclaw:${id}`;
}

/** Refuses a timeout or retry count that would not work as meant (setTimeout fires a too-long delay at once). */
function checked(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}, not ${value}.`);
  }
  return value;
}

/**
 * A typed client for an OpenClaw gateway's OpenAI-compatible endpoint. Uses only `fetch`,
 * `ReadableStream` and `TextDecoder`, so it runs in Node 20+ and in browsers. Calls time out,
 * retry and fail as openai-node's do (see {@link ClientOptions}).
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
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const defaults = {
    timeout: checked("timeout", options.timeout ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS),
    maxRetries: checked("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES, 1000),
  };
  const api = createClient<paths>({
    baseUrl,
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

  const policyFor = (call: RequestOptions = {}) => ({
    timeout: call.timeout === undefined ? defaults.timeout : checked("timeout", call.timeout, MAX_TIMEOUT_MS),
    maxRetries: call.maxRetries === undefined ? defaults.maxRetries : checked("maxRetries", call.maxRetries, 1000),
    signal: call.signal,
    baseUrl,
  });

  /** A call answered with one JSON body, which gets the answer's `requestID`. */
  async function json<T>(attempt: Attempt, call: RequestOptions | undefined): Promise<WithRequestID<T>> {
    const { data, response, link } = await send(attempt, policyFor(call));
    link.release();
    return withRequestID(data as T, response);
  }

  async function create(body: ChatCompletionCreateParams, call: RequestOptions = {}) {
    const headers = headersFor(call);
    if (!body.stream) {
      return json<ChatCompletion>((signal) => api.POST("/v1/chat/completions", { body, headers, signal }), call);
    }
    const { response, controller, link } = await send(
      (signal) => api.POST("/v1/chat/completions", { body, headers, signal, parseAs: "stream" }),
      policyFor(call),
    );
    // The caller's signal keeps aborting the stream while it is read (the link stays), and its
    // listener goes when the stream ends.
    return new ChatCompletionStream(response, controller, () => link.release());
  }

  return {
    chat: { completions: { create: create as Completions["create"] } },
    models: {
      list: (call) => json<ModelList>((signal) => api.GET("/v1/models", { headers: headersFor(call), signal }), call),
      retrieve: (id, call) =>
        json<Model>(
          (signal) =>
            api.GET("/v1/models/{model}", { params: { path: { model: id } }, headers: headersFor(call), signal }),
          call,
        ),
    },
  };
}
