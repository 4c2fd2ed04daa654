import type { Response } from "express";
import type { OpenAIError } from "../errors.js";
import { untilAborted } from "../events.js";
import { abortedWith } from "../runs.js";
import { SseChannel, type SseOptions } from "../sse.js";
import type { AgentEvent, AgentTurn, RunAgent } from "../types.js";
import { ResponseBuilder, type ResponseEventSink, type UnnumberedEvent } from "./output.js";
import type { CreateResponseRequest, ResponseObject, ResponseStreamEvent } from "./types.js";

/** What a responses turn does besides running the agent: the two ways it may end. */
export interface TurnEnding {
  /** Called with the finished response before the client hears it ended; may throw (the store failed). */
  save(builder: ResponseBuilder, response: ResponseObject): Promise<void>;
  /** Maps (and logs) what the agent threw. */
  toError(error: unknown): OpenAIError;
}

/**
 * Runs the turn to its end and returns the response, or undefined when the run was stopped
 * (the client left, or a drain: then the caller answers with the drain's error).
 */
export async function runToResponse(
  runAgent: RunAgent,
  turn: AgentTurn,
  id: string,
  body: CreateResponseRequest,
  signal: AbortSignal,
  ending: TurnEnding,
): Promise<ResponseObject | undefined> {
  const builder = new ResponseBuilder(id, body);
  let done: Extract<AgentEvent, { type: "done" }> | undefined;
  for await (const event of untilAborted(runAgent(turn, { signal }), signal)) {
    if (event.type === "done") done = event;
    else builder.add(event);
  }
  if (signal.aborted) return undefined;
  const response = builder.finish(done);
  await ending.save(builder, response);
  return response;
}

/**
 * Streams the turn as Responses events: `event: <type>` and `data: <JSON>` per event, with
 * `sequence_number` from 0, and exactly one terminal event (`response.completed`,
 * `response.incomplete` or `response.failed`); no `[DONE]`. Throws (for the caller to answer
 * with an HTTP error) only when the agent failed before anything was sent.
 */
export async function streamResponse(
  res: Response,
  runAgent: RunAgent,
  turn: AgentTurn,
  id: string,
  body: CreateResponseRequest,
  options: SseOptions,
  ending: TurnEnding,
): Promise<void> {
  const { signal } = options;
  const frames: ResponseFrames = new ResponseFrames((frame) => channel.write(frame));
  const builder = new ResponseBuilder(id, body, frames);
  const channel = new SseChannel(res, options, () => {
    frames.event({ type: "response.created", response: builder.response });
    frames.event({ type: "response.in_progress", response: builder.response });
    return frames.flush();
  });
  const end = async (response: ResponseObject) => {
    const type =
      response.status === "failed"
        ? "response.failed"
        : response.status === "incomplete"
          ? "response.incomplete"
          : "response.completed";
    frames.event({ type, response });
    await frames.flush();
    channel.end();
  };
  /** After an abort: nothing more for a client that left; `response.failed` for one the server let go. */
  const stopped = async () => {
    const reason = abortedWith(signal);
    if (!reason || !channel.started) return channel.close();
    return end(builder.fail(reason));
  };
  let done: Extract<AgentEvent, { type: "done" }> | undefined;
  try {
    for await (const event of untilAborted(runAgent(turn, { signal }), signal)) {
      if (!channel.started) await channel.start();
      if (event.type === "done") done = event;
      else {
        builder.add(event);
        const full = frames.flush();
        if (full) await full;
      }
    }
  } catch (error) {
    if (signal.aborted) return stopped();
    if (!channel.started) {
      channel.close();
      throw error;
    }
    return end(builder.fail(ending.toError(error)));
  }
  if (signal.aborted) return stopped();
  await channel.start();
  const response = builder.finish(done);
  try {
    await ending.save(builder, response);
  } catch (error) {
    return end(builder.fail(error as OpenAIError));
  }
  await end(response);
}

/**
 * A responses stream's frames (`event: <type>` and `data: <JSON>`), numbered from 0 as they
 * happen and written in order. Serialised at once, as the builder requires: its events refer to
 * the live response.
 */
class ResponseFrames implements ResponseEventSink {
  #sequence = 0;
  readonly #queue: string[] = [];
  /** The text delta frame up to its `delta`, for the message it was made for. */
  #deltaHead = "";
  #deltaItem = "";

  constructor(private readonly write: (frame: string) => Promise<void> | undefined) {}

  event(event: UnnumberedEvent): void {
    // The builder makes each event afresh for this call: numbered in place rather than copied.
    (event as ResponseStreamEvent).sequence_number = this.#sequence++;
    this.#queue.push(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  textDelta(itemId: string, outputIndex: number, delta: string): void {
    if (itemId !== this.#deltaItem) {
      this.#deltaItem = itemId;
      // The fields in the order `event()` would serialise them.
      this.#deltaHead =
        'event: response.output_text.delta\ndata: {"type":"response.output_text.delta",' +
        `"item_id":${JSON.stringify(itemId)},"output_index":${outputIndex},"content_index":0,"delta":`;
    }
    this.#queue.push(
      `${this.#deltaHead}${JSON.stringify(delta)},"logprobs":[],"sequence_number":${this.#sequence++}}\n\n`,
    );
  }

  /**
   * Writes what is queued, in order; returns a promise only when the socket asks to wait (a
   * promise per event that needs none would cost every event of every stream its round trips).
   */
  flush(): Promise<void> | undefined {
    const queue = this.#queue;
    while (queue.length > 0) {
      const full = this.write(queue.shift() as string);
      if (full) return full.then(() => this.flush());
    }
  }
}
