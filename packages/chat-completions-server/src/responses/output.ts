import { defaultCode, type OpenAIError } from "../errors.js";
import type { components } from "../generated/openapi.js";
import { randomHex } from "../ids.js";
import type { AgentEvent, ConversationMessage, Usage } from "../types.js";
import { itemId } from "./turn.js";
import type { CreateResponseRequest, ResponseFunctionTool, ResponseObject, ResponseStreamEvent } from "./types.js";

type Schemas = components["schemas"];
type OutputMessage = Schemas["ResponseOutputMessage"];
type FunctionCallItem = Schemas["ResponseFunctionCallItem"];
type OutputText = Schemas["ResponseOutputText"];
/** An event before its `sequence_number`, which the writer gives it. */
export type UnnumberedEvent = ResponseStreamEvent extends infer E
  ? E extends { sequence_number: number }
    ? Omit<E, "sequence_number">
    : never
  : never;

/** `resp_` and 32 hex digits. */
export const responseId = () => `resp_${randomHex()}`;

const now = () => Math.floor(Date.now() / 1000);

/** A request's tool as echoed: a `function` tool always has `parameters` and `strict`, as OpenAI's do. */
const echoedTool = (tool: NonNullable<CreateResponseRequest["tools"]>[number]): ResponseObject["tools"][number] =>
  tool.type === "function"
    ? { ...(tool as ResponseFunctionTool), parameters: tool.parameters ?? null, strict: tool.strict ?? null }
    : tool;

/** The response object of `body` before any output: every setting echoed as OpenAI does. */
export function initialResponse(id: string, body: CreateResponseRequest): ResponseObject {
  const response: ResponseObject = {
    id,
    object: "response",
    created_at: now(),
    completed_at: null,
    status: "in_progress",
    error: null,
    incomplete_details: null,
    model: body.model,
    previous_response_id: body.previous_response_id ?? null,
    instructions: body.instructions ?? null,
    output: [],
    tools: (body.tools ?? []).map(echoedTool),
    tool_choice: body.tool_choice ?? "auto",
    truncation: body.truncation ?? "disabled",
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    text: body.text ?? { format: { type: "text" } },
    temperature: body.temperature ?? 1,
    top_p: body.top_p ?? 1,
    presence_penalty: 0,
    frequency_penalty: 0,
    top_logprobs: 0,
    reasoning: body.reasoning ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    max_tool_calls: body.max_tool_calls ?? null,
    store: body.store ?? true,
    background: false,
    service_tier: body.service_tier ?? "default",
    metadata: body.metadata ?? {},
    safety_identifier: body.safety_identifier ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
  };
  if (body.user) response.user = body.user;
  return response;
}

const usageOf = (usage: Usage | undefined): NonNullable<ResponseObject["usage"]> => ({
  input_tokens: usage?.prompt_tokens ?? 0,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: usage?.completion_tokens ?? 0,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: usage?.total_tokens ?? 0,
});

/** Hears a streamed response's events, in order, as they happen. */
export interface ResponseEventSink {
  /**
   * Every event but text deltas. Events refer to the live response and its items, which later
   * events change: serialise (or copy) an event before returning. Each event object is made for
   * this call, so the sink may add to it.
   */
  event(event: UnnumberedEvent): void;
  /**
   * A `response.output_text.delta` of content part 0 of message `itemId` at `outputIndex`, with
   * empty `logprobs`. Most of a stream's events are these, handed over without an event object:
   * building and serialising one whole for every delta made a Responses stream hold markedly
   * more memory than a chat stream of the same reply.
   */
  textDelta(itemId: string, outputIndex: number, delta: string): void;
}

/**
 * Turns the agent's events into output items, and tells `sink` each stream event in order (the
 * non-streamed answer has none). Text opens a message item with one `output_text` part; a tool
 * call (by index) opens a `function_call` item; items close when the next kind begins or the
 * turn ends.
 */
export class ResponseBuilder {
  readonly response: ResponseObject;
  private message: { item: OutputMessage; part: OutputText; index: number } | undefined;
  private readonly calls = new Map<number, { item: FunctionCallItem; index: number }>();

  constructor(
    id: string,
    body: CreateResponseRequest,
    private readonly sink?: ResponseEventSink,
  ) {
    this.response = initialResponse(id, body);
  }

  add(event: AgentEvent): void {
    if (event.type === "text") this.text(event.text);
    else if (event.type === "tool_call") this.toolCall(event);
  }

