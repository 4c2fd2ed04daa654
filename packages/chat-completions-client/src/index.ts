/**
 * `@openclaw/chat-completions-client`: a typed client for an OpenClaw gateway's
 * OpenAI-compatible `/v1/chat/completions`, `/v1/responses` and `/v1/models`, generated from
 * the same OpenAPI document as the server.
 *
 * @packageDocumentation
 */
export {
  agentModel,
  type ChatCompletionsClient,
  type Completions,
  createChatCompletionsClient,
} from "./client.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ErrorFields,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors/index.js";
export { EventStream } from "./event-stream.js";
export type { ClientOptions, RequestOptions, SendOptions } from "./options.js";
export { CursorPage } from "./page.js";
export type { WithRequestID } from "./request.js";
export { ResponseStream } from "./response-stream.js";
export type { InputItemsQuery, Responses } from "./responses.js";
export { ChatCompletionStream } from "./stream.js";
export type * from "./types.js";
