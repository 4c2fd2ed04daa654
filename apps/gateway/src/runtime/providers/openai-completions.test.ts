import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expectError, expectSchema, readSse, streamedText } from "@openclaw/contract-kit";
import { baseConfig, chat, type RunningGateway, reply, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { GatewayFrame } from "../../ws.js";

/** A local OpenAI-compatible upstream whose behaviour is picked by the last user message. */
function fakeUpstream() {
  const seen: { auth?: string; body: Record<string, unknown> }[] = [];
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: "u", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const part of req) raw += part;
    const body = JSON.parse(raw);
    seen.push({ auth: req.headers.authorization, body });
    const last = body.messages.at(-1).content as string;
    const status = /^status-(\d+)$/.exec(last)?.[1];
    if (status) {
      res.writeHead(Number(status), { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: `upstream says ${status}` } }));
    }
    if (last === "hang") return; // never answers
    res.writeHead(200, { "content-type": "text/event-stream" });
    if (last === "tools") {
      res.write(
        chunk({
          tool_calls: [{ index: 0, id: "call_9", type: "function", function: { name: "lookup", arguments: '{"q":' } }],
        }),
      );
      res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: '"x"}' } }] }));
      res.write(chunk({}, "tool_calls"));
    } else {
      res.write(chunk({ role: "assistant", content: "" }));
      res.write(chunk({ content: "upstream" }));
      res.write(chunk({ content: ` heard: ${last}` }));
      if (last === "truncate") return res.end();
      res.write(chunk({}, "stop"));
    }
    res.write(
      `data: ${JSON.stringify({ id: "u", object: "chat.completion.chunk", created: 1, model: "m", choices: [], usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } })}\n\n`,
    );
    res.end("data: [DONE]\n\n");
  });
  return { server, seen };
}

describe("the openai-completions provider", () => {
  const upstream = fakeUpstream();
  let gateway: RunningGateway;
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.server.listen(0, "127.0.0.1", resolve));
    const { port } = upstream.server.address() as AddressInfo;
    const config = baseConfig({
      models: {
        providers: {
          local: {
            api: "openai-completions",
            baseUrl: `http://127.0.0.1:${port}/v1`,
            // biome-ignore lint/suspicious/noTemplateCurlyInString: the config's ${ENV} syntax, on purpose
            apiKey: "${UPSTREAM_KEY}",
            models: [{ id: "m" }],
          },
          // Its own provider for the silent-upstream test: with 300 ms on `local`, a first request
          // (the gateway's fetch loads lazily, ~45 ms idle, several times that on a busy host)
          // could time out too.
          impatient: {
            api: "openai-completions",
            baseUrl: `http://127.0.0.1:${port}/v1`,
            timeoutMs: 300,
            models: [{ id: "m" }],
          },
          down: { api: "openai-completions", baseUrl: "http://127.0.0.1:9/v1", models: [{ id: "m" }] },
        },
      },
      agents: {
        list: [
          { id: "main", default: true, model: "local/m", systemPrompt: "Be brief." },
          { id: "offline", model: "down/m" },
          { id: "impatient", model: "impatient/m" },
        ],
      },
    });
    gateway = await startGateway(config, { env: { UPSTREAM_KEY: "sk-upstream" } });
  });
  afterAll(async () => {
    await gateway.stop();
    upstream.server.closeAllConnections();
    upstream.server.close();
  });

  const openai = () => new OpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 });

  it("answers non-streaming requests from the upstream's stream, with its usage, passing parameters and key", async () => {
    const completion = await openai().chat.completions.create({
      model: "openclaw",
      messages: [{ role: "user", content: "hello" }],
      temperature: 0.3,
      max_completion_tokens: 20,
    });
    expectSchema("CreateChatCompletionResponse", completion);
    expect(completion.choices[0]?.message.content).toBe("upstream heard: hello");
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
    const sent = upstream.seen.at(-1);
    expect(sent?.auth).toBe("Bearer sk-upstream");
    expect(sent?.body).toMatchObject({
      model: "m",
      temperature: 0.3,
      max_completion_tokens: 20,
      stream: true,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "hello" },
      ],
    });
  });

  it("streams", async () => {
    const stream = await openai().chat.completions.create({
      model: "openclaw",
      messages: [{ role: "user", content: "s" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) {
      expectSchema("CreateChatCompletionStreamResponse", chunk);
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(text).toBe("upstream heard: s");
  });

  it("passes client tool calls through", async () => {
    const tools = [{ type: "function" as const, function: { name: "lookup", parameters: { type: "object" } } }];
    const completion = await openai().chat.completions.create({
      model: "openclaw",
      messages: [{ role: "user", content: "tools" }],
      tools,
    });
    expect(completion.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        tool_calls: [{ id: "call_9", type: "function", function: { name: "lookup", arguments: '{"q":"x"}' } }],
      },
    });
    expect(upstream.seen.at(-1)?.body.tools).toEqual(tools);
  });

  it.each([
    [
      "a rejected key becomes 502 about the upstream key",
      "status-401",
      502,
      /rejected its API key.*models\.providers\.local\.apiKey/,
    ],
    ["a rate limit stays 429", "status-429", 429, /rate limiting/],
    ["a server error becomes 502", "status-500", 502, /HTTP 500: .*upstream says 500/],
    ["a truncated stream becomes 502", "truncate", 502, /ended its stream early/],
  ])("%s", async (_name, content, status, message) => {
    const error = await expectError(await chat(gateway.url, { messages: [{ role: "user", content }] }), status);
    expect(error.message).toMatch(message);
    expect(JSON.stringify(error)).not.toContain("sk-upstream");
  });

  it("a silent upstream becomes 504", async () => {
    const response = await chat(gateway.url, {
      model: "openclaw:impatient",
      messages: [{ role: "user", content: "hang" }],
    });
    expect((await expectError(response, 504)).message).toMatch(/'impatient' did not answer within 300 ms/);
  });

  it("reports an unreachable upstream as 502", async () => {
    const response = await chat(gateway.url, { model: "openclaw:offline", messages: [{ role: "user", content: "x" }] });
    expect((await expectError(response, 502)).message).toMatch(/unreachable/);
  });

  it("ends a stream that the upstream truncates with an error event", async () => {
    const response = await chat(gateway.url, { stream: true, messages: [{ role: "user", content: "truncate" }] });
    const { chunks, errors } = await readSse(response);
    expect(streamedText(chunks)).toBe("upstream heard: truncate");
    expect(errors[0]?.error.message).toMatch(/Upstream provider 'local' ended its stream early\./);
  });

  it("reports an upstream failure over the WebSocket exactly as over HTTP", async () => {
    const frame = await new Promise<GatewayFrame>((resolve, reject) => {
      const ws = new WebSocket(`${gateway.url.replace("http", "ws")}/ws`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      ws.on("open", () => ws.send(JSON.stringify({ type: "agent.run", id: "w1", message: "status-429" })));
      ws.on("message", (data) => {
        ws.close();
        resolve(JSON.parse(data.toString()));
      });
      ws.on("error", reject);
    });
    const http = await expectError(
      await chat(gateway.url, { messages: [{ role: "user", content: "status-429" }] }),
      429,
    );
    expect(frame).toEqual({
      type: "agent.error",
      id: "w1",
      error: { message: http.message, type: http.type, code: http.code, status: 429 },
    });
    expect(http).toMatchObject({ type: "rate_limit_error", code: "rate_limit_exceeded" });
  });

  it("still answers afterwards", async () => {
    expect(await reply(gateway.url, { messages: [{ role: "user", content: "again" }] })).toBe("upstream heard: again");
  });
});
