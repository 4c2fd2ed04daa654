import { createParser, type EventSourceMessage } from "eventsource-parser";
import { APIConnectionError, APIError, APIUserAbortError } from "./errors/index.js";

/** What one server-sent event means to a stream: a value to yield, and/or the end. */
export type Step<T> = { value: T; last?: boolean } | { value?: undefined; last: true } | undefined;

/**
 * A stream of server-sent events read from a response, as typed values. The subclass says what
 * each event means ({@link EventStream.step}); this class reads, parses (eventsource-parser:
 * `event:` names, comments, CRLF, multi-line `data:`), aborts the HTTP request when the loop is
 * left early or the controller fires, and maps failures to the client's error classes.
 */
export abstract class EventStream<T> implements AsyncIterable<T> {
  #consumed = false;
  readonly #release: () => void;

  constructor(
    /** The HTTP response the events are read from. */
    readonly response: Response,
    /** Aborting it ends the stream and its HTTP request. */
    readonly controller: AbortController,
    /** Called once when the stream ends or is aborted: the client removes its listener from the caller's signal. */
    release: () => void = () => {},
  ) {
    let released = false;
    this.#release = () => {
      if (released) return;
      released = true;
      release();
    };
    // A stream aborted without being read must not keep the caller's listener either.
    controller.signal.addEventListener("abort", this.#release, { once: true });
  }

  /** The gateway's `x-request-id` for this stream (its log line carries the same id). */
  get requestID(): string | null {
    return this.response.headers.get("x-request-id");
  }

  /** What one event means; throws the {@link APIError} an error event stands for. */
  protected abstract step(event: EventSourceMessage): Step<T>;

  /** The message when the body ends before the event that ends the stream. */
  protected abstract readonly cutShort: string;

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#consumed) throw new Error(`A ${this.constructor.name} can be iterated only once.`);
    this.#consumed = true;
    const { signal } = this.controller;
    let finished = false;
    const body = this.response.body;
    // Read lazily below, so an abort before the first `next()` is still seen first.
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    // A fetch that ignores signals (a custom one) still stops reading when the stream is aborted.
    const cancel = () => void reader?.cancel().catch(() => {});
    signal.addEventListener("abort", cancel, { once: true });
    try {
      if (signal.aborted) throw new APIUserAbortError();
      if (!body) throw new APIConnectionError("The response has no body.");
      reader = body.getReader();
      const decoder = new TextDecoder();
      const events: EventSourceMessage[] = [];
      const parser = createParser({ onEvent: (event) => void events.push(event) });
      for (;;) {
        for (let event = events.shift(); event !== undefined; event = events.shift()) {
          if (signal.aborted) throw new APIUserAbortError();
          const step = this.step(event);
          // Finished before the last value is yielded: a caller that stops at it (`return` in
          // the loop) has read the whole stream, and its request is not aborted.
          if (step?.last) finished = true;
          if (step?.value !== undefined) yield step.value;
          if (step?.last) return;
        }
        if (signal.aborted) throw new APIUserAbortError();
        const { value, done } = await reader.read();
        if (done) {
          parser.feed(decoder.decode());
          if (events.length > 0) continue;
          if (signal.aborted) throw new APIUserAbortError();
          throw new APIConnectionError(this.cutShort);
        }
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (signal.aborted) throw new APIUserAbortError();
      if (error instanceof APIError) throw error;
      if (error instanceof SyntaxError)
        throw new APIConnectionError("The server sent an event that is not JSON.", { cause: error });
      throw new APIConnectionError("The stream broke off.", { cause: error });
    } finally {
      signal.removeEventListener("abort", cancel);
      // Leaving early (`break`, an error) must not leave the server generating for nobody.
      if (!finished) this.controller.abort();
      reader?.releaseLock();
      this.#release();
    }
  }
}
