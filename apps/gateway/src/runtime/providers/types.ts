import type { AgentEvent, ConversationMessage, TurnParameters } from "@openclaw/chat-completions-server";

/** What a model provider is asked: the agent's context for one turn. */
export interface ModelRequest {
  /** The model id within the provider (`echo` for `demo/echo`). */
  model: string;
  system?: string;
  messages: ConversationMessage[];
  params: TurnParameters;
}

/** A source of completions: yields text and tool-call events, and one `done` with usage. */
export interface ModelProvider {
  stream(request: ModelRequest, signal: AbortSignal): AsyncIterable<AgentEvent>;
}
