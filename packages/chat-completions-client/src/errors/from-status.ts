import { APIError, type ErrorFields } from "./api-error.js";
import { AuthenticationError } from "./authentication-error.js";
import { BadRequestError } from "./bad-request-error.js";
import { ConflictError } from "./conflict-error.js";
import { InternalServerError } from "./internal-server-error.js";
import { NotFoundError } from "./not-found-error.js";
import { PermissionDeniedError } from "./permission-denied-error.js";
import { RateLimitError } from "./rate-limit-error.js";
import { UnprocessableEntityError } from "./unprocessable-entity-error.js";

const classByStatus: Readonly<Record<number, typeof APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The class for an HTTP status, as openai-node chooses it (other 4xx: plain `APIError`). */
function classFor(status: number): typeof APIError {
  return classByStatus[status] ?? (status >= 500 ? InternalServerError : APIError);
}

/** The error for an HTTP error answer: its class by status, the body's `error` fields. */
export function errorFromResponse(status: number, body: unknown, headers: Headers): APIError {
  const fields = (body as { error?: ErrorFields } | undefined)?.error;
  const message = fields?.message ?? (typeof body === "string" && body ? body : undefined);
  return new (classFor(status))(status, fields, message, headers);
}

/**
 * The status each of the gateway's 4xx error codes is sent with (errors.ts in the server
 * package), and the Responses API's `server_error`. An error event in a stream has no status,
 * so its code, else its type, says which status the same error would have had before the
 * stream began. 5xx codes need no entry: their type (`api_error`) or, in a Responses stream,
 * the default says `InternalServerError`.
 */
const statusByCode: Readonly<Record<string, number>> = {
  bad_request: 400,
  invalid_api_key: 401,
  unauthorized: 401,
  forbidden: 403,
  method_not_allowed: 405,
  model_not_found: 404,
  not_found: 404,
  response_not_found: 404,
  previous_response_not_found: 404,
  request_timeout: 408,
  conflict: 409,
  request_too_large: 413,
  response_chain_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  rate_limit_exceeded: 429,
  too_many_runs: 429,
  server_error: 500,
};
const statusByType: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  rate_limit_error: 429,
  api_error: 500,
  server_error: 500,
};

/**
 * The error for an error event inside a stream (`status` undefined; `headers` and `requestID`
 * are the stream's): the class the same error has as an HTTP answer before the stream began.
 */
export function errorFromEvent(fields: ErrorFields, headers: Headers): APIError {
  const status = statusByCode[fields.code ?? ""] ?? statusByType[fields.type ?? ""];
  const ErrorClass = status === undefined ? APIError : classFor(status);
  return new ErrorClass(undefined, fields, fields.message, headers);
}

/**
 * The error for a `response.failed` event, from its `error` (`code` and `message`; no type, no
 * status): the class its code stands for, else `InternalServerError`, since a response that
 * failed after it began failed on the server's side unless its code says otherwise.
 */
export function errorFromFailedResponse(
  failed: { code: string; message: string } | null | undefined,
  headers: Headers,
): APIError {
  const fields: ErrorFields = { code: failed?.code ?? null, message: failed?.message ?? "The response failed." };
  return new (classFor(statusByCode[fields.code ?? ""] ?? 500))(undefined, fields, fields.message, headers);
}
