import { createInterface } from "node:readline";
import { type ChatCompletionsClient, createChatCompletionsClient } from "@openclaw/chat-completions-client";
import { newSessionKey } from "@openclaw/chat-completions-server";
import { sayResponses } from "./responses-chat.js";
import { gatewayTarget } from "./target.js";
import { forTerminal } from "./terminal.js";

export interface ChatCommandOptions {
  message?: string;
  agent?: string;
  sessionKey?: string;
  url?: string;
  config?: string;
  /** `chat` (chat completions, the default) or `responses` (the Responses API). */
  api?: string;
}

async function say(client: ChatCompletionsClient, text: string, out: NodeJS.WritableStream): Promise<void> {
  const stream = await client.chat.completions.create({
    model: "openclaw",
    messages: [{ role: "user", content: text }],
    stream: true,
  });
  const show = forTerminal(out);
  for await (const chunk of stream) out.write(show(chunk.choices[0]?.delta.content ?? ""));
  out.write("\n");
}

/**
 * Talks to an agent over the gateway's HTTP endpoint with the typed client. The gateway keeps
 * the session (`x-openclaw-session-key`), so each request sends only the new message. With
 * `api: "responses"` it speaks the Responses API instead, each message continuing the last
 * response (`previous_response_id`), so the chain is the conversation.
 */
export async function chatCommand(
  options: ChatCommandOptions,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } = {
    input: process.stdin,
    output: process.stdout,
  },
): Promise<void> {
  const { url, secret } = await gatewayTarget(options);
  const agentId = options.agent ?? "main";
  const api = options.api ?? "chat";
  if (api !== "chat" && api !== "responses") throw new Error(`--api must be chat or responses, not '${api}'.`);
  const client = createChatCompletionsClient({
    baseUrl: url,
    token: secret,
    agentId,
    // A chosen key, so the gateway keeps it apart from `user` and WebSocket sessions. The
    // Responses chain is the conversation there: a key only when one was given.
    sessionKey: api === "responses" ? options.sessionKey : (options.sessionKey ?? newSessionKey("chat")),
  });
  const show = forTerminal(io.output);
  let previousId: string | undefined;
  const reply = async (text: string) => {
    if (api === "chat") return say(client, text, io.output);
    previousId = await sayResponses(client, agentId, text, previousId, (delta) => io.output.write(show(delta)));
    io.output.write("\n");
  };
  if (options.message !== undefined) return reply(options.message);

  // The line iterator buffers lines typed (or piped) while a reply is still streaming.
  const rl = createInterface({ input: io.input, crlfDelay: Number.POSITIVE_INFINITY });
  io.output.write(`Chatting with agent '${agentId}' at ${url}. An empty line or Ctrl-D ends.\nyou> `);
  try {
    for await (const line of rl) {
      if (line.trim() === "") return;
      io.output.write(`${agentId}> `);
      await reply(line);
      io.output.write("you> ");
    }
  } finally {
    rl.close();
  }
}
