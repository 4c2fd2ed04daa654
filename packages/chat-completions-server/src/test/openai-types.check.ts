// Type-level proof that the spec speaks OpenAI's language: `tsc --noEmit` fails when it drifts.
import type OpenAI from "openai";
import type { components } from "../generated/openapi.js";

type Schemas = components["schemas"];

// Every request the official SDK can build is a request our spec accepts.
declare const streaming: OpenAI.Chat.ChatCompletionCreateParamsStreaming;
declare const nonStreaming: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
export const sdkStreamingRequest: Schemas["CreateChatCompletionRequest"] = streaming;
export const sdkRequest: Schemas["CreateChatCompletionRequest"] = nonStreaming;

// Everything we answer is what the SDK expects to receive.
declare const completion: Schemas["CreateChatCompletionResponse"];
declare const chunk: Schemas["CreateChatCompletionStreamResponse"];
declare const model: Schemas["Model"];
export const asSdkCompletion: OpenAI.Chat.ChatCompletion = completion;
export const asSdkChunk: OpenAI.Chat.ChatCompletionChunk = chunk;
export const asSdkModel: OpenAI.Models.Model = model;
