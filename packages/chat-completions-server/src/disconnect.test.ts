import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { chatRequest, expectError, postChat, readSse, startServer, type TestServer } from "./test/harness.js";
import type { RunAgent } from "./types.js";

let server: TestServer;
afterEach(() => server?.close());

/** An agent that talks every 20 ms until aborted, and records what happened to it. */
function chattyAgent(options: { ignoreSignal?: boolean; turns?: number } = {}) {
  const state = { aborted: false, abortedAt: 0, pulledAfterAbort: 0, started: false, yielded: 0 };
  const runAgent: RunAgent = async function* (_turn, { signal }) {
    state.started = true;
    signal.addEventListener("abort", () => {
      state.aborted = true;
      state.abortedAt = Date.now();
    });
    for (let i = 0; i < (options.turns ?? 500); i++) {
      if (signal.aborted && !options.ignoreSignal) return;
      if (signal.aborted) state.pulledAfterAbort++;
      await sleep(20);
      yield { type: "text", text: `${i} ` };
      state.yielded++;
    }
  };
  return { runAgent, state };
}

async function until(condition: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(5);
  }
}

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("client disconnects", () => {
  it.each([true, false])(
    "abort the agent's signal at once (stream: %s) and leave no run or timer behind",
    async (stream) => {
      const agent = chattyAgent();
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
      await sleep(60);
      const abortedAt = Date.now();
      controller.abort();
      await until(() => agent.state.aborted);
      expect(agent.state.abortedAt - abortedAt).toBeLessThan(500);
      await until(() => server.router.activeRuns === 0);
      await sleep(50);
      expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
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
    await sleep(100);
    // The router asked the generator to return and pulled nothing more from it.
    expect(agent.state.pulledAfterAbort).toBeLessThanOrEqual(1);
  });
});

describe("router.drain()", () => {
  it("waits the grace, then ends a running stream with a shutting_down error event and [DONE]", async () => {
    const agent = chattyAgent();
    server = await startServer({ runAgent: agent.runAgent });
    const response = await postChat(server.url, chatRequest({ stream: true }));
    const reading = readSse(response);
    await until(() => agent.state.yielded > 0);
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
    await until(() => agent.state.started);
    await server.router.drain(0);
    expect(await expectError(await response, 503)).toMatchObject({ code: "shutting_down" });
  });

  it("resolves as soon as the runs end by themselves, long before the grace", async () => {
    const agent = chattyAgent({ turns: 3 });
    server = await startServer({ runAgent: agent.runAgent });
    const response = await postChat(server.url, chatRequest({ stream: true }));
    const reading = readSse(response);
    await until(() => agent.state.started);
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
