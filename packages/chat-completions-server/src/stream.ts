import { once } from "node:events";
import type { Response } from "express";
import { completionId } from "./completion.js";
import type { OpenAIError } from "./errors.js";
import { finishReasonOf, untilAborted, ZERO_USAGE } from "./events.js";
import { abortedWith } from "./runs.js";
import type { AgentEvent, AgentTurn, ChatCompletionChunk, RunAgent } from "./types.js";

type Choice = ChatCompletionChunk["choices"][number];

/**
 * One SSE response. Headers and the role chunk are committed by the agent's first event or by
 * the first keep-alive tick, whichever comes first, so an agent that fails at once (an upstream
 * 401 or 429) still gets a real HTTP status, and a silent one still gets its stream started.
 */
class SseResponse {
  private timer: NodeJS.Timeout | undefined;
  started = false;
  private readonly base: Omit<ChatCompletionChunk, "choices">;

  constructor(
    private readonly res: Response,
    model: string,
    private readonly includeUsage: boolean,
    keepAliveMs: number,
    private readonly signal: AbortSignal,
    private readonly slowReaderTimeoutMs: number,
  ) {
    this.base = { id: completionId(), object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model };
    this.timer = setTimeout(() => this.tick(), keepAliveMs);
  }

  private tick(): void {
    if (this.signal.aborted || this.res.writableEnded) return;
    if (this.started) this.res.write(": keep-alive\n\n");
    else void this.start();
    this.timer?.refresh();
  }

  /** Sends the headers and the role chunk (nothing once they went out). */
  start(): Promise<void> | undefined {
    if (this.started) return;
    this.started = true;
    this.res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    return this.choice({ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null, logprobs: null });
  }

  choice(choice: Choice): Promise<void> | undefined {
    const chunk: ChatCompletionChunk = { ...this.base, choices: [choice] };
    if (this.includeUsage) chunk.usage = null;
    return this.data(JSON.stringify(chunk));
  }

  usage(usage: ChatCompletionChunk["usage"]): Promise<void> | undefined {
    return this.data(JSON.stringify({ ...this.base, choices: [], usage }));
  }

  error(error: OpenAIError): Promise<void> | undefined {
    return this.data(JSON.stringify(error.toJSON()));
  }

  /** Whether the client is still there to write to. */
  get writable(): boolean {
    return !this.res.writableEnded && !this.res.destroyed;
  }

  /**
   * Writes one event; returns a promise only when the socket's buffer is full, to wait for
   * `drain` (an `await` per event that needs none would cost every event promise round trips).
   */
  data(payload: string): Promise<void> | undefined {
    if (!this.writable) return;
    this.timer?.refresh();
    if (!this.res.write(`data: ${payload}\n\n`)) {
      // A client that stops reading would hold the run (and what it holds) forever: past the
      // bound its connection is cut, which aborts the run as any disconnect does.
      const cutOff = setTimeout(() => this.res.destroy(), this.slowReaderTimeoutMs);
      const waited = () => clearTimeout(cutOff);
      return once(this.res, "drain", { signal: this.signal }).then(waited, waited);
    }
  }

  async end(): Promise<void> {
    this.close();
    if (!this.writable) return;
    await this.data("[DONE]");
    this.res.end();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Streams the turn as `chat.completion.chunk` events. Throws (for the caller to answer with an
 * HTTP error) only when the agent failed before anything was sent; later failures become one
 * `data: {"error": …}` event followed by `data: [DONE]`.
 */
export async function streamCompletion(
  res: Response,
  runAgent: RunAgent,
  turn: AgentTurn,
  options: {
    includeUsage: boolean;
    keepAliveMs: number;
    /** How long a write may wait for a client that stopped reading before its connection is cut. */
    slowReaderTimeoutMs: number;
    signal: AbortSignal;
    toError: (e: unknown) => OpenAIError;
  },
): Promise<void> {
  const { signal } = options;
  const sse = new SseResponse(
    res,
    turn.model,
    options.includeUsage,
    options.keepAliveMs,
    signal,
    options.slowReaderTimeoutMs,
  );
  let calledTools = false;
  let done: Extract<AgentEvent, { type: "done" }> | undefined;
  /** After an abort: nothing more for a client that left; an error event and [DONE] for one the server let go. */
  const stopped = async () => {
    const reason = abortedWith(signal);
    if (!reason || !sse.started) return sse.close();
    await sse.error(reason);
    return sse.end();
  };
  try {
    for await (const event of untilAborted(runAgent(turn, { signal }), signal)) {
      if (!sse.started) await sse.start();
      if (event.type === "text") {
        if (event.text === "") continue;
        // Awaited only when the socket asks us to wait: most events need no microtask at all.
        const full = sse.choice({ index: 0, delta: { content: event.text }, finish_reason: null });
        if (full) await full;
      } else if (event.type === "tool_call") {
        calledTools = true;
        const fn: { name?: string; arguments?: string } = {};
        if (event.name !== undefined) fn.name = event.name;
        fn.arguments = event.arguments ?? "";
        const call = event.id
          ? { index: event.index, id: event.id, type: "function" as const, function: fn }
          : { index: event.index, function: fn };
        await sse.choice({ index: 0, delta: { tool_calls: [call] }, finish_reason: null });
      } else {
        done = event;
      }
    }
  } catch (error) {
    if (signal.aborted) return stopped();
    if (!sse.started) {
      sse.close();
      throw error;
    }
    await sse.error(options.toError(error));
    return sse.end();
  }
  if (signal.aborted) return stopped();
  await sse.start();
  await sse.choice({ index: 0, delta: {}, finish_reason: finishReasonOf(done, calledTools), logprobs: null });
  if (options.includeUsage) await sse.usage(done?.usage ?? ZERO_USAGE);
  await sse.end();
}
