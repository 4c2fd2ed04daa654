/**
 * `@openclaw/chat-completions-client`: a typed client for an OpenClaw gateway's
 * OpenAI-compatible `/v1/chat/completions` and `/v1/models`, generated from the same OpenAPI
 * document as the server.
 *
 * @packageDocumentation
 */
export {
  agentModel,
  type ChatCompletionsClient,
  type ClientOptions,
  type Completions,
  createChatCompletionsClient,
  type RequestOptions,
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
export type { WithRequestID } from "./request.js";
export { ChatCompletionStream } from "./stream.js";
export type * from "./types.js";
