import type { Response } from "express";
import { sendJson } from "./send.js";
import type { ErrorBody } from "./types.js";

/**
 * An HTTP error with an OpenAI-shaped body. Every error the router sends is one of these,
 * made by the factories below, so status, type and code stay consistent.
 */
export class OpenAIError extends Error {
  override readonly name = "OpenAIError";
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  toJSON(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/**
 * Throw this from `runAgent` to choose what the client sees. `status` defaults to 500;
 * `type` and `code` default from the status (429 `rate_limit_error`, 5xx `api_error`, …).
 * The message is shown to the client, so keep secrets and stack traces out of it.
 *
 * @example
 * throw new AgentError("Upstream model rate limited the request.", { status: 429 });
 */
export class AgentError extends Error {
  override readonly name = "AgentError";
  readonly status: number;
  readonly type: string | undefined;
  readonly code: string | undefined;
  constructor(message: string, options: { status?: number; type?: string; code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = options.status ?? 500;
    this.type = options.type;
    this.code = options.code;
  }
}

const defaultTypeByStatus: Record<number, string> = {
  401: "authentication_error",
  403: "permission_error",
  404: "invalid_request_error",
  429: "rate_limit_error",
};

function defaultType(status: number): string {
  return defaultTypeByStatus[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

/**
 * The code an agent error gets when it names none. A stream's error event has no HTTP status,
 * so the code is what tells a client (`errorFromEvent` in the client package) that a 404, 409 or
 * 422 is not a 400: both are `invalid_request_error`. A Responses API `response.failed` carries
 * a code and no type, so there the code alone tells a 400, 401 or 403 from a server error.
 */
const defaultCodeByStatus: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  408: "request_timeout",
  409: "conflict",
  413: "request_too_large",
  422: "unprocessable_entity",
  429: "rate_limit_exceeded",
  504: "timeout",
};

/**
 * The code an error of `status` gets when it names none (see above); `null` for a status with
 * no default. A Responses API `response.failed` says `server_error` for those.
 */
export const defaultCode = (status: number): string | null => defaultCodeByStatus[status] ?? null;

export const invalidRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new OpenAIError(400, message, "invalid_request_error", code, param);

export const invalidApiKey = () =>
  new OpenAIError(
    401,
    "Missing or invalid bearer token. Send `Authorization: Bearer <gateway token or password>`.",
    "invalid_request_error",
    "invalid_api_key",
    null,
    { "WWW-Authenticate": "Bearer" },
  );

export const tooManyFailedAttempts = (retryAfterSeconds: number) =>
  new OpenAIError(
    429,
    "Too many failed authentication attempts. Please try again later.",
    "rate_limit_error",
    "rate_limit_exceeded",
    null,
    { "Retry-After": String(retryAfterSeconds) },
  );

/** The failed-auth limiter's store (Redis) failed and `passOnStoreError` is false. */
export const authStoreUnavailable = () =>
  new OpenAIError(500, "The failed-auth limiter is unavailable.", "api_error", "auth_store_unavailable");

/** A client's value quoted in a message, cut short: an error must not echo a megabyte back. */
const quote = (value: string, max = 100) => (value.length > max ? `${value.slice(0, max)}…` : value);

export const modelNotFound = (model: string) =>
  new OpenAIError(
    404,
    `The model '${quote(model)}' does not exist. Use 'openclaw', 'openclaw/default' or 'openclaw/<agentId>' (see GET /v1/models).`,
    "invalid_request_error",
    "model_not_found",
    "model",
  );

export const unknownAgentHeader = (agentId: string) =>
  new OpenAIError(404, `Unknown agent '${quote(agentId)}'.`, "invalid_request_error", "model_not_found", "model");

export const methodNotAllowed = (allow: string) =>
  new OpenAIError(405, `Method not allowed. Use ${allow}.`, "invalid_request_error", "method_not_allowed", null, {
    Allow: allow,
  });

export const payloadTooLarge = (limitBytes: number) =>
  new OpenAIError(
    413,
    `Request body is larger than ${limitBytes} bytes.`,
    "invalid_request_error",
    "request_too_large",
  );

export const unsupportedMediaType = (contentType: string | undefined) =>
  new OpenAIError(
    415,
    `Unsupported Content-Type '${contentType ?? ""}'. Send the body as application/json.`,
    "invalid_request_error",
    "unsupported_media_type",
  );

export const requestTimeout = () =>
  new OpenAIError(408, "The request body did not arrive in time.", "invalid_request_error", "request_timeout", null, {
    Connection: "close",
  });

export const shuttingDown = () =>
  new OpenAIError(503, "The gateway is shutting down.", "api_error", "shutting_down", null, { Connection: "close" });

/**
 * The gateway is at a bound of work it takes at once (the message says which, e.g. PDFs being read):
 * not the client's fault, so 503 and when to come back.
 */
export const serverBusy = (message: string, retryAfterSeconds = 1) =>
  new OpenAIError(503, message, "api_error", "server_busy", null, {
    "Retry-After": String(Math.max(1, retryAfterSeconds)),
  });

export const internalError = () => new OpenAIError(500, "The agent failed.", "api_error", "internal_error");

/** `previous_response_id` names no response this gateway can continue (unknown, deleted, expired, unstored, another agent's). */
export const previousResponseNotFound = (id: string) =>
  new OpenAIError(
    404,
    `Previous response with id '${quote(id)}' not found.`,
    "invalid_request_error",
    "previous_response_not_found",
    "previous_response_id",
  );

/** `GET`/`DELETE /v1/responses/{id}` of a response that is not stored (or no longer). */
export const responseNotFound = (id: string) =>
  new OpenAIError(404, `Response with id '${quote(id)}' not found.`, "invalid_request_error", "response_not_found");

/** The responses store failed: nothing was stored or read, and the client may retry. */
export const responsesStoreUnavailable = () =>
  new OpenAIError(503, "The responses store is unavailable. Try again later.", "api_error", "store_unavailable", null, {
    "Retry-After": "1",
  });

/** The conversation a stored response would keep is over the store's per-response bound. */
export const responseChainTooLarge = (limitBytes: number, param: string) =>
  new OpenAIError(
    413,
    `What this response would store (its chain's history, input, instructions and tools) is larger than ${limitBytes} bytes, the most a stored response keeps. Start a new chain, or send \`store: false\`.`,
    "invalid_request_error",
    "response_chain_too_large",
    param,
  );

/** A path the host serves nothing at. */
export const notFound = () => new OpenAIError(404, "Not found.", "invalid_request_error", "not_found");

/**
 * A message (a WebSocket frame) the host cannot read: `param` names the bad field (`null`: the
 * frame as a whole). Both are cut short, since either may come from the client.
 */
export const invalidFrame = (param: string | null, message: string) =>
  new OpenAIError(
    400,
    quote(message, 300),
    "invalid_request_error",
    "invalid_frame",
    param === null ? null : quote(param),
  );

/** A run started with the id of one still in progress on the same connection. */
export const duplicateRunId = (id: string) =>
  new OpenAIError(
    400,
    `A run with id '${quote(id)}' is already in progress.`,
    "invalid_request_error",
    "duplicate_id",
    "id",
  );

/** Over a cap of concurrent runs; `scope` says whose (`"connection"`, `"gateway"`). */
export const tooManyRuns = (limit: number, scope: string) =>
  new OpenAIError(
    429,
    `Too many runs in progress (at most ${limit} per ${scope}). Wait for one to finish.`,
    "rate_limit_error",
    "too_many_runs",
  );

/**
 * An upgrade past the host's cap of open WebSocket connections (`limit`): the gateway is full,
 * not the client wrong, so 503 and a hint to come back.
 */
export const tooManyConnections = (limit: number) =>
  new OpenAIError(
    503,
    `Too many WebSocket connections (at most ${limit}). Try again later.`,
    "api_error",
    "too_many_connections",
    null,
    { "Retry-After": "1" },
  );

/**
 * A browser page from an origin the host does not allow (a WebSocket upgrade's `Origin`): not
 * a wrong secret, so it is refused before the secret is looked at and never counted.
 */
export const originNotAllowed = () =>
  new OpenAIError(
    403,
    "This origin is not allowed to connect. Add it to gateway.http.cors.allowedOrigins.",
    "permission_error",
    "origin_not_allowed",
  );

/**
 * A request (or WebSocket upgrade) addressed to a name the host does not serve: on a gateway
 * bound to loopback, a page whose name DNS rebinds to 127.0.0.1. Refused before the secret is
 * looked at, and never counted: the name is not a guess at the secret.
 */
export const hostNotAllowed = () =>
  new OpenAIError(
    403,
    "This host name is not served here. Use 127.0.0.1 or localhost, or add the name to gateway.http.allowedHosts.",
    "permission_error",
    "host_not_allowed",
  );

/**
 * Turns anything `runAgent` threw into the error the client sees; unknown errors stay opaque.
 * Hosts with other transports (a WebSocket) use it too, so every transport says the same.
 */
export function fromAgentError(error: unknown): OpenAIError {
  if (error instanceof OpenAIError) return error;
  if (error instanceof AgentError) {
    const status = error.status >= 400 && error.status <= 599 ? error.status : 500;
    const code = error.code ?? defaultCode(status);
    const headers: Record<string, string> = status === 429 ? { "Retry-After": "1" } : {};
    return new OpenAIError(status, error.message, error.type ?? defaultType(status), code, null, headers);
  }
  return internalError();
}

/** Writes `error` as the response: status, its headers, and the OpenAI body. */
export function sendError(res: Response, error: OpenAIError): void {
  sendJson(res, error.status, error.toJSON(), error.headers);
}

/**
 * Why an image or file part of a request is refused. `param` names the part
 * (`messages[2].content[1].image_url`, `input[1].content[0]`); the message says why and never
 * quotes the part's data.
 */
export type MediaErrorCode =
  | "too_many_images"
  | "image_too_large"
  | "unsupported_image_type"
  | "invalid_image_data"
  | "image_url_not_allowed"
  | "image_fetch_failed"
  | "too_many_files"
  | "file_too_large"
  | "unsupported_file_type"
  | "invalid_file_data";

/** A refused image or file part: 400, `param` naming the part, `code` saying why. */
export const mediaRefused = (code: MediaErrorCode, param: string, message: string) =>
  new OpenAIError(400, message, "invalid_request_error", code, quote(param, 200));
