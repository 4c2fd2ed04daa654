import { connect } from "node:net";
import { until } from "@openclaw/contract-kit";
import { afterEach, describe, expect, it } from "vitest";
import { AgentError } from "./errors.js";
import {
  chatRequest,
  expectError,
  postChat,
  readSse,
  scriptedAgent,
  startServer,
  streamedText,
  type TestServer,
  TOKEN,
} from "./test/harness.js";
import type { RunAgent } from "./types.js";

let server: TestServer;
afterEach(() => server?.close());

type Choice = { delta: Record<string, unknown>; finish_reason: string | null };
const choicesOf = (chunk: Record<string, unknown>) => chunk.choices as Choice[];

describe("streaming", () => {
  it("sends SSE headers, a role chunk, content deltas, one finish chunk and [DONE]", async () => {
    server = await startServer();
    const response = await postChat(server.url, chatRequest({ stream: true, model: "openclaw/main" }));
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("connection")).toBe("keep-alive");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const { chunks } = await readSse(response);
    expect(choicesOf(chunks[0] ?? {})[0]?.delta.role).toBe("assistant");
    expect(streamedText(chunks)).toBe("Hello world");
    expect(choicesOf(chunks.at(-1) ?? {})[0]).toMatchObject({ delta: {}, finish_reason: "stop" });
    expect(chunks.every((c) => c.model === "openclaw/main" && !("usage" in c))).toBe(true);
  });

  it("adds a usage chunk with no choices when stream_options.include_usage is set", async () => {
    server = await startServer();
    const response = await postChat(server.url, chatRequest({ stream: true, stream_options: { include_usage: true } }));
    const { chunks } = await readSse(response, { includeUsage: true });
    const last = chunks.at(-1);
    expect(last).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it("streams tool-call deltas and finishes with tool_calls", async () => {
    const { runAgent } = scriptedAgent([
      { type: "tool_call", index: 0, id: "call_a", name: "lookup", arguments: '{"q":' },
      { type: "tool_call", index: 0, arguments: '"x"}' },
      { type: "done" },
    ]);
    server = await startServer({ runAgent });
    const { chunks } = await readSse(await postChat(server.url, chatRequest({ stream: true })));
    const calls = chunks.flatMap((c) => choicesOf(c).flatMap((choice) => (choice.delta.tool_calls as object[]) ?? []));
    expect(calls).toEqual([
      { index: 0, id: "call_a", type: "function", function: { name: "lookup", arguments: '{"q":' } },
      { index: 0, function: { arguments: '"x"}' } },
    ]);
    expect(choicesOf(chunks.at(-1) ?? {})[0]?.finish_reason).toBe("tool_calls");
  });

  it("sends `: keep-alive` comments while the agent is silent", async () => {
    let received = "";
    const keepAlives = () => received.split(": keep-alive\n\n").length - 1;
    const runAgent: RunAgent = async function* () {
      yield { type: "text", text: "thinking" };
      // Silent until the client has read two keep-alives, however late the timers fire.
      await until(() => keepAlives() >= 2, { what: "two keep-alive comments" });
      yield { type: "text", text: " done" };
      yield { type: "done" };
    };
    server = await startServer({ runAgent, keepAliveMs: 50 });
    const response = await postChat(server.url, chatRequest({ stream: true }));
    const decoder = new TextDecoder();
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read())
      received += decoder.decode(read.value, { stream: true });
    const { chunks, comments } = await readSse(new Response(received, response));
    expect(streamedText(chunks)).toBe("thinking done");
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(new Set(comments)).toEqual(new Set([": keep-alive"]));
  });

  it("starts the stream with the role chunk at the first keep-alive tick when the agent is slow to begin", async () => {
    let release: () => void = () => {};
    const runAgent: RunAgent = async function* () {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      yield { type: "text", text: "late" };
    };
    server = await startServer({ runAgent, keepAliveMs: 50 });
    const response = await postChat(server.url, chatRequest({ stream: true }));
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    expect(first).toMatch(/^data: .*"role":"assistant"/);
    release();
    await reader?.cancel();
  });

  it("ends with one error frame and [DONE] when the agent fails mid-stream", async () => {
    const runAgent: RunAgent = async function* () {
      yield { type: "text", text: "partial" };
      throw new AgentError("Upstream rate limited.", { status: 429 });
    };
    server = await startServer({ runAgent });
    const { chunks, errors } = await readSse(await postChat(server.url, chatRequest({ stream: true })));
    expect(streamedText(chunks)).toBe("partial");
    expect(errors).toEqual([
      {
        error: {
          message: "Upstream rate limited.",
          type: "rate_limit_error",
          param: null,
          code: "rate_limit_exceeded",
        },
      },
    ]);
  });

  it("answers an HTTP error, not a stream, when the agent fails before its first event", async () => {
    const runAgent: RunAgent = async function* () {
      yield* [];
      throw new AgentError("Upstream key rejected.", { status: 502 });
    };
    server = await startServer({ runAgent });
    expect(await expectError(await postChat(server.url, chatRequest({ stream: true })), 502)).toMatchObject({
      message: "Upstream key rejected.",
      type: "api_error",
    });
  });
});

describe("a client that stops reading", () => {
  it("is cut off past slowReaderTimeoutMs: its run aborts, and nothing it held stays held", async () => {
    // An agent that talks as fast as the socket lets it, until aborted.
    const aborted = { value: false };
    const flood: RunAgent = async function* (_turn, { signal }) {
      signal.addEventListener("abort", () => {
        aborted.value = true;
      });
      while (!signal.aborted) yield { type: "text", text: "x".repeat(64 * 1024) };
    };
    server = await startServer({ runAgent: flood, slowReaderTimeoutMs: 200 });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    const body = JSON.stringify(chatRequest({ stream: true }));
    socket.write(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    socket.pause(); // never reads: the kernel's buffers fill, then the server's
    const closed = new Promise((resolve) => socket.once("close", resolve));
    await until(() => server.router.activeRuns === 1, { what: "the run to start" });
    await until(() => aborted.value && server.router.activeRuns === 0, { what: "the stalled run to be aborted" });
    socket.resume(); // drains what was sent, then sees the server's end
    await closed;
  });
});
