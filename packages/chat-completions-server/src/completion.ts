import { finishReasonOf, ToolCallAccumulator, untilAborted, ZERO_USAGE } from "./events.js";
import { randomHex } from "./ids.js";
import type { AgentEvent, AgentTurn, ChatCompletion, RunAgent } from "./types.js";

/** `chatcmpl-` and 32 random hex digits. */
export function completionId(): string {
  return `chatcmpl-${randomHex()}`;
}

/**
 * Runs the turn to its end and builds one `chat.completion`. Returns undefined when the
 * client went away first (nothing is to be written then).
 */
export async function runToCompletion(
  runAgent: RunAgent,
  turn: AgentTurn,
  signal: AbortSignal,
): Promise<ChatCompletion | undefined> {
  let text = "";
  const tools = new ToolCallAccumulator();
  let done: Extract<AgentEvent, { type: "done" }> | undefined;
  for await (const event of untilAborted(runAgent(turn, { signal }), signal)) {
    if (event.type === "text") text += event.text;
    else if (event.type === "tool_call") tools.add(event);
    else if (event.type === "done") done = event;
  }
  if (signal.aborted) return undefined;
  const message: ChatCompletion["choices"][number]["message"] = {
    role: "assistant",
    content: text === "" && tools.size > 0 ? null : text,
    refusal: null,
  };
  if (tools.size > 0) message.tool_calls = tools.toMessageToolCalls();

  return {
    id: completionId(),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: turn.model,
    choices: [{ index: 0, message, finish_reason: finishReasonOf(done, tools.size > 0), logprobs: null }],
    usage: done?.usage ?? ZERO_USAGE,
  };
}
