import { setTimeout as sleep } from "node:timers/promises";
import { checkResponsesSse, until } from "@openclaw/contract-kit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryResponsesStore } from "./responses/store.js";
import { chatRequest, expectError, postChat, readSse, startServer, type TestServer, TOKEN } from "./test/harness.js";
import type { RunAgent } from "./types.js";

let server: TestServer;
afterEach(() => server?.close());

/**
 * An agent that talks every 20 ms, `turns` times or until aborted (or, with `holdAfter`, falls
 * silent after that many events until aborted), and records what happened to it.
 */
function chattyAgent(options: { ignoreSignal?: boolean; holdAfter?: number; turns?: number } = {}) {
  const state = { aborted: false, pulledAfterAbort: 0, started: false, emitted: 0, returned: false };
  const runAgent: RunAgent = async function* (_turn, { signal }) {
    state.started = true;
    const aborted = new Promise((resolve) => signal.addEventListener("abort", resolve));
    signal.addEventListener("abort", () => {
      state.aborted = true;
    });
    try {
      for (let i = 0; i < (options.turns ?? 500); i++) {
        if (signal.aborted && !options.ignoreSignal) return;
        if (signal.aborted) state.pulledAfterAbort++;
        if (state.emitted === options.holdAfter) await aborted;
        else await sleep(20);
        state.emitted++;
        yield { type: "text", text: `${i} ` };
      }
    } finally {
      state.returned = true;
    }
  };
  return { runAgent, state };
}

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("client disconnects", () => {
  it.each([true, false])(
    "abort the agent's signal at once (stream: %s) and leave no run or timer behind",
    async (stream) => {
      // Silent after two events: only the router's reaction to the disconnect can abort it.
      const agent = chattyAgent({ holdAfter: 2 });
      server = await startServer({ runAgent: agent.runAgent, keepAliveMs: 30 });
      const timersBefore = activeTimers();
      const controller = new AbortController();
      const response = postChat(server.url, chatRequest({ stream }), {}, { signal: controller.signal });
      if (stream) {
        const reader = (await response).body?.getReader();
        await reader?.read();
      } else {
        await until(() => agent.state.started);
        response.catch(() => {});
      }
      await until(() => agent.state.emitted === 2, { what: "the agent to fall silent" });
      controller.abort();
      await until(() => agent.state.aborted, { what: "the agent's signal to abort" });
      await until(() => server.router.activeRuns === 0, { what: "the run to end" });
      // Sockets and timers close asynchronously after the run: wait for the count, a leak never drops.
      await until(() => activeTimers() <= timersBefore, { what: "timers back to their count before" });
    },
  );

  it("stop waiting for an agent that ignores its signal", async () => {
    const agent = chattyAgent({ ignoreSignal: true });
    server = await startServer({ runAgent: agent.runAgent });
    const controller = new AbortController();
    const response = postChat(server.url, chatRequest({ stream: true }), {}, { signal: controller.signal });
    await (await response).body?.getReader().read();
    controller.abort();
    await until(() => server.router.activeRuns === 0);
    // The router asked the generator to return (its finally ran, so nothing can be pulled any
    // more), and pulled nothing more from it before that.
    await until(() => agent.state.returned, { what: "the generator to return" });
    expect(agent.state.pulledAfterAbort).toBeLessThanOrEqual(1);
  });
});