  private text(text: string): void {
    if (text === "") return;
    if (!this.message) {
      this.closeCalls("completed");
      const part: OutputText = { type: "output_text", text: "", annotations: [], logprobs: [] };
      const item: OutputMessage = {
        id: itemId("msg"),
        type: "message",
        role: "assistant",
        content: [],
        status: "in_progress",
      };
      const index = this.response.output.push(item) - 1;
      this.sink?.event({ type: "response.output_item.added", output_index: index, item });
      item.content.push(part);
      this.sink?.event({
        type: "response.content_part.added",
        item_id: item.id,
        output_index: index,
        content_index: 0,
        part,
      });
      this.message = { item, part, index };
    }
    const { item, part, index } = this.message;
    part.text += text;
    this.sink?.textDelta(item.id, index, text);
  }

  private toolCall(event: Extract<AgentEvent, { type: "tool_call" }>): void {
    this.closeMessage("completed");
    let call = this.calls.get(event.index);
    if (!call) {
      const item: FunctionCallItem = {
        id: itemId("fc"),
        type: "function_call",
        call_id: event.id ?? itemId("call"),
        name: event.name ?? "",
        arguments: "",
        status: "in_progress",
      };
      const index = this.response.output.push(item) - 1;
      call = { item, index };
      this.calls.set(event.index, call);
      this.sink?.event({ type: "response.output_item.added", output_index: index, item });
    } else if (event.name) call.item.name += event.name;
    if (event.arguments) {
      call.item.arguments += event.arguments;
      this.sink?.event({
        type: "response.function_call_arguments.delta",
        item_id: call.item.id,
        output_index: call.index,
        delta: event.arguments,
      });
    }
  }

  private closeMessage(status: OutputMessage["status"]): void {
    const message = this.message;
    if (!message) return;
    this.message = undefined;
    const { item, part, index } = message;
    item.status = status;
    const where = { item_id: item.id, output_index: index, content_index: 0 };
    this.sink?.event({ type: "response.output_text.done", ...where, text: part.text, logprobs: [] });
    this.sink?.event({ type: "response.content_part.done", ...where, part });
    this.sink?.event({ type: "response.output_item.done", output_index: index, item });
  }

  private closeCalls(status: FunctionCallItem["status"]): void {
    for (const { item, index } of this.calls.values()) {
      item.status = status;
      this.sink?.event({
        type: "response.function_call_arguments.done",
        item_id: item.id,
        output_index: index,
        name: item.name,
        arguments: item.arguments,
      });
      this.sink?.event({ type: "response.output_item.done", output_index: index, item });
    }
    this.calls.clear();
  }

  /** Ends the turn: open items close, and the response is `completed` or `incomplete`. */
  finish(done: Extract<AgentEvent, { type: "done" }> | undefined): ResponseObject {
    const reason =
      done?.finishReason === "length"
        ? "max_output_tokens"
        : done?.finishReason === "content_filter"
          ? "content_filter"
          : undefined;
    const itemStatus = reason ? "incomplete" : "completed";
    this.closeMessage(itemStatus);
    this.closeCalls(itemStatus);
    this.response.status = reason ? "incomplete" : "completed";
    if (reason) this.response.incomplete_details = { reason };
    this.response.completed_at = now();
    this.response.usage = usageOf(done?.usage);
    return this.response;
  }

  /**
   * Ends the turn as failed with `error`: open items close as `incomplete`. The error's code is
   * all a client has to tell its class by (`response.failed` carries no status or type), so an
   * error without one gets its status's default (`forbidden` for a 403), else `server_error`.
   */
  fail(error: OpenAIError): ResponseObject {
    this.closeMessage("incomplete");
    this.closeCalls("incomplete");
    this.response.status = "failed";
    this.response.error = { code: error.code ?? defaultCode(error.status) ?? "server_error", message: error.message };
    this.response.usage ??= usageOf(undefined);
    return this.response;
  }

  /** This response's answer as conversation messages, for a continuation's history. */
  answer(): ConversationMessage[] {
    const messages: ConversationMessage[] = [];
    let assistant: Extract<ConversationMessage, { role: "assistant" }> | undefined;
    for (const item of this.response.output) {
      if (item.type === "message") {
        const text = item.content.map((part) => (part.type === "output_text" ? part.text : part.refusal)).join("");
        assistant = { role: "assistant", content: text };
        messages.push(assistant);
      } else {
        const call = {
          id: item.call_id,
          type: "function" as const,
          function: { name: item.name, arguments: item.arguments },
        };
        if (!assistant) {
          assistant = { role: "assistant", content: null };
          messages.push(assistant);
        }
        assistant.tool_calls = [...(assistant.tool_calls ?? []), call];
      }
    }
    return messages;
  }
}
