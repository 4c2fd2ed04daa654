import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expectCompletion, expectError, expectSchema, readSse, streamedText, until } from "@openclaw/contract-kit";
import {
  baseConfig,
  chat,
  type RunningGateway,
  reply,
  runCli,
  startGateway,
  TOKEN,
  writeConfig,
} from "@openclaw/contract-kit/gateway";
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
      error: { message: http.message, type: http.type, param: http.param, code: http.code, status: 429 },
    });
    expect(http).toMatchObject({ type: "rate_limit_error", code: "rate_limit_exceeded" });
  });

  it("logs an upstream error's status and length, never its text", async () => {
    await expectError(await chat(gateway.url, { messages: [{ role: "user", content: "status-500" }] }), 502);
    const line = await until(
      () =>
        gateway
          .output()
          .split("\n")
          .slice(0, -1) // complete lines only
          .find((l) => l.includes('"agent run failed"') && l.includes('"upstreamStatus":500')),
      { what: "the log line of the failed run" },
    );
    expect(JSON.parse(line)).toMatchObject({
      status: 502,
      code: "upstream_error",
      err: { upstreamErrorChars: JSON.stringify({ error: { message: "upstream says 500" } }).length },
    });
    expect(gateway.output()).not.toContain("upstream says");
  });

  it("frees a persistent turn's share of session.maxLoadedBytes however the upstream fails", async () => {
    // The budget fits one load of this session: a turn that kept its share would make every later one wait.
    const { port } = upstream.server.address() as AddressInfo;
    const maxBytes = 64 * 1024;
    const held = await startGateway(
      baseConfig({
        models: {
          providers: {
            local: { api: "openai-completions", baseUrl: `http://127.0.0.1:${port}/v1`, models: [{ id: "m" }] },
          },
        },
        agents: { list: [{ id: "main", default: true, model: "local/m" }] },
        session: { maxBytes, maxLoadedBytes: maxBytes },
      }),
    );
    try {
      const ask = (content: string, stream = false) =>
        chat(held.url, { user: "budget", stream, messages: [{ role: "user", content }] });
      expect((await ask("x".repeat(20_000))).status).toBe(200);
      await expectError(await ask("status-500"), 502);
      expect(await (await ask("truncate", true)).text()).toContain('"error"');
      for (const content of ["after 1", "after 2"]) expect((await ask(content)).status).toBe(200);
    } finally {
      await held.stop();
    }
  });

  it("still answers afterwards", async () => {
    expect(await reply(gateway.url, { messages: [{ role: "user", content: "again" }] })).toBe("upstream heard: again");
  });
});

