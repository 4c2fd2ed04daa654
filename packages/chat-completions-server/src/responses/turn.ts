import { invalidRequest } from "../errors.js";
import type { components } from "../generated/openapi.js";
import { randomHex } from "../ids.js";
import { chatPartOf } from "../media/chat.js";
import type { CheckedMedia } from "../media/policy.js";
import { responsesMediaParam, responsesPlaceholder, withoutMediaBytes } from "../media/responses.js";
import type { SessionChoice } from "../session-key.js";
import type { AgentTurn, ConversationMessage, Logger, TurnParameters } from "../types.js";
import type { CreateResponseRequest, ResponseFunctionTool, ResponseInputItem, ResponseItem } from "./types.js";

type Schemas = components["schemas"];
type InputContent = Schemas["ResponseInputContent"];
type UserPart = Schemas["ChatCompletionRequestUserMessageContentPart"];
type AssistantMessage = Schemas["ChatCompletionRequestAssistantMessage"];

/** A new item id: `<prefix>_` and 32 hex digits. */
export const itemId = (prefix: string) => `${prefix}_${randomHex()}`;

const textOfParts = (content: string | InputContent[]): string =>
  typeof content === "string"
    ? content
    : content
        .flatMap((part) =>
          part.type === "input_text" || part.type === "output_text"
            ? [part.text]
            : part.type === "refusal"
              ? [part.refusal]
              : [],
        )
        .join("\n");

/**
 * A user message's parts as chat parts, twice: what the agent sees (text; this turn's checked
 * images and files as chat completions gives them, earlier turns' as placeholders) and what a
 * stored conversation keeps (every image and file as a placeholder, never its bytes).
 */
function userParts(
  content: InputContent[],
  item: number,
  checked: ReadonlyMap<string, CheckedMedia>,
): { seen: UserPart[]; kept: UserPart[] } {
  const seen: UserPart[] = [];
  const kept: UserPart[] = [];
  content.forEach((part, j) => {
    if (part.type === "input_image" || part.type === "input_file") {
      const media = checked.get(responsesMediaParam(item, j, part));
      const text = { type: "text" as const, text: responsesPlaceholder(part, media) };
      seen.push(media ? chatPartOf(media) : text);
      kept.push(text);
      return;
    }
    const text = { type: "text" as const, text: part.type === "refusal" ? part.refusal : part.text };
    seen.push(text);
    kept.push(text);
  });
  return { seen, kept };
}

/** What a request's input means: the agent's system text, its conversation, and what to store. */
export interface ReadInput {
  system: string[];
  /** The conversation as the agent sees it. */
  messages: ConversationMessage[];
  /** The same conversation as a stored response keeps it: its images and files as placeholders. */
  kept: ConversationMessage[];
  /** The input items as `input_items` lists them (without media bytes). */
  items: ResponseItem[];
}

/**
 * Reads the input items: `system`/`developer` messages become system text; user and assistant
 * messages, `function_call` items (an assistant's tool calls) and `function_call_output` items
 * (tool messages) become the conversation. Item types the gateway does not act on are skipped.
 * `checked` holds the current turn's images and files as `checkMedia` accepted them.
 */
