import { createInterface } from "node:readline";
import { type ChatCompletionsClient, createChatCompletionsClient } from "@openclaw/chat-completions-client";
import { newSessionKey } from "@openclaw/chat-completions-server";
import { gatewayTarget } from "./target.js";
import { forTerminal } from "./terminal.js";

export interface ChatCommandOptions {
  message?: string;
  agent?: string;
  sessionKey?: string;
  url?: string;
  config?: string;
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
 * the session (`x-openclaw-session-key`), so each request sends only the new message.
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
  const client = createChatCompletionsClient({
    baseUrl: url,
    token: secret,
    agentId,
    // A chosen key, so the gateway keeps it apart from `user` and WebSocket sessions.
    sessionKey: options.sessionKey ?? newSessionKey("chat"),
  });
  if (options.message !== undefined) return say(client, options.message, io.output);

  // The line iterator buffers lines typed (or piped) while a reply is still streaming.
  const rl = createInterface({ input: io.input, crlfDelay: Number.POSITIVE_INFINITY });
  io.output.write(`Chatting with agent '${agentId}' at ${url}. An empty line or Ctrl-D ends.\nyou> `);
  try {
    for await (const line of rl) {
      if (line.trim() === "") return;
      io.output.write(`${agentId}> `);
      await say(client, line, io.output);
      io.output.write("you> ");
    }
  } finally {
    rl.close();
  }
}
