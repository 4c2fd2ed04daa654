import type { Response } from "express";
import { completionId } from "./completion.js";
import type { OpenAIError } from "./errors.js";
import { finishReasonOf, untilAborted, ZERO_USAGE } from "./events.js";
import { abortedWith } from "./runs.js";
import { SseChannel, type SseOptions } from "./sse.js";
import type { AgentEvent, AgentTurn, ChatCompletionChunk, RunAgent } from "./types.js";

type Choice = ChatCompletionChunk["choices"][number];

/** Chat completion chunks over the shared {@link SseChannel}: `data: <chunk>` frames and `data: [DONE]`. */
class SseResponse {
  readonly channel: SseChannel;
  /**
   * `data: ` and the fields every chunk of this stream shares, serialised once: a frame is this,
   * its `choices` and the closing text. Each frame otherwise copied the shared fields into a new
   * object and serialised them again.
   */
  private readonly head: string;
  /** What follows `choices` in a frame: `"usage":null` is sent on every chunk when usage was asked for. */
  private readonly tail: string;

  constructor(res: Response, model: string, includeUsage: boolean, options: SseOptions) {
    const base: Omit<ChatCompletionChunk, "choices"> = {
      id: completionId(),
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model,
    };
    // `{...base}` without its closing brace, then the `choices` key.
    this.head = `data: ${JSON.stringify(base).slice(0, -1)},"choices":`;
    this.tail = includeUsage ? ',"usage":null}\n\n' : "}\n\n";
    this.channel = new SseChannel(res, options, () =>
      this.choice({ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null, logprobs: null }),
    );
  }

  get started(): boolean {
    return this.channel.started;
  }

  start(): Promise<void> | undefined {
    return this.channel.start();
  }

  choice(choice: Choice): Promise<void> | undefined {
    return this.channel.write(`${this.head}[${JSON.stringify(choice)}]${this.tail}`);
  }

  usage(usage: ChatCompletionChunk["usage"]): Promise<void> | undefined {
    return this.channel.write(`${this.head}[],"usage":${JSON.stringify(usage)}}\n\n`);
  }

  error(error: OpenAIError): Promise<void> | undefined {
    return this.data(JSON.stringify(error.toJSON()));
  }

  data(payload: string): Promise<void> | undefined {
    return this.channel.write(`data: ${payload}\n\n`);
  }

  async end(): Promise<void> {
    this.channel.close();
    if (!this.channel.writable) return;
    await this.data("[DONE]");
    this.channel.end();
  }

  close(): void {
    this.channel.close();
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
  const sse = new SseResponse(res, turn.model, options.includeUsage, options);
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
