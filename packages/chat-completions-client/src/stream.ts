import type { EventSourceMessage } from "eventsource-parser";
import { type ErrorFields, errorFromEvent } from "./errors/index.js";
import { EventStream, type Step } from "./event-stream.js";
import type { ChatCompletionChunk } from "./types.js";

/**
 * A streamed chat completion: iterate it for typed chunks. It ends at `data: [DONE]`, throws
 * an error event as the {@link APIError} subclass the same error has before a stream (a 429 is
 * a `RateLimitError` either way), and aborts the HTTP request when the loop is left early or
 * the request's signal fires. It can be iterated once. `requestID` is the gateway's
 * `x-request-id`.
 *
 * @example
 * const stream = await client.chat.completions.create({ model: "openclaw", messages, stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? "");
 */
export class ChatCompletionStream extends EventStream<ChatCompletionChunk> {
  protected readonly cutShort = "The stream ended before `data: [DONE]`.";

  protected step(event: EventSourceMessage): Step<ChatCompletionChunk> {
    if (event.data === "[DONE]") return { last: true };
    const parsed = JSON.parse(event.data) as ChatCompletionChunk | { error: ErrorFields };
    if ("error" in parsed) throw errorFromEvent(parsed.error, this.response.headers);
    return { value: parsed };
  }

  /**
   * Reads the whole stream and returns the assistant's text.
   *
   * @example
   * const text = await (await client.chat.completions.create({ ...body, stream: true })).finalText();
   */
  async finalText(): Promise<string> {
    let text = "";
    for await (const chunk of this) text += chunk.choices[0]?.delta.content ?? "";
    return text;
  }
}
