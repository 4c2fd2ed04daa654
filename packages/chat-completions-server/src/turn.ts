import { invalidRequest } from "./errors.js";
import type { SessionChoice } from "./select.js";
import type { AgentTurn, ChatCompletionRequest, ChatMessage, ConversationMessage, TurnParameters } from "./types.js";

type Content = ChatMessage["content"];

/**
 * The text of a message's content: a string as is, text parts joined by a newline. Images,
 * audio and files carry no text and are left out.
 *
 * @example
 * textOf({ role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }); // "a\nb"
 */
export function textOf(message: { content?: Content }): string {
  const { content } = message;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .flatMap((part) => (part.type === "text" ? [part.text] : part.type === "refusal" ? [part.refusal] : []))
    .join("\n");
}

function parametersOf(body: ChatCompletionRequest): TurnParameters {
  const stop = body.stop ?? undefined;
  const all: { [K in keyof TurnParameters]: TurnParameters[K] | null } = {
    temperature: body.temperature,
    top_p: body.top_p,
    max_completion_tokens: body.max_completion_tokens ?? body.max_tokens,
    stop: stop === undefined ? undefined : typeof stop === "string" ? [stop] : stop,
    seed: body.seed,
    frequency_penalty: body.frequency_penalty,
    presence_penalty: body.presence_penalty,
    response_format: body.response_format,
    tools: body.tools,
    tool_choice: body.tool_choice,
    parallel_tool_calls: body.parallel_tool_calls,
  };
  // Only what the client set (null means unset, as OpenAI reads it). Copied rather than
  // deleted from: `delete` turns an object into a slow dictionary.
  const params: Record<string, unknown> = {};
  for (const key in all) {
    const value = all[key as keyof TurnParameters];
    if (value != null) params[key] = value;
  }
  return params as TurnParameters;
}

/** Builds the turn the agent runs from a validated request. */
export function toAgentTurn(body: ChatCompletionRequest, agentId: string, session: SessionChoice): AgentTurn {
  if (body.n != null && body.n > 1) {
    throw invalidRequest("Only n=1 is supported: an agent turn yields one choice.", "n", "unsupported_value");
  }
  const system: string[] = [];
  const messages: ConversationMessage[] = [];
  for (const message of body.messages) {
    if (message.role === "system" || message.role === "developer") system.push(textOf(message));
    else messages.push(message);
  }
  if (messages.length === 0) {
    throw invalidRequest("`messages` must contain at least one user, assistant or tool message.", "messages");
  }
  const turn: AgentTurn = {
    agentId,
    ...session,
    messages,
    params: parametersOf(body),
    model: body.model,
  };
  if (system.length > 0) turn.system = system.join("\n\n");
  if (body.user) turn.user = body.user;
  return turn;
}
