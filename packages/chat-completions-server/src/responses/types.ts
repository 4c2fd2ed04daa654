/** The Responses API's wire types, as the spec defines them, and what a store keeps. */
import type { components } from "../generated/openapi.js";
import type { ConversationMessage } from "../types.js";

type Schemas = components["schemas"];

/** The `POST /v1/responses` body. */
export type CreateResponseRequest = Schemas["CreateResponseRequest"];
/** A response object. */
export type ResponseObject = Schemas["Response"];
/** One request input item. */
export type ResponseInputItem = Schemas["ResponseInputItem"];
/** One output item of a response. */
export type ResponseOutputItem = Schemas["ResponseOutputItem"];
/** A stored item, as `input_items` lists it. */
export type ResponseItem = Schemas["ResponseItem"];
/** One event of a streamed response. */
export type ResponseStreamEvent = Schemas["ResponseStreamEvent"];
/** A `function` tool of a request. */
export type ResponseFunctionTool = Schemas["ResponseFunctionTool"];

/** What a {@link ResponsesStore} keeps per response. Plain JSON: a store may serialise it. */
export interface StoredResponse {
  /** The response as it was answered. */
  response: ResponseObject;
  /** This request's input items, with ids (what `input_items` lists). */
  input: ResponseItem[];
  /**
   * The conversation the agent saw (the chain's, then this request's) followed by this
   * response's answer: where a `previous_response_id` continuation starts.
   */
  conversation: ConversationMessage[];
  /** The agent that answered: a continuation must name the same one. */
  agentId: string;
  /**
   * The session key the request selected (`user`, `x-openclaw-session-key`), or `"none"`: a
   * continuation must select the same. Absent on records stored before it was kept ("none").
   */
  scope?: string;
}

/**
 * Where stored responses live; the host injects it (a file store, Redis…). Each call may
 * reject: the router answers 503 `store_unavailable` and stores nothing half-way.
 *
 * @example
 * const store: ResponsesStore = {
 *   async get(id) { return map.get(id); },
 *   async put(id, value, ttlMs) { map.set(id, value); },
 *   async delete(id) { return map.delete(id); },
 * };
 */
export interface ResponsesStore {
  /** The response stored under `id`, or undefined when there is none (or it expired). */
  get(id: string): Promise<StoredResponse | undefined>;
  /** Stores `value` under `id` for `ttlMs` milliseconds. */
  put(id: string, value: StoredResponse, ttlMs: number): Promise<void>;
  /** Deletes `id`; resolves whether there was one. */
  delete(id: string): Promise<boolean>;
  /**
   * The size in bytes of the record stored under `id` (0 when there is none), read without
   * loading it: with the router's `reserveLoad`, a chain's size is reserved before it is loaded.
   */
  size?(id: string): Promise<number>;
}
