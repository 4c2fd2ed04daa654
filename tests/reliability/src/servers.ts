// The server package alone, as a host would mount it, with a small deterministic agent.
import {
  type ChatCompletionsRouterOptions,
  createChatCompletionsRouter,
  type RunAgent,
  textOf,
} from "@openclaw/chat-completions-server";
import { listen } from "@openclaw/contract-kit";
import express from "express";

export const TOKEN = "reliability-token";

/** Echoes the last message's text word by word, then reports usage. */
export const echoAgent: RunAgent = async function* (turn) {
  const words = `echo: ${textOf(turn.messages.at(-1) ?? { content: "" })}`.split(" ");
  for (const [i, word] of words.entries()) yield { type: "text", text: i === 0 ? word : ` ${word}` };
  yield { type: "done", usage: { prompt_tokens: 1, completion_tokens: words.length, total_tokens: 1 + words.length } };
};

export async function startServerPackage(options: Partial<ChatCompletionsRouterOptions> = {}) {
  const app = express();
  const router = createChatCompletionsRouter({
    enabled: true,
    auth: { mode: "token", token: TOKEN },
    agents: { list: () => ["main", "beta"] },
    runAgent: echoAgent,
    ...options,
  });
  app.use(router);
  await router.ready;
  return { ...(await listen(app)), router };
}

/** POSTs raw bytes or text to the chat endpoint. */
export function post(
  url: string,
  body: string | Uint8Array<ArrayBuffer>,
  options: { token?: string; contentType?: string; signal?: AbortSignal } = {},
) {
  return fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${options.token ?? TOKEN}`,
      "content-type": options.contentType ?? "application/json",
    },
    body,
    signal: options.signal,
  });
}