describe("router.drain()", () => {
  it("waits the grace, then ends a running stream with a shutting_down error event and [DONE]", async () => {
    const agent = chattyAgent();
    server = await startServer({ runAgent: agent.runAgent });
    const response = await postChat(server.url, chatRequest({ stream: true }));
    const reading = readSse(response);
    await until(() => agent.state.emitted > 0, { what: "the stream to carry content" });
    const started = Date.now();
    await server.router.drain(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    // Resolved only once the run has ended.
    expect(server.router.activeRuns).toBe(0);
    const { chunks, errors } = await reading;
    expect(chunks.length).toBeGreaterThan(1);
    expect(errors).toEqual([
      { error: { message: "The gateway is shutting down.", type: "api_error", param: null, code: "shutting_down" } },
    ]);
  });

  it("answers a request still waiting for its completion with 503", async () => {
    const agent = chattyAgent();
    server = await startServer({ runAgent: agent.runAgent });
    const response = postChat(server.url, chatRequest());
    await until(() => agent.state.started, { what: "the agent to start" });
    await server.router.drain(0);
    expect(await expectError(await response, 503)).toMatchObject({ code: "shutting_down" });
  });

  it("resolves as soon as the runs end by themselves, long before the grace", async () => {
    const agent = chattyAgent({ turns: 3 });
    server = await startServer({ runAgent: agent.runAgent });
    const response = await postChat(server.url, chatRequest({ stream: true }));
    const reading = readSse(response);
    await until(() => agent.state.started, { what: "the agent to start" });
    const started = Date.now();
    await server.router.drain(60_000);
    expect(Date.now() - started).toBeLessThan(30_000);
    const { chunks, errors } = await reading;
    expect(errors).toEqual([]);
    expect(chunks).toHaveLength(5); // role, three texts, the finish chunk
  });

  it("refuses new runs with 503 shutting_down once it began", async () => {
    server = await startServer();
    await server.router.drain(0);
    expect(await expectError(await postChat(server.url, chatRequest()), 503)).toMatchObject({
      code: "shutting_down",
    });
  });
});

describe("the responses endpoint, through the same door", () => {
  const postResponse = (body: object, init: RequestInit = {}) =>
    fetch(`${server.url}/v1/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw", input: "hi", ...body }),
      ...init,
    });
  const withResponses = (runAgent: RunAgent, keepAliveMs?: number) =>
    startServer({ runAgent, keepAliveMs, responses: { enabled: true, store: new MemoryResponsesStore() } });

  it.each([true, false])(
    "aborts the agent when the client disconnects (stream: %s), storing nothing",
    async (stream) => {
      const agent = chattyAgent({ holdAfter: 2 });
      const store = new MemoryResponsesStore();
      const put = vi.spyOn(store, "put");
      server = await startServer({ runAgent: agent.runAgent, responses: { enabled: true, store } });
      const controller = new AbortController();
      const response = postResponse({ stream }, { signal: controller.signal });
      if (stream) await (await response).body?.getReader().read();
      else response.catch(() => {});
      await until(() => agent.state.emitted === 2, { what: "the agent to fall silent" });
      controller.abort();
      await until(() => agent.state.aborted, { what: "the agent's signal to abort" });
      await until(() => server.router.activeRuns === 0, { what: "the run to end" });
      expect(put).not.toHaveBeenCalled();
    },
  );

  it("sends keep-alive comments while the agent is silent", async () => {
    const agent = chattyAgent({ holdAfter: 1 });
    server = await withResponses(agent.runAgent, 20);
    const controller = new AbortController();
    const response = await postResponse({ stream: true }, { signal: controller.signal });
    const reader = response.body?.getReader();
    let text = "";
    await until(
      async () => {
        const chunk = await reader?.read();
        text += new TextDecoder().decode(chunk?.value);
        return text.includes(": keep-alive\n\n");
      },
      { what: "a keep-alive comment" },
    );
    controller.abort();
  });

  it("is drained by router.drain: a running stream ends with one response.failed shutting_down", async () => {
    const agent = chattyAgent();
    server = await withResponses(agent.runAgent);
    const reading = postResponse({ stream: true }).then((r) => r.text());
    await until(() => agent.state.emitted > 0, { what: "the stream to carry content" });
    await server.router.drain(0);
    expect(server.router.activeRuns).toBe(0);
    const { response } = checkResponsesSse(await reading);
    expect(response.status).toBe("failed");
    expect(response.error).toEqual({ code: "shutting_down", message: "The gateway is shutting down." });
    expect(await expectError(await postResponse({}), 503)).toMatchObject({ code: "shutting_down" });
  });
});
