import { type AgentEvent, textOf } from "@openclaw/chat-completions-server";
import { textWithMedia } from "./media.js";
import type { ModelProvider, ModelRequest } from "./types.js";

const WORD = /\S+/g;

/** Words as `\S+` finds them, counted without an array of them (every prompt message is counted). */
function countWords(text: string): number {
  WORD.lastIndex = 0;
  let words = 0;
  while (WORD.test(text)) words++;
  return words;
}

/**
 * The pause between words, ended early by an abort. One abort listener for the whole reply:
 * timers/promises' `signal` option adds and removes one per pause (a bound function, a
 * `finally` and their promises, ~3 KiB per word), and thousands of open streams pausing at once
 * turned that into most of what they allocated and, through early promotion, most of their RSS.
 */
class Pacer {
  #timer: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;

  constructor(
    private readonly ms: number,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener("abort", this);
  }

  wait(): Promise<void> {
    // Aborted while the reply was handed out (a caller that asks for more after an abort).
    if (this.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(resolve, this.ms);
    });
  }

  handleEvent(): void {
    clearTimeout(this.#timer);
    this.#wake?.();
  }

  close(): void {
    clearTimeout(this.#timer);
    this.signal.removeEventListener("abort", this);
  }
}

function reply(request: ModelRequest): string {
  // Images and files are named (`[image/png 68 B]`), so what reached the agent can be seen.
  const userTexts = request.messages.filter((m) => m.role === "user").map((m) => textWithMedia(m));
  if (request.model === "recall") return `recall: ${userTexts.join(" | ")}`;
  return `echo: ${userTexts.at(-1) ?? ""}`;
}

/**
 * One reply, word by word, as a plain async iterator: an async generator would cost every word
 * a suspension, a resumption and an await of what it yields. The reply is walked by the pattern's
 * `lastIndex`, so an open stream holds the reply and one regular expression, not an array of
 * words. Asked one `next()` at a time, as `for await` asks.
 */
class Reply implements AsyncIterableIterator<AgentEvent> {
  readonly #word = /\S+/g;
  #sent = 0;
  #over = false;
  /** Made at the first pause: a reply never asked for a second word holds no listener. */
  #pacer: Pacer | undefined;

  constructor(
    private readonly text: string,
    private readonly prompt: number,
    private readonly signal: AbortSignal,
    private readonly delayMs: number,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<AgentEvent>> {
    if (this.#over) return Promise.resolve({ done: true, value: undefined });
    const match = this.#word.exec(this.text);
    if (match === null) {
      this.#end();
      const { prompt } = this;
      const sent = this.#sent;
      return Promise.resolve({
        done: false,
        value: {
          type: "done",
          finishReason: "stop",
          usage: { prompt_tokens: prompt, completion_tokens: sent, total_tokens: prompt + sent },
        },
      });
    }
    const text = this.#sent === 0 ? match[0] : ` ${match[0]}`;
    if (this.#sent > 0 && this.delayMs > 0) {
      this.#pacer ??= new Pacer(this.delayMs, this.signal);
      return this.#pacer.wait().then(() => this.#handOut(text));
    }
    return Promise.resolve(this.#handOut(text));
  }

  return(): Promise<IteratorResult<AgentEvent>> {
    return Promise.resolve(this.#end());
  }

  #handOut(text: string): IteratorResult<AgentEvent> {
    if (this.signal.aborted) return this.#end();
    this.#sent++;
    return { done: false, value: { type: "text", text } };
  }

  /** No more words, however the reply ends: the pause's listener goes. */
  #end(): IteratorReturnResult<undefined> {
    this.#over = true;
    this.#pacer?.close();
    return { done: true, value: undefined };
  }
}

/**
 * The built-in offline provider, deterministic for the quickstart and tests:
 * `demo/echo` answers `echo: <last user message>`, `demo/recall` answers
 * `recall: <every user message in its context, oldest first, joined by " | ">`.
 * Replies stream word by word, `tokenDelayMs` apart; usage counts words.
 */
export function demoProvider(options: { tokenDelayMs: number }): ModelProvider {
  return {
    stream(request, signal) {
      let prompt = countWords(request.system ?? "");
      for (const message of request.messages) prompt += countWords(textOf(message));
      return new Reply(reply(request), prompt, signal, options.tokenDelayMs);
    },
  };
}
