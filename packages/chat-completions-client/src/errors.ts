/** The OpenAI error body's fields. */
export interface ErrorFields {
  message?: string;
  type?: string;
  code?: string | null;
  param?: string | null;
}

/**
 * Any error the gateway answered with: the HTTP `status` (undefined for an error sent inside a
 * stream), the OpenAI `error` fields, and the response headers.
 *
 * @example
 * try {
 *   await client.chat.completions.create({ model: "openclaw", messages });
 * } catch (error) {
 *   if (error instanceof RateLimitError) await sleep((error.retryAfter ?? 1) * 1000);
 *   else if (error instanceof APIError) console.error(error.status, error.code, error.message);
 * }
 */
export class APIError extends Error {
  override name = "APIError";
  readonly type: string | undefined;
  readonly code: string | null;
  readonly param: string | null;

  constructor(
    readonly status: number | undefined,
    readonly error: ErrorFields | undefined,
    message: string | undefined,
    readonly headers: Headers = new Headers(),
  ) {
    super(message ?? error?.message ?? (status ? `HTTP ${status}` : "Unknown error"));
    this.type = error?.type;
    this.code = error?.code ?? null;
    this.param = error?.param ?? null;
  }

  /** The error class for an HTTP status, with the body's `error` fields. */
  static fromResponse(status: number, body: unknown, headers: Headers): APIError {
    const fields = (body as { error?: ErrorFields } | undefined)?.error;
    const message = fields?.message ?? (typeof body === "string" && body ? body : undefined);
    if (status === 400 || status === 413 || status === 415 || status === 422) {
      return new BadRequestError(status, fields, message, headers);
    }
    if (status === 401) return new AuthenticationError(status, fields, message, headers);
    if (status === 403) return new PermissionDeniedError(status, fields, message, headers);
    if (status === 404) return new NotFoundError(status, fields, message, headers);
    if (status === 429) return new RateLimitError(status, fields, message, headers);
    if (status >= 500) return new InternalServerError(status, fields, message, headers);
    return new APIError(status, fields, message, headers);
  }

  /** The error class for an error event inside a stream, chosen by its OpenAI `type`. */
  static fromStreamEvent(fields: ErrorFields): APIError {
    const ErrorClass =
      fields.type === "rate_limit_error"
        ? RateLimitError
        : fields.type === "authentication_error"
          ? AuthenticationError
          : fields.type === "invalid_request_error"
            ? BadRequestError
            : APIError;
    return new ErrorClass(undefined, fields, fields.message);
  }
}

/** 400, 413, 415: the request was refused as sent; `param` names the field. */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}

/** 401: missing or wrong bearer token. */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}

/** 403. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}

/** 404: an unknown agent or model (`code: "model_not_found"`). */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}

/** 429: locked out after failed authentication, or an upstream rate limit. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** Seconds to wait, from `Retry-After`, when the server sent one. */
  get retryAfter(): number | undefined {
    const value = this.headers.get("retry-after");
    if (value === null) return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return seconds;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
}

/** 5xx: the agent or its upstream model failed. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/** The gateway could not be reached, or the connection broke. */
export class APIConnectionError extends APIError {
  override name = "APIConnectionError";
  constructor(message = "Connection error.", options?: { cause?: unknown }) {
    super(undefined, undefined, message);
    if (options?.cause !== undefined) Object.defineProperty(this, "cause", { value: options.cause });
  }
}

/** The request was aborted by its signal (or by leaving a stream early). */
export class APIUserAbortError extends APIError {
  override name = "APIUserAbortError";
  constructor(message = "Request was aborted.") {
    super(undefined, undefined, message);
  }
}
