/** What a client and each of its calls may set about sending: timeout, retries. */
export interface SendOptions {
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
