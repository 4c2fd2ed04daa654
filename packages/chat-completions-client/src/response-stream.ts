import type { EventSourceMessage } from "eventsource-parser";
import { errorFromFailedResponse } from "./errors/index.js";
import { EventStream, type Step } from "./event-stream.js";
import type { ResponseObject, ResponseStreamEvent } from "./types.js";

type Terminal = Extract<ResponseStreamEvent, { type: "response.completed" | "response.incomplete" }>;

/**
 * A streamed response: iterate it for typed events (`event.type` narrows each), from
 * `response.created` to the terminal `response.completed` or `response.incomplete`, which is
 * the last value. `response.failed` is thrown as the {@link APIError} subclass its
 * `error.code` stands for (`rate_limit_exceeded`: `RateLimitError`; `server_error` and codes
 * it does not know: `InternalServerError`), after the events before it. The Responses stream
 * has no `[DONE]`: a body that ends before a terminal event is an `APIConnectionError`.
 * Leaving the loop early or the request's signal aborts the HTTP request. Iterable once.
 *
 * @example
 * const stream = await client.responses.create({ model: "openclaw", input: "hi", stream: true });
 * for await (const event of stream) {
 *   if (event.type === "response.output_text.delta") process.stdout.write(event.delta);
 * }
 */
export class ResponseStream extends EventStream<ResponseStreamEvent> {
  protected readonly cutShort = "The stream ended before its terminal event (`response.completed`, …).";

  protected step(event: EventSourceMessage): Step<ResponseStreamEvent> {
    const parsed = JSON.parse(event.data) as ResponseStreamEvent;
    if (parsed.type === "response.failed") {
      throw errorFromFailedResponse(parsed.response.error, this.response.headers);
    }
    return { value: parsed, last: parsed.type === "response.completed" || parsed.type === "response.incomplete" };
  }

  /**
   * Reads the whole stream and returns the final response (`completed` or `incomplete`).
   *
   * @example
   * const response = await (await client.responses.create({ ...body, stream: true })).finalResponse();
   * console.log(response.status, response.output);
   */
  async finalResponse(): Promise<ResponseObject> {
    let last: Terminal | undefined;
    for await (const event of this) {
      if (event.type === "response.completed" || event.type === "response.incomplete") last = event;
    }
    // The loop ends only after a terminal event (else it threw).
    return (last as Terminal).response;
  }
}
