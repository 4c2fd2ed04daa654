/**
 * The contract between the protocol (this package) and the agent runtime (the host's).
 * The router turns each request into an {@link AgentTurn}, calls {@link RunAgent}, and turns
 * the {@link AgentEvent}s it yields into a `chat.completion` or an SSE stream.
 */
import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** The request body, as the spec defines it. */
export type ChatCompletionRequest = Schemas["CreateChatCompletionRequest"];
/** A non-streamed answer. */
export type ChatCompletion = Schemas["CreateChatCompletionResponse"];
/** One chunk of a streamed answer. */
export type ChatCompletionChunk = Schemas["CreateChatCompletionStreamResponse"];
/** Any message of the request. */
export type ChatMessage = Schemas["ChatCompletionRequestMessage"];
/** A conversation message the agent sees: everything but `system` and `developer`. */
export type ConversationMessage =
  | Schemas["ChatCompletionRequestUserMessage"]
  | Schemas["ChatCompletionRequestAssistantMessage"]
  | Schemas["ChatCompletionRequestToolMessage"]
  | Schemas["ChatCompletionRequestFunctionMessage"];
/** Token counts of one turn. */
export type Usage = Schemas["CompletionUsage"];
/** Why the agent stopped. */
export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter";
/** The OpenAI error body: `{ error: { message, type, param, code } }`. */
export type ErrorBody = Schemas["ErrorResponse"];

/**
 * How the session of a turn was chosen:
 * - `explicit`: a key the client chose (the `x-openclaw-session-key` header, in its agent's
 *   namespace for chosen keys: see `selectHttpSession`), or a host door's own fixed session;
 * - `user`: derived from the OpenAI `user` field, stable across calls;
 * - `ephemeral`: fresh for this request only; nothing needs to be stored.
 */
export type SessionKind = "ephemeral" | "user" | "explicit";

/** The OpenAI sampling and tool parameters an agent may honour. Absent when the request omits them. */
export interface TurnParameters {
  temperature?: number;
  top_p?: number;
  /** `max_completion_tokens`, or the deprecated `max_tokens` when only that is given. */
  max_completion_tokens?: number;
  stop?: string[];
  seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  response_format?: ChatCompletionRequest["response_format"];
  tools?: NonNullable<ChatCompletionRequest["tools"]>;
  tool_choice?: ChatCompletionRequest["tool_choice"];
  parallel_tool_calls?: boolean;
}

/** One agent turn, as the router hands it to {@link RunAgent}. */
export interface AgentTurn {
  /** Lowercased agent id, known to the host's {@link AgentDirectory}. */
  agentId: string;
  sessionKey: string;
  sessionKind: SessionKind;
  /** The request's `system` and `developer` texts, in order, joined by a blank line. */
  system?: string;
  /** The request's conversation without `system`/`developer` messages, in order. */
  messages: ConversationMessage[];
  params: TurnParameters;
  /** The OpenAI `user` field, when given. */
  user?: string;
  /** The request's `model`, as sent. */
  model: string;
}

/** A piece of assistant text. */
export interface TextDeltaEvent {
  type: "text";
  text: string;
}

/**
 * A piece of a call of a client-side tool. The first event of a call carries `id` and `name`;
 * later ones append to `arguments`. `index` tells parallel calls apart.
 */
export interface ToolCallDeltaEvent {
  type: "tool_call";
  index: number;
  id?: string;
  name?: string;
  arguments?: string;
}

/** The last event of a turn. */
export interface DoneEvent {
  type: "done";
  /** Defaults to `tool_calls` when the turn called tools, else `stop`. */
  finishReason?: FinishReason;
  usage?: Usage;
}

export type AgentEvent = TextDeltaEvent | ToolCallDeltaEvent | DoneEvent;

/** What the router passes besides the turn. */
export interface RunContext {
  /** Aborted when the client disconnects or the server shuts the request down. */
  signal: AbortSignal;
}

/**
 * Runs one agent turn. Yield events as they come; stop when `signal` aborts. Throw an
 * {@link AgentError} to pick the HTTP status the client sees.
 *
 * @example
 * const runAgent: RunAgent = async function* (turn, { signal }) {
 *   yield { type: "text", text: `hello from ${turn.agentId}` };
 *   yield { type: "done", usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } };
 * };
 */
export type RunAgent = (turn: AgentTurn, context: RunContext) => AsyncIterable<AgentEvent>;

/** The agents a gateway serves. Ids are lowercase and match `^[a-z0-9][a-z0-9_-]{0,63}$`. */
export interface AgentDirectory {
  /** The agent behind `openclaw`, `openclaw/default` and requests that name none. Default `main`. */
  defaultAgentId?: string;
  /** Every agent id, in listing order. Called per request, so it may change at run time. */
  list(): readonly string[];
}

/** A pino-compatible logger. The router never logs secrets or message text. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
