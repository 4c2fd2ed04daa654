// SIGTERM on the real gateway with work in flight on every door: each run completes within the
// grace or ends cleanly with shutting_down, nothing holds the process past the grace, exit 0.
import { checkSse, until } from "@openclaw/contract-kit";
import { baseConfig, chat, startGateway } from "@openclaw/contract-kit/gateway";
import { expect, it } from "vitest";
import { connect, expectWellFormed, runText } from "./ws-client.js";

const words = (count: number) => Array.from({ length: count }, (_, w) => `w${w}`).join(" ");

it("SIGTERM during 100 open streams: each completes or gets a clean end, and the gateway exits 0", async () => {
  const gateway = await startGateway(
    baseConfig({
      gateway: { shutdownGraceMs: 600 },
      models: { providers: { demo: { api: "demo", tokenDelayMs: 50 } } },
    }),
  );
  // Short streams finish within the grace period; long ones are cut at its end.
  const responses = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      chat(gateway.url, { stream: true, messages: [{ role: "user", content: words(i % 2 === 0 ? 3 : 40) }] }),
    ),
  );
  // Every stream is under way (its first word read) before the signal.
  const bodies = await Promise.all(
    responses.map(async (response) => {
      expect(response.status).toBe(200);
      const reader = response.body?.getReader();
      if (!reader) throw new Error("no body");
      const decoder = new TextDecoder();
      let text = "";
      while (!text.includes('"content":"echo:"')) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before its first word: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
      return async () => {
        for (let read = await reader.read(); !read.done; read = await reader.read())
          text += decoder.decode(read.value, { stream: true });
        return text;
      };
    }),
  );
  const exit = gateway.stop("SIGTERM");
  const outcomes = { completed: 0, endedCleanly: 0 };
  for (const body of await Promise.all(bodies.map((rest) => rest()))) {
    const { errors } = checkSse(body);
    if (errors.length === 0) outcomes.completed++;
    else {
      expect(errors).toEqual([{ error: expect.objectContaining({ code: "shutting_down" }) }]);
      outcomes.endedCleanly++;
    }
  }
  expect(await exit).toBe(0);
  expect(outcomes.completed).toBeGreaterThanOrEqual(50);
  expect(outcomes.endedCleanly).toBeGreaterThan(0);
  expect(outcomes.completed + outcomes.endedCleanly).toBe(100);
});

it("SIGTERM with WebSocket runs: short ones finish, long ones get agent.error shutting_down at the grace, every connection closes 1001", async () => {
  const gateway = await startGateway(
    baseConfig({
      gateway: { shutdownGraceMs: 600 },
      models: { providers: { demo: { api: "demo", tokenDelayMs: 50 } } },
    }),
  );
  const busy = await connect(gateway.url);
  const idle = await connect(gateway.url);
  busy.send({ type: "agent.run", id: "short", message: words(3), sessionKey: "short" });
  busy.send({ type: "agent.run", id: "long", message: words(200), sessionKey: "long" });
  await until(() => busy.of("short").length > 0 && busy.of("long").length > 0, { what: "both runs under way" });
  const exit = gateway.stop("SIGTERM");
  // The idle connection is closed at once, long before the grace ends.
  expect(await idle.closed).toBe(1001);
  expect(busy.ws.readyState).toBe(busy.ws.OPEN);
  expect(await busy.closed).toBe(1001);
  expect(runText(busy.of("short"))).toBe(`echo: ${words(3)}`);
  const long = busy.of("long");
  expect(long.at(-1)).toMatchObject({
    type: "agent.error",
    id: "long",
    error: { code: "shutting_down", status: 503, message: "The gateway is shutting down.", param: null },
  });
  for (const frame of busy.frames) expectWellFormed(frame);
  expect(await exit).toBe(0);
});

it("a WebSocket peer that ignores the close handshake is cut off at the grace, not 30 s later", async () => {
  const gateway = await startGateway(baseConfig({ gateway: { shutdownGraceMs: 500 } }));
  const deaf = await connect(gateway.url);
  // Reads nothing more, so it never sees (or answers) the gateway's close frame.
  deaf.ws.pause();
  const started = Date.now();
  expect(await gateway.stop("SIGTERM")).toBe(0);
  // ws waits 30 s for the answer by default; the grace is 500 ms.
  expect(Date.now() - started).toBeLessThan(10_000);
  deaf.ws.resume();
  expect(await deaf.closed).toBe(1001);
});
