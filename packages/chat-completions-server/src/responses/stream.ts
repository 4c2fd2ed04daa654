import type { Response } from "express";
import type { OpenAIError } from "../errors.js";
import { untilAborted } from "../events.js";
import { abortedWith } from "../runs.js";
import { SseChannel, type SseOptions } from "../sse.js";
import type { AgentEvent, AgentTurn, RunAgent } from "../types.js";
import { ResponseBuilder, type UnnumberedEvent } from "./output.js";
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
  const builder = new ResponseBuilder(id, body, () => {});
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
  let sequence = 0;
  const queue: string[] = [];
  // Serialised at once, as the builder requires: its events refer to the live response.
  const enqueue = (event: UnnumberedEvent) => {
    // The builder makes each event afresh for this call: numbered in place rather than copied.
    (event as ResponseStreamEvent).sequence_number = sequence++;
    queue.push(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };
  /**
   * Writes what is queued, in order; returns a promise only when the socket asks to wait (a
   * promise per event that needs none would cost every event of every stream its round trips).
   */
  const flush = (): Promise<void> | undefined => {
    while (queue.length > 0) {
      const full = channel.write(queue.shift() as string);
      if (full) return full.then(flush);
    }
  };
  const builder = new ResponseBuilder(id, body, enqueue);
  const channel = new SseChannel(res, options, () => {
    enqueue({ type: "response.created", response: builder.response });
    enqueue({ type: "response.in_progress", response: builder.response });
    return flush();
  });
  const end = async (response: ResponseObject) => {
    const type =
      response.status === "failed"
        ? "response.failed"
        : response.status === "incomplete"
          ? "response.incomplete"
          : "response.completed";
    enqueue({ type, response });
    await flush();
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
        const full = flush();
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
