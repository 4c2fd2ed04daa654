import createClient, { type Client } from "openapi-fetch";
import type { EventStream } from "./event-stream.js";
import type { ClientOptions, RequestOptions } from "./options.js";
import { type Attempt, send, type WithRequestID, withRequestID } from "./request.js";
import type { paths } from "./types.js";

/** openai-node's default: 10 minutes for an answer (a stream's: for its first byte). */
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
/** openai-node's default: two more attempts. */
const DEFAULT_MAX_RETRIES = 2;
/** setTimeout's limit: a longer delay fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** A bound that no sane caller reaches, so a typo cannot retry for ever. */
const MAX_RETRIES = 1000;

/** Refuses a timeout or retry count that would not work as meant. */
function checked(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}, not ${value}.`);
  }
  return value;
}

/** A stream class: built from the answer, its controller, and what releases the caller's signal. */
type StreamClass<S> = new (response: Response, controller: AbortController, release: () => void) => S;

/** What every resource sends its calls through: one openapi-fetch client, headers, policy. */
export interface Transport {
  api: Client<paths>;
  /** The headers of a call: its own, and the agent and session (the call's, else the client's). */
  headersFor(call?: RequestOptions): Record<string, string>;
  /** A call answered with one JSON body, which gets the answer's `requestID`. */
  json<T>(attempt: Attempt, call?: RequestOptions): Promise<WithRequestID<T>>;
  /** A call answered with an event stream, read through `Stream`. */
  stream<S extends EventStream<unknown>>(
    attempt: Attempt,
    call: RequestOptions | undefined,
    Stream: StreamClass<S>,
  ): Promise<S>;
}

export function createTransport(options: ClientOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const defaults = {
    timeout: checked("timeout", options.timeout ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS),
    maxRetries: checked("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES, MAX_RETRIES),
  };
  const api = createClient<paths>({
    baseUrl,
    fetch: options.fetch,
    headers: { ...options.headers, authorization: `Bearer ${options.token}` },
  });
  const policyFor = (call: RequestOptions = {}) => ({
    timeout: call.timeout === undefined ? defaults.timeout : checked("timeout", call.timeout, MAX_TIMEOUT_MS),
    maxRetries:
      call.maxRetries === undefined ? defaults.maxRetries : checked("maxRetries", call.maxRetries, MAX_RETRIES),
    signal: call.signal,
    baseUrl,
  });

  return {
    api,
    headersFor(call = {}) {
      const headers: Record<string, string> = { ...call.headers };
      const agentId = call.agentId ?? options.agentId;
      const sessionKey = call.sessionKey ?? options.sessionKey;
      if (agentId !== undefined) headers["x-openclaw-agent-id"] = agentId;
      if (sessionKey !== undefined) headers["x-openclaw-session-key"] = sessionKey;
      return headers;
    },
    async json<T>(attempt: Attempt, call?: RequestOptions) {
      const { data, response, link } = await send(attempt, policyFor(call));
      link.release();
      return withRequestID(data as T, response);
    },
    async stream(attempt, call, Stream) {
      const { response, controller, link } = await send(attempt, policyFor(call));
      // The caller's signal keeps aborting the stream while it is read (the link stays), and
      // its listener goes when the stream ends.
      return new Stream(response, controller, () => link.release());
    },
  };
}
