import type { AgentEvent, FinishReason, Usage } from "./types.js";

/**
 * Iterates `source` until it ends or `signal` aborts, whichever is first. An agent that ignores
 * its signal cannot keep the request alive: on abort we stop waiting and ask it to return.
 * (Not `Promise.race` with one long-lived abort promise: each race would leave a reaction on it,
 * one per event, held until the run ends. Not an async generator either: it would add its own
 * promise round trips to every event of every run.)
 */
export function untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let stopWaiting: (() => void) | undefined;
  const onAbort = () => stopWaiting?.();
  signal.addEventListener("abort", onAbort, { once: true });
  let open = true;
  /** Ends the iteration; a source that has not finished by itself is asked to return. */
  const end = (sourceFinished: boolean): IteratorResult<T> => {
    if (open) {
      open = false;
      signal.removeEventListener("abort", onAbort);
      if (!sourceFinished) Promise.resolve(iterator.return?.()).catch(() => {});
    }
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (!open || signal.aborted) return Promise.resolve(end(false));
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        stopWaiting = () => resolve(end(false));
        iterator.next().then(
          (result) => {
            stopWaiting = undefined;
            resolve(result.done ? end(!signal.aborted) : result);
          },
          (error: unknown) => {
            stopWaiting = undefined;
            end(true);
            reject(error);
          },
        );
      });
    },
    return() {
      return Promise.resolve(end(false));
    },
  };
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
