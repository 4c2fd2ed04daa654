import { textOf } from "@openclaw/chat-completions-server";
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
 * The built-in offline provider, deterministic for the quickstart and tests:
 * `demo/echo` answers `echo: <last user message>`, `demo/recall` answers
 * `recall: <every user message in its context, oldest first, joined by " | ">`.
 * Replies stream word by word, `tokenDelayMs` apart; usage counts words.
 */
export function demoProvider(options: { tokenDelayMs: number }): ModelProvider {
  return {
    async *stream(request, signal) {
      let prompt = countWords(request.system ?? "");
      for (const message of request.messages) prompt += countWords(textOf(message));
      let sent = 0;
      const pacer = options.tokenDelayMs > 0 ? new Pacer(options.tokenDelayMs, signal) : undefined;
      try {
        const text = reply(request);
        // The reply is walked word by word (the pattern's lastIndex is the place): an open stream
        // holds the reply and one regular expression, not an array of words or an iterator chain.
        const word = /\S+/g;
        for (let match = word.exec(text); match !== null; match = word.exec(text)) {
          const next = sent === 0 ? match[0] : ` ${match[0]}`;
          if (sent > 0 && pacer) await pacer.wait();
          if (signal.aborted) return;
          yield { type: "text", text: next };
          sent++;
        }
      } finally {
        pacer?.close();
      }
      yield {
        type: "done",
        finishReason: "stop",
        usage: { prompt_tokens: prompt, completion_tokens: sent, total_tokens: prompt + sent },
      };
    },
  };
}