describe("a provider baseUrl with credentials", () => {
  it("is refused at start, without showing them", async () => {
    const config = baseConfig({
      models: {
        providers: {
          local: { api: "openai-completions", baseUrl: "http://me:hunter2@127.0.0.1:9/v1", models: [{ id: "m" }] },
        },
      },
      agents: { list: [{ id: "main", model: "local/m" }] },
    });
    const result = await runCli(["gateway", "--port", "0", "--config", writeConfig(config)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/models\.providers\.local\.baseUrl: must not contain a user or password/);
    expect(result.stderr + result.stdout).not.toContain("hunter2");
  });
});

describe("a provider time limit past what a timer holds (2^31 - 1 ms)", () => {
  // Node runs a longer setTimeout after 1 ms: every turn was a 504 at once.
  it.each(["timeoutMs", "maxTurnMs"])("%s: refused at start (exit 2, naming it)", async (key) => {
    const config = baseConfig({
      models: {
        providers: {
          local: {
            api: "openai-completions",
            baseUrl: "http://127.0.0.1:9/v1",
            [key]: 2 ** 31,
            models: [{ id: "m" }],
          },
        },
      },
      agents: { list: [{ id: "main", model: "local/m" }] },
    });
    const result = await runCli(["gateway", "--port", "0", "--config", writeConfig(config)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`models.providers.local.${key}`);
  });
});

/** One request to the hostile upstream: what it asked for, what was written, whether it ended. */
interface Flood {
  what: string;
  written: number;
  closed: boolean;
}

/**
 * An upstream that never stops, picked by the last user message: an SSE line without end, an
 * error body without end, valid chunks without end, comments every 50 ms, a chunk every 50 ms
 * (and "ok": one chunk, then done).
 * It writes as fast as the gateway reads and stops when the gateway hangs up.
 */
function hostileUpstream() {
  const floods: Flood[] = [];
  const chunk = (content: string) =>
    `data: ${JSON.stringify({ id: "u", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const part of req) raw += part;
    const what = JSON.parse(raw).messages.at(-1).content as string;
    const flood: Flood = { what, written: 0, closed: false };
    floods.push(flood);
    res.once("close", () => {
      flood.closed = true;
    });
    res.on("error", () => {});
    const write = (text: string) => {
      flood.written += Buffer.byteLength(text);
      return res.write(text);
    };
    const forever = async (piece: string) => {
      const closed = once(res, "close");
      while (!res.destroyed) if (!write(piece)) await Promise.race([once(res, "drain"), closed]);
    };
    const every = (ms: number, text: () => string) => {
      const timer = setInterval(() => write(text()), ms);
      res.once("close", () => clearInterval(timer));
    };
    if (what === "endless-error") {
      res.writeHead(500, { "content-type": "text/plain" });
      return forever("x".repeat(64 * 1024));
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    if (what === "endless-line") {
      write("data: ");
      return forever("a".repeat(64 * 1024));
    }
    if (what === "endless-stream") return forever(chunk("word ").repeat(200));
    write(chunk("hello"));
    if (what === "ok") return res.end("data: [DONE]\n\n");
    if (what === "comments") every(50, () => ": keep-alive\n\n");
    if (what === "drip") every(50, () => chunk(" more"));
  });
  return { server, floods };
}

describe("the openai-completions provider against a hostile upstream (gateway heap 64 MB)", () => {
  const upstream = hostileUpstream();
  const MAX_REPLY = 1024 * 1024;
  let gateway: RunningGateway;
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.server.listen(0, "127.0.0.1", resolve));
    const { port } = upstream.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}/v1`;
    const config = baseConfig({
      models: {
        providers: {
          // Only the size bounds can end these turns: the timeouts are long.
          flood: {
            api: "openai-completions",
            baseUrl,
            timeoutMs: 20_000,
            maxTurnMs: 25_000,
            maxReplyBytes: MAX_REPLY,
            models: [{ id: "m" }],
          },
          // Only the idle timeout can end these turns.
          quiet: { api: "openai-completions", baseUrl, timeoutMs: 300, models: [{ id: "m" }] },
          // Only the turn's deadline can end these: a chunk every 50 ms is far inside timeoutMs.
          busy: { api: "openai-completions", baseUrl, timeoutMs: 10_000, maxTurnMs: 1500, models: [{ id: "m" }] },
        },
      },
      agents: {
        list: [
          { id: "main", default: true, model: "flood/m" },
          { id: "quiet", model: "quiet/m" },
          { id: "busy", model: "busy/m" },
        ],
      },
    });
    gateway = await startGateway(config, { env: { NODE_OPTIONS: "--max-old-space-size=64" } });
  });
  afterAll(async () => {
    await gateway.stop();
    upstream.server.closeAllConnections();
    upstream.server.close();
  });

  /** Waits for the gateway to hang up on the upstream's last request; returns what was written. */
  const hungUp = async (what: string) => {
    const flood = await until(() => upstream.floods.findLast((f) => f.what === what && f.closed), {
      what: `the gateway to hang up on ${what}`,
    });
    // The bound, plus what loopback socket buffers hold.
    expect(flood.written).toBeLessThan(MAX_REPLY + 24 * 1024 * 1024);
    return flood;
  };

  it("ends an endless SSE line at maxReplyBytes: finish_reason length", async () => {
    const completion = await expectCompletion(
      await chat(gateway.url, { messages: [{ role: "user", content: "endless-line" }] }),
    );
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.choices[0]?.message.content ?? "").toBe("");
    await hungUp("endless-line");
  });

  it("ends an endless stream at maxReplyBytes, streamed or not", async () => {
    const response = await chat(gateway.url, { stream: true, messages: [{ role: "user", content: "endless-stream" }] });
    const { chunks } = await readSse(response);
    const text = streamedText(chunks);
    // Each 5-character word comes in a ~150-byte chunk.
    expect(text.length).toBeGreaterThan(MAX_REPLY / 50);
    expect(text.length).toBeLessThan(MAX_REPLY);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "length" }] });
    await hungUp("endless-stream");

    const completion = await expectCompletion(
      await chat(gateway.url, { messages: [{ role: "user", content: "endless-stream" }] }),
    );
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.choices[0]?.message.content?.length).toBeLessThan(MAX_REPLY);
  });

  it("reads no more than the start of an endless error body", async () => {
    const error = await expectError(
      await chat(gateway.url, { messages: [{ role: "user", content: "endless-error" }] }),
      502,
    );
    expect(error.message).toMatch(/^Upstream provider 'flood' failed with HTTP 500: x{300}…$/);
    await hungUp("endless-error");
  });

  it("does not let comments hold off the idle timeout", async () => {
    const response = await chat(gateway.url, {
      model: "openclaw:quiet",
      stream: true,
      messages: [{ role: "user", content: "comments" }],
    });
    const { chunks, errors } = await readSse(response);
    expect(streamedText(chunks)).toBe("hello");
    expect(errors[0]?.error).toMatchObject({
      code: "upstream_timeout",
      message: expect.stringMatching(/within 300 ms/),
    });
    await hungUp("comments");
  });

  it("ends a turn the upstream keeps busy at maxTurnMs with 504", async () => {
    const error = await expectError(
      await chat(gateway.url, { model: "openclaw:busy", messages: [{ role: "user", content: "drip" }] }),
      504,
    );
    expect(error).toMatchObject({
      code: "upstream_timeout",
      message: expect.stringMatching(/did not finish within 1500 ms/),
    });
    await hungUp("drip");
  });

  it("is still up, within its small heap, and answers", async () => {
    expect(gateway.child.exitCode).toBeNull();
    expect(await reply(gateway.url, { messages: [{ role: "user", content: "ok" }] })).toBe("hello");
  });
});

