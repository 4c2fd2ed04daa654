import { textOf } from "@openclaw/chat-completions-server";
import { textWithMedia } from "./media.js";
import type { ModelProvider, ModelRequest } from "./types.js";

/** The words of `text`, one at a time: a stream holds the reply, not an array of its words. */
function* words(text: string): Generator<string> {
  for (const [word] of text.matchAll(/\S+/g)) yield word;
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
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
        for (const word of words(reply(request))) {
          if (sent > 0 && pacer) await pacer.wait();
          if (signal.aborted) return;
          yield { type: "text", text: sent === 0 ? word : ` ${word}` };
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
