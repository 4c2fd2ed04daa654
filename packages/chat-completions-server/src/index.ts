/**
 * `@openclaw/chat-completions-server`: an OpenAI-compatible `POST /v1/chat/completions` (and
 * `/v1/models`) for OpenClaw agents, as an Express 5 router. The host injects the agent runtime
 * as {@link RunAgent}; this package owns the protocol.
 *
 * @packageDocumentation
 */

export { answerErrors } from "./answer-errors.js";
export {
  type AuthGate,
  type AuthGateOptions,
  type AuthOptions,
  addressedToLoopback,
  authenticate,
  BoundedMemoryStore,
  bearerSecret,
  createAuthGate,
  createSecretCheck,
  DEFAULT_MAX_TRACKED_CLIENTS,
  hostName,
  MAX_AUTHORIZATION_LENGTH,
  MAX_SECRET_LENGTH,
  type RateLimitOptions,
  type RateLimitStoreFactory,
  refuseAndClose,
  refuseUpgrade,
  StoreBusyError,
} from "./auth/index.js";
export { DEFAULT_MAX_JSON_DEPTH } from "./body.js";
export {
  AgentError,
  duplicateRunId,
  fromAgentError,
  hostNotAllowed,
  invalidFrame,
  type MediaErrorCode,
  mediaRefused,
  notFound,
  OpenAIError,
  originNotAllowed,
  previousResponseNotFound,
  responseNotFound,
  responsesStoreUnavailable,
  sendError,
  serverBusy,
  shuttingDown,
  tooManyConnections,
  tooManyRuns,
} from "./errors.js";
export { ToolCallAccumulator, untilAborted } from "./events.js";
export { expressClasses } from "./express-classes.js";
export type { components, paths } from "./generated/openapi.js";
export { chatMediaParts, chatPartOf, withCheckedMedia } from "./media/chat.js";
export { describeImage, fileTextPart, placeholder, sessionPlaceholder } from "./media/placeholder.js";
export {
  type CheckedFile,
  type CheckedImage,
  type CheckedMedia,
  checkMedia,
  DEFAULT_FILE_POLICY,
  DEFAULT_IMAGE_POLICY,
  type FilePolicy,
  type ImageFetcher,
  ImageFetchRefused,
  type ImagePolicy,
  type MediaPart,
  type MediaPolicy,
} from "./media/policy.js";
export {
  observeAgent,
  observeRequests,
  type RequestFinishedEvent,
  type RunOutcome,
  type ServerObserver,
} from "./observer.js";
export { DEFAULT_MAX_STORED_RESPONSE_BYTES, DEFAULT_RESPONSES_TTL_MS } from "./responses/handlers.js";
export { DEFAULT_MEMORY_STORE_MAX_ENTRIES, MemoryResponsesStore } from "./responses/store.js";
export type * from "./responses/types.js";
export {
  type ChatCompletionsRouter,
  type ChatCompletionsRouterOptions,
  createChatCompletionsRouter,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SLOW_READER_TIMEOUT_MS,
  type ResponsesOptions,
} from "./router.js";
export { abortedWith, InFlightRuns, type RunInfo } from "./runs.js";
export { AGENT_ID, agentIdFromModel, selectAgent } from "./select.js";
export {
  ephemeralSessionKey,
  explicitSessionKey,
  MAX_SESSION_KEY_LENGTH,
  mainSessionKey,
  newSessionKey,
  RESERVED_SESSION_KEY_PREFIXES,
  SESSION_KEY_HEADER,
  type SessionChoice,
  selectHttpSession,
  selectSocketSession,
  sessionKeyError,
  userSessionKey,
} from "./session-key.js";
export { textOf } from "./turn.js";
export type * from "./types.js";
