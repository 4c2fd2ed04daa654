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

/** The request body of `POST /v1/responses`. */
export type ResponseCreateParams = Schemas["CreateResponseRequest"];
/** A Responses request that asks for a stream of events. */
export type ResponseCreateParamsStreaming = ResponseCreateParams & { stream: true };
/** A Responses request that asks for one `response` object. */
export type ResponseCreateParamsNonStreaming = ResponseCreateParams & { stream?: false | null };
/** An input item of a Responses request (a message, a function call, its output). */
export type ResponseInputItem = Schemas["ResponseInputItem"];
/** A response (named `Response` in the OpenAI SDK; here apart from fetch's `Response`). */
export type ResponseObject = Schemas["Response"];
/** One event of a streamed response; `type` says which. */
export type ResponseStreamEvent = Schemas["ResponseStreamEvent"];
/** A stored input item, as `input_items` lists it. */
export type ResponseItem = Schemas["ResponseItem"];
/** One page of `GET /v1/responses/{id}/input_items`. */
export type ResponseItemList = Schemas["ResponseItemList"];
/** The answer of `DELETE /v1/responses/{id}`. */
export type ResponseDeleted = Schemas["ResponseDeleted"];
/** Why a response failed (`response.error`). */
export type ResponseError = Schemas["ResponseError"];
