import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** The request body of `POST /v1/chat/completions`. */
export type ChatCompletionCreateParams = Schemas["CreateChatCompletionRequest"];
/** A request that asks for a stream. */
export type ChatCompletionCreateParamsStreaming = ChatCompletionCreateParams & { stream: true };
/** A request that asks for one JSON answer. */
export type ChatCompletionCreateParamsNonStreaming = ChatCompletionCreateParams & { stream?: false | null };
/** Any message of a request. */
export type ChatCompletionMessageParam = Schemas["ChatCompletionRequestMessage"];
/** A non-streamed answer. */
export type ChatCompletion = Schemas["CreateChatCompletionResponse"];
/** One chunk of a streamed answer. */
export type ChatCompletionChunk = Schemas["CreateChatCompletionStreamResponse"];
export type Model = Schemas["Model"];
export type ModelList = Schemas["ListModelsResponse"];
export type { components, paths } from "./generated/openapi.js";
