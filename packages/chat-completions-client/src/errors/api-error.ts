/** The OpenAI error body's fields. */
export interface ErrorFields {
  message?: string;
  type?: string;
  code?: string | null;
  param?: string | null;
}

/**
 * Any error the gateway answered with, or that kept the answer from arriving: the HTTP `status`
 * (undefined for an error event inside a stream and for the connection errors), the OpenAI
 * `error` fields, the response `headers` and the gateway's `requestID`. Its subclasses are
 * chosen by status as openai-node chooses them, so code written for the `openai` SDK catches
 * the same classes.
 *
 * @example
 * try {
 *   await client.chat.completions.create({ model: "openclaw", messages });
 * } catch (error) {
 *   if (error instanceof RateLimitError) console.log(`retry in ${error.retryAfter}s`);
 *   else if (error instanceof APIError) console.error(error.status, error.code, error.message, error.requestID);
 * }
 */
export class APIError extends Error {
  override name = "APIError";
  /** The OpenAI error `type`, e.g. `invalid_request_error`. */
  readonly type: string | undefined;
  /** The OpenAI error `code`, e.g. `model_not_found`. */
  readonly code: string | null;
  /** The request field the error is about, e.g. `messages[0].role`. */
  readonly param: string | null;
  /**
   * The gateway's `x-request-id` for the request (its log line carries the same id); `null`
   * when no answer arrived.
   */
  readonly requestID: string | null;

  constructor(
    /** The HTTP status; undefined for an error event inside a stream and for connection errors. */
    readonly status: number | undefined,
    /** The body's `error` object, as sent. */
    readonly error: ErrorFields | undefined,
    message: string | undefined,
    /** The headers of the response that carried the error (empty when none arrived). */
    readonly headers: Headers = new Headers(),
  ) {
    super(message ?? error?.message ?? (status ? `HTTP ${status}` : "Unknown error"));
    this.type = error?.type;
    this.code = error?.code ?? null;
    this.param = error?.param ?? null;
    this.requestID = headers.get("x-request-id");
  }
}