export function readInput(
  input: CreateResponseRequest["input"],
  logger: Logger,
  checked: readonly CheckedMedia[] = [],
): ReadInput {
  // No input: a continuation that has the agent answer its chain as it stands.
  const items: ResponseInputItem[] = typeof input === "string" ? [{ role: "user", content: input }] : (input ?? []);
  const byParam = new Map(checked.map((media) => [media.param, media]));
  const system: string[] = [];
  const messages: ConversationMessage[] = [];
  const kept: ConversationMessage[] = [];
  /** A message the agent sees, and its stored form (the same object unless it carries media). */
  const add = (message: ConversationMessage, keptMessage = message) => {
    messages.push(message);
    kept.push(keptMessage);
  };
  const stored: ResponseItem[] = [];
  const used = new Set<string>();
  // `input_items` pages by item id (`after`), so the ids of one response must be unique: a
  // client's id is kept the first time, a repeated one is replaced by a fresh id.
  const uniqueId = (clientId: string | null | undefined, prefix: string) => {
    const id = clientId && !used.has(clientId) ? clientId : itemId(prefix);
    used.add(id);
    return id;
  };
  items.forEach((item, i) => {
    if (item.type === undefined || item.type === "message") {
      const message = item as Schemas["ResponseInputMessage"];
      const parts: InputContent[] =
        typeof message.content === "string"
          ? [
              message.role === "assistant"
                ? { type: "output_text", text: message.content, annotations: [] }
                : { type: "input_text", text: message.content },
            ]
          : message.content;
      stored.push({
        id: itemId("msg"),
        type: "message",
        role: message.role,
        content: parts.map(withoutMediaBytes),
        status: "completed",
      });
      if (message.role === "system" || message.role === "developer") system.push(textOfParts(message.content));
      else if (message.role === "assistant") add({ role: "assistant", content: textOfParts(message.content) });
      else if (typeof message.content === "string") add({ role: "user", content: message.content });
      else {
        const { seen, kept } = userParts(message.content, i, byParam);
        add({ role: "user", content: seen }, { role: "user", content: kept });
      }
    } else if (item.type === "function_call") {
      const call = item as Schemas["ResponseFunctionCall"];
      stored.push({
        id: uniqueId(call.id, "fc"),
        type: "function_call",
        call_id: call.call_id,
        name: call.name,
        arguments: call.arguments,
        status: "completed",
      });
      const toolCall = {
        id: call.call_id,
        type: "function" as const,
        function: { name: call.name, arguments: call.arguments },
      };
      const last = messages.at(-1);
      // Calls right after the assistant's text (or after other calls) are that message's calls.
      if (last?.role === "assistant") {
        const assistant = last as AssistantMessage;
        assistant.tool_calls = [...(assistant.tool_calls ?? []), toolCall];
      } else add({ role: "assistant", content: null, tool_calls: [toolCall] });
    } else if (item.type === "function_call_output") {
      const output = item as Schemas["ResponseFunctionCallOutput"];
      stored.push({
        id: uniqueId(output.id, "fco"),
        type: "function_call_output",
        call_id: output.call_id,
        // A tool's images reach the agent as nothing (it reads the text), and are stored without their bytes.
        output: typeof output.output === "string" ? output.output : output.output.map(withoutMediaBytes),
        status: "completed",
      });
      add({ role: "tool", tool_call_id: output.call_id, content: textOfParts(output.output) });
    } else {
      logger.debug({ itemType: String(item.type).slice(0, 64) }, "responses: input item type not acted on, skipped");
    }
  });
  return { system, messages, kept, items: stored };
}

/** The request's sampling and tool settings as the agent's {@link TurnParameters}; hosted tools are left out. */
export function parametersOf(body: CreateResponseRequest, logger: Logger): TurnParameters {
  const params: TurnParameters = {};
  if (body.temperature != null) params.temperature = body.temperature;
  if (body.top_p != null) params.top_p = body.top_p;
  if (body.max_output_tokens != null) params.max_completion_tokens = body.max_output_tokens;
  if (body.parallel_tool_calls != null) params.parallel_tool_calls = body.parallel_tool_calls;
  const format = body.text?.format;
  if (format?.type === "json_schema") {
    const { name, schema, description, strict } = format;
    params.response_format = {
      type: "json_schema",
      json_schema: { name, schema, ...(description ? { description } : {}), ...(strict != null ? { strict } : {}) },
    };
  } else if (format) params.response_format = { type: format.type };
  const tools: NonNullable<TurnParameters["tools"]> = [];
  for (const tool of body.tools ?? []) {
    if (tool.type !== "function") {
      logger.debug(
        { toolType: String(tool.type).slice(0, 64) },
        "responses: hosted tool type not offered to the agent",
      );
      continue;
    }
    const { name, description, parameters, strict } = tool as ResponseFunctionTool;
    const fn: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean } = { name };
    if (description != null) fn.description = description;
    if (parameters != null) fn.parameters = parameters;
    if (strict != null) fn.strict = strict;
    tools.push({ type: "function", function: fn });
  }
  if (tools.length > 0) params.tools = tools;
  const choice = body.tool_choice;
  if (typeof choice === "string") params.tool_choice = choice;
  else if (choice?.type === "function" && typeof choice.name === "string") {
    params.tool_choice = { type: "function", function: { name: choice.name } };
  }
  return params;
}

/**
 * Builds the turn the agent runs: the chain's conversation (from `previous_response_id`), then
 * this request's; `instructions` and `system`/`developer` texts as the system text.
 */
export function toResponsesTurn(
  body: CreateResponseRequest,
  read: ReadInput,
  history: ConversationMessage[],
  agentId: string,
  session: SessionChoice,
  logger: Logger,
): AgentTurn {
  const messages = [...history, ...read.messages];
  // A chain alone is something to answer; without one, the input must give the agent something.
  if (messages.length === 0) {
    throw invalidRequest(
      "`input` must contain at least one user, assistant, function_call or function_call_output item.",
      "input",
    );
  }
  const system = [...(body.instructions ? [body.instructions] : []), ...read.system];
  const turn: AgentTurn = { agentId, ...session, messages, params: parametersOf(body, logger), model: body.model };
  if (system.length > 0) turn.system = system.join("\n\n");
  if (body.user) turn.user = body.user;
  return turn;
}
