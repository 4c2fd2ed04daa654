import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { chatRequest, expectError, postChat, readSse, startServer, type TestServer } from "./test/harness.js";
import type { RunAgent } from "./types.js";

let server: TestServer;
afterEach(() => server?.close());

/** An agent that talks every 20 ms until aborted, and records what happened to it. */
function chattyAgent(options: { ignoreSignal?: boolean } = {}) {
  const state = { aborted: false, abortedAt: 0, pulledAfterAbort: 0, started: false };
  const runAgent: RunAgent = async function* (_turn, { signal }) {
    state.started = true;
    signal.addEventListener("abort", () => {
      state.aborted = true;
      state.abortedAt = Date.now();
    });
    for (let i = 0; i < 500; i++) {
      if (signal.aborted && !options.ignoreSignal) return;
      if (signal.aborted) state.pulledAfterAbort++;
      await sleep(20);
      yield { type: "text", text: `${i} ` };
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

describe("router.close()", () => {
  it("ends a running stream cleanly with a shutting_down error event and [DONE]", async () => {
    const agent = chattyAgent();
    server = await startServer({ runAgent: agent.runAgent });
    const response = await postChat(server.url, chatRequest({ stream: true }));
    const reading = readSse(response);
    await until(() => agent.state.started);
    await sleep(50);
    server.router.close();
    const { chunks, errors } = await reading;
    expect(chunks.length).toBeGreaterThan(1);
    expect(errors).toEqual([
      { error: { message: "The gateway is shutting down.", type: "api_error", param: null, code: "shutting_down" } },
    ]);
    await until(() => server.router.activeRuns === 0);
  });

  it("answers a request still waiting for its completion with 503", async () => {
    const agent = chattyAgent();
    server = await startServer({ runAgent: agent.runAgent });
    const response = postChat(server.url, chatRequest());
    await until(() => agent.state.started);
    server.router.close();
    expect(await expectError(await response, 503)).toMatchObject({ code: "shutting_down" });
  });
});