describe("the openai-completions provider against an upstream that redirects or sends odd chunks", () => {
  /** Where a redirect points: it must never be asked anything. */
  const elsewhere: { method?: string; auth?: string; body: string }[] = [];
  const target = createServer(async (req, res) => {
    let body = "";
    for await (const part of req) body += part;
    elsewhere.push({ method: req.method, auth: req.headers.authorization, body });
    res.writeHead(500, { "content-type": "text/plain" });
    res.end("internal service: private page");
  });
  const event = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
  const upstream = createServer(async (req, res) => {
    let raw = "";
    for await (const part of req) raw += part;
    const last = JSON.parse(raw).messages.at(-1).content as string;
    const redirect = /^redirect-(\d+)$/.exec(last)?.[1];
    if (redirect) {
      const { port } = target.address() as AddressInfo;
      res.writeHead(Number(redirect), { location: `http://127.0.0.1:${port}/internal` });
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    if (last === "object-content")
      res.write(event({ choices: [{ index: 0, delta: { content: { injected: true } } }] }));
    if (last === "number-content") res.write(event({ choices: [{ index: 0, delta: { content: 42 } }] }));
    if (last === "null-choice") res.write(event({ choices: [null] }));
    if (last === "object-error") res.write(event({ error: { message: { nested: "x" } } }));
    if (last === "object-tool-id")
      res.write(
        event({
          choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: { x: 1 }, function: { name: "f" } }] } }],
        }),
      );
    if (last === "object-tool-arguments")
      res.write(
        event({
          choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: "c", function: { arguments: { a: 1 } } }] } }],
        }),
      );
    if (last === "string-tool-index")
      res.write(
        event({ choices: [{ index: 0, delta: { tool_calls: [{ index: "1", id: "c", function: { name: "f" } }] } }] }),
      );
    if (last === "odd-usage") {
      const usage = {
        prompt_tokens: "x".repeat(10_000),
        completion_tokens: { a: 1 },
        total_tokens: -5,
        upstream_only: "x",
      };
      res.write(event({ choices: [], usage }));
    }
    res.write(event({ choices: [{ index: 0, delta: { content: "fine" } }] }));
    res.write(event({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }));
    res.end("data: [DONE]\n\n");
  });
  let gateway: RunningGateway;
  beforeAll(async () => {
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const { port } = upstream.address() as AddressInfo;
    gateway = await startGateway(
      baseConfig({
        models: {
          providers: {
            odd: {
              api: "openai-completions",
              baseUrl: `http://127.0.0.1:${port}/v1`,
              apiKey: "sk-odd",
              timeoutMs: 2000,
              models: [{ id: "m" }],
            },
          },
        },
        agents: { list: [{ id: "main", default: true, model: "odd/m" }] },
      }),
    );
  });
  afterAll(async () => {
    await gateway.stop();
    for (const server of [target, upstream]) {
      server.closeAllConnections();
      server.close();
    }
  });

  it.each([301, 302, 303, 307, 308])(
    "does not follow a %i redirect: 502, and the target is never asked",
    async (status) => {
      const error = await expectError(
        await chat(gateway.url, { messages: [{ role: "user", content: `redirect-${status}` }] }),
        502,
      );
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).not.toContain("private page");
      expect(elsewhere).toEqual([]);
    },
  );

  it.each(["object-content", "number-content"])(
    "passes only string content on (%s), streamed or not",
    async (content) => {
      const body = { messages: [{ role: "user", content }] };
      expect(await reply(gateway.url, body)).toBe("fine");
      // readSse checks every chunk against the spec: content is a string or null.
      const { chunks, errors } = await readSse(await chat(gateway.url, { ...body, stream: true }));
      expect(errors).toEqual([]);
      expect(streamedText(chunks)).toBe("fine");
    },
  );

  it("passes on only the upstream's token counts, and only when they are counts", async () => {
    const body = { messages: [{ role: "user", content: "odd-usage" }] };
    const completion = await expectCompletion(await chat(gateway.url, body));
    expect(completion.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
    const { chunks } = await readSse(
      await chat(gateway.url, { ...body, stream: true, stream_options: { include_usage: true } }),
      { includeUsage: true },
    );
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });

  it.each(["null-choice", "object-error", "object-tool-id", "object-tool-arguments", "string-tool-index"])(
    "reports a malformed chunk (%s) as a bad upstream answer, not as unreachable",
    async (content) => {
      const error = await expectError(await chat(gateway.url, { messages: [{ role: "user", content }] }), 502);
      expect(error.code).not.toBe("upstream_unreachable");
      expect(error.message).not.toContain("unreachable");
    },
  );
});
