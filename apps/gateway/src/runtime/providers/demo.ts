import { setTimeout as sleep } from "node:timers/promises";
import { textOf } from "@openclaw/chat-completions-server";
import { textWithMedia } from "./media.js";
import type { ModelProvider, ModelRequest } from "./types.js";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

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
      const answer = words(reply(request));
      const prompt = [request.system ?? "", ...request.messages.map((m) => textOf(m))].flatMap(words).length;
      for (const [i, word] of answer.entries()) {
        if (i > 0 && options.tokenDelayMs > 0) await sleep(options.tokenDelayMs, undefined, { signal });
        if (signal.aborted) return;
        yield { type: "text", text: i === 0 ? word : ` ${word}` };
      }
      yield {
        type: "done",
        finishReason: "stop",
        usage: { prompt_tokens: prompt, completion_tokens: answer.length, total_tokens: prompt + answer.length },
      };
    },
  };
}
