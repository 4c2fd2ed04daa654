import type { AgentEvent, FinishReason, Usage } from "./types.js";

/**
 * Iterates `source` until it ends or `signal` aborts, whichever is first. An agent that ignores
 * its signal cannot keep the request alive: on abort we stop waiting and ask it to return.
 * (Not `Promise.race` with one long-lived abort promise: each race would leave a reaction on it,
 * one per event, held until the run ends.)
 */
export async function* untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let stopWaiting: (() => void) | undefined;
  const onAbort = () => stopWaiting?.();
  signal.addEventListener("abort", onAbort, { once: true });
  let finished = false;
  try {
    while (!signal.aborted) {
      const result = await new Promise<IteratorResult<T>>((resolve, reject) => {
        stopWaiting = () => resolve({ done: true, value: undefined });
        iterator.next().then(resolve, reject);
      });
      stopWaiting = undefined;
      if (result.done) {
        finished = !signal.aborted;
        return;
      }
      yield result.value;
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    if (!finished) Promise.resolve(iterator.return?.()).catch(() => {});
  }
}

export const ZERO_USAGE: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

/**
 * Tool calls put together from their `tool_call` event deltas, by index: what a non-streamed
 * answer returns, and what an agent runtime stores as the assistant's turn.
 */
export class ToolCallAccumulator {
  readonly calls = new Map<number, { id: string; name: string; arguments: string }>();

  add(event: Extract<AgentEvent, { type: "tool_call" }>): void {
    const call = this.calls.get(event.index) ?? { id: "", name: "", arguments: "" };
    if (event.id) call.id = event.id;
    if (event.name) call.name += event.name;
    if (event.arguments) call.arguments += event.arguments;
    this.calls.set(event.index, call);
  }

  get size(): number {
    return this.calls.size;
  }

  /** The calls as an assistant message's `tool_calls`, in index order of first appearance. */
  toMessageToolCalls(): { id: string; type: "function"; function: { name: string; arguments: string } }[] {
    return [...this.calls.values()].map((call) => ({
      id: call.id,
      type: "function" as const,
      function: { name: call.name, arguments: call.arguments },
    }));
  }
}

export function finishReasonOf(
  done: Extract<AgentEvent, { type: "done" }> | undefined,
  calledTools: boolean,
): FinishReason {
  return done?.finishReason ?? (calledTools ? "tool_calls" : "stop");
}
