// One class per file (as ky and openai-node); the status → class choice is in from-status.ts.
export { APIConnectionError } from "./api-connection-error.js";
export { APIConnectionTimeoutError } from "./api-connection-timeout-error.js";
export { APIError, type ErrorFields } from "./api-error.js";
export { APIUserAbortError } from "./api-user-abort-error.js";
export { AuthenticationError } from "./authentication-error.js";
export { BadRequestError } from "./bad-request-error.js";
export { ConflictError } from "./conflict-error.js";
export { errorFromEvent, errorFromFailedResponse, errorFromResponse } from "./from-status.js";
export { InternalServerError } from "./internal-server-error.js";
export { NotFoundError } from "./not-found-error.js";
export { PermissionDeniedError } from "./permission-denied-error.js";
export { RateLimitError } from "./rate-limit-error.js";
export { UnprocessableEntityError } from "./unprocessable-entity-error.js";
