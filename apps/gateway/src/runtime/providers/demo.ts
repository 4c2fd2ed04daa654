import { setTimeout as sleep } from "node:timers/promises";
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
      for (const word of words(reply(request))) {
        if (sent > 0 && options.tokenDelayMs > 0) await sleep(options.tokenDelayMs, undefined, { signal });
        if (signal.aborted) return;
        yield { type: "text", text: sent === 0 ? word : ` ${word}` };
        sent++;
      }
      yield {
        type: "done",
        finishReason: "stop",
        usage: { prompt_tokens: prompt, completion_tokens: sent, total_tokens: prompt + sent },
      };
    },
  };
}
