import { createParser } from "eventsource-parser";
import { APIConnectionError, APIError, APIUserAbortError, type ErrorFields } from "./errors.js";
import type { ChatCompletionChunk } from "./types.js";

/**
 * A streamed chat completion: iterate it for typed chunks. It ends at `data: [DONE]`, throws
 * an {@link APIError} on an error event, and aborts the HTTP request when the loop is left early
 * or the request's signal fires. It can be iterated once.
 *
 * @example
 * const stream = await client.chat.completions.create({ model: "openclaw", messages, stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? "");
 */
export class ChatCompletionStream implements AsyncIterable<ChatCompletionChunk> {
  private consumed = false;

  constructor(
    /** The HTTP response the chunks are read from. */
    readonly response: Response,
    /** Aborting it ends the stream and its HTTP request. */
    readonly controller: AbortController,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    if (this.consumed) throw new Error("A ChatCompletionStream can be iterated only once.");
    this.consumed = true;
    const body = this.response.body;
    if (!body) throw new APIConnectionError("The response has no body.");
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const events: string[] = [];
    const parser = createParser({ onEvent: (event) => void events.push(event.data) });
    let finished = false;
    try {
      for (;;) {
        for (let data = events.shift(); data !== undefined; data = events.shift()) {
          if (data === "[DONE]") {
            finished = true;
            return;
          }
          const parsed = JSON.parse(data) as ChatCompletionChunk | { error: ErrorFields };
          if ("error" in parsed) throw APIError.fromStreamEvent(parsed.error);
          yield parsed;
        }
        const { value, done } = await reader.read();
        if (done) {
          parser.feed(decoder.decode());
          if (events.length > 0) continue;
          throw new APIConnectionError("The stream ended before `data: [DONE]`.");
        }
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (error instanceof APIError) throw error;
      if (this.controller.signal.aborted) throw new APIUserAbortError();
      if (error instanceof SyntaxError)
        throw new APIConnectionError("The server sent an event that is not JSON.", { cause: error });
      throw new APIConnectionError("The stream broke off.", { cause: error });
    } finally {
      // Leaving early (`break`, an error) must not leave the server generating for nobody.
      if (!finished) this.controller.abort();
      reader.releaseLock();
    }
  }

  /** Reads the whole stream and returns the assistant's text. */
  async finalText(): Promise<string> {
    let text = "";
    for await (const chunk of this) text += chunk.choices[0]?.delta.content ?? "";
    return text;
  }
}
