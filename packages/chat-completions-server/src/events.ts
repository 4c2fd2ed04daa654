import type { AgentEvent, FinishReason, Usage } from "./types.js";

/**
 * Iterates `source` until it ends or `signal` aborts, whichever is first. An agent that ignores
 * its signal cannot keep the request alive: on abort we stop waiting and ask it to return.
 * (Not `Promise.race` with one long-lived abort promise: each race would leave a reaction on it,
 * one per event, held until the run ends. Not an async generator either: it would add its own
 * promise round trips to every event of every run.)
 */
export function untilAborted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  return new UntilAborted(source[Symbol.asyncIterator](), signal);
}

/**
 * {@link untilAborted}'s iterator: one object per run (an open stream keeps it as long as its run
 * lasts), and per event a promise and its two settle functions, no closure of its own. A `next()`
 * called while another waits is answered after it, in order, as an async generator does.
 */
class UntilAborted<T> implements AsyncIterableIterator<T> {
  #open = true;
  /** The `next()` waiting for the source, and how to settle it. */
  #waiting: Promise<IteratorResult<T>> | undefined;
  #resolve: ((result: IteratorResult<T>) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;
  readonly #onResult = (result: IteratorResult<T>) => {
    // What for-await would refuse: an answer that is no iterator result fails the run.
    if (typeof result !== "object" || result === null) {
      this.#onError(new TypeError(`The agent's iterator answered ${String(result)}, not an iterator result.`));
      return;
    }
    const resolve = this.#resolve;
    this.#settled();
    // Already settled by an abort: the source's late answer has no one to go to.
    resolve?.(result.done ? this.#end(!this.signal.aborted) : result);
  };
  readonly #onError = (error: unknown) => {
    const reject = this.#reject;
    this.#settled();
    this.#end(true);
    reject?.(error);
  };

  constructor(
    private readonly iterator: AsyncIterator<T>,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener("abort", this, { once: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#waiting) {
      const after = () => this.next();
      return this.#waiting.then(after, after);
    }
    if (!this.#open || this.signal.aborted) return Promise.resolve(this.#end(false));
    const waiting = new Promise<IteratorResult<T>>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#waiting = waiting;
    try {
      // A source answering with a thenable or throwing at once ends as one that rejects.
      Promise.resolve(this.iterator.next()).then(this.#onResult, this.#onError);
    } catch (error) {
      this.#onError(error);
    }
    return waiting;
  }

  return(): Promise<IteratorResult<T>> {
    return Promise.resolve(this.#end(false));
  }

  /** The signal aborted: a `next()` waiting for the source ends now. */
  handleEvent(): void {
    const resolve = this.#resolve;
    this.#settled();
    resolve?.(this.#end(false));
  }

  /** The waiting `next()` is being settled: it no longer waits. */
  #settled(): void {
    this.#waiting = this.#resolve = this.#reject = undefined;
  }

  /** Ends the iteration; a source that has not finished by itself is asked to return. */
  #end(sourceFinished: boolean): IteratorResult<T> {
    if (this.#open) {
      this.#open = false;
      this.signal.removeEventListener("abort", this);
      if (!sourceFinished) {
        try {
          Promise.resolve(this.iterator.return?.()).catch(() => {});
        } catch {
          // An agent whose return() throws has stopped all the same; thrown here (an abort
          // listener among them) it would end the process.
        }
      }
    }
    return { done: true, value: undefined };
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
