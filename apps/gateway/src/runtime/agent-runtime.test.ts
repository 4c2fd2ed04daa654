// The runtime's turn iterator: however a turn ends (done, the caller's return, an abort, a
// failing store), its share of session.maxLoadedBytes is given back, the provider is stopped
// when it had more to say, and a persistent turn is stored before its `done` is handed on.
import type { AgentEvent, AgentTurn } from "@openclaw/chat-completions-server";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load.js";
import type { SessionStore, StoredTurn } from "../store/types.js";
import { collect } from "../test/collect.js";
import { createAgentRuntime } from "./agent-runtime.js";

/** Sessions in memory; every session reports `size` bytes, so each persistent turn reserves that much. */
function memorySessions(size: number, fail = false) {
  const sessions = new Map<string, StoredTurn[]>();
  const calls: string[] = [];
  const store: SessionStore = {
    load: async (key) => sessions.get(key) ?? [],
    size: async () => size,
    append: async (key, turn) => {
      calls.push("append");
      if (fail) throw new Error("disk full");
      sessions.set(key, [...(sessions.get(key) ?? []), turn]);
      return true;
    },
  };
  return { store, sessions, calls };
}

const config = (maxLoadedBytes: number, tokenDelayMs = 0) =>
  parseConfig(
    {
      gateway: { auth: { mode: "token", token: "t" } },
      session: { maxBytes: 1024, maxLoadedBytes },
      models: { providers: { demo: { api: "demo", tokenDelayMs } } },
      agents: { list: [{ id: "main", default: true, model: "demo/echo" }] },
    },
    {},
  );

const turn = (sessionKind: AgentTurn["sessionKind"], text = "one two three"): AgentTurn => ({
  agentId: "main",
  sessionKey: "agent:main:user:u",
  sessionKind,
  messages: [{ role: "user", content: text }],
  params: {},
  model: "openclaw",
});

describe("agent runtime turns", () => {
  it.each([
    ["ephemeral", false],
    ["user", true],
  ] as const)("a %s turn hands on every word, then done with usage (stored: %s)", async (kind, stored) => {
    const { store, sessions, calls } = memorySessions(10);
    const tokens: number[] = [];
    const runtime = createAgentRuntime(config(2000), store, undefined, { tokens: (t) => tokens.push(t.output) });
    const events = await collect(runtime.runTurn(turn(kind), { signal: new AbortController().signal }));
    expect(events.map((e) => (e.type === "text" ? e.text : e.type))).toEqual([
      "echo:",
      " one",
      " two",
      " three",
      "done",
    ]);
    expect(events.at(-1)).toMatchObject({ type: "done", usage: { completion_tokens: 4 } });
    expect(tokens).toEqual([4]);
    expect(calls).toEqual(stored ? ["append"] : []);
    if (stored)
      expect(sessions.get("agent:main:user:u")?.[0]?.messages.at(-1)).toEqual({
        role: "assistant",
        content: "echo: one two three",
      });
  });

  it("fails an unknown agent at its first next(), as a 404", async () => {
    const { store } = memorySessions(0);
    const runtime = createAgentRuntime(config(2000), store);
    const events = runtime.runTurn(
      { ...turn("ephemeral"), agentId: "nobody" },
      { signal: new AbortController().signal },
    );
    await expect(collect(events)).rejects.toMatchObject({ status: 404, code: "model_not_found" });
  });

  it("gives the budget back when the caller stops early, and stops the provider", async () => {
    // Room for one turn (1,500 of 2,000 bytes): a second can only start once the first has let go.
    const { store } = memorySessions(1500);
    const runtime = createAgentRuntime(config(2000), store);
    const first = runtime.runTurn(turn("user"), { signal: new AbortController().signal })[Symbol.asyncIterator]();
    expect((await first.next()).value).toEqual({ type: "text", text: "echo:" });
    await first.return?.();
    expect(await first.next()).toEqual({ done: true, value: undefined });
    const second = await collect(runtime.runTurn(turn("user"), { signal: new AbortController().signal }));
    expect(second.at(-1)?.type).toBe("done");
  });

  it("gives the budget back when returned while it still waits for it", async () => {
    const { store } = memorySessions(1500);
    const runtime = createAgentRuntime(config(2000), store);
    const holder = runtime.runTurn(turn("user"), { signal: new AbortController().signal })[Symbol.asyncIterator]();
    await holder.next(); // holds 1,500 of 2,000
    const waiter = runtime.runTurn(turn("user"), { signal: new AbortController().signal })[Symbol.asyncIterator]();
    const waiting = waiter.next();
    await waiter.return?.();
    await holder.return?.();
    // The waiter got the budget once the holder let go, and let it go at once: a third turn runs.
    expect(await waiting).toEqual({ done: true, value: undefined });
    const third = await collect(runtime.runTurn(turn("user"), { signal: new AbortController().signal }));
    expect(third.at(-1)?.type).toBe("done");
  });

  it("ends at an abort between words, gives the budget back and stores nothing", async () => {
    const { store, calls } = memorySessions(1500);
    const runtime = createAgentRuntime(config(2000, 5), store);
    const controller = new AbortController();
    const events: AgentEvent[] = [];
    for await (const event of runtime.runTurn(turn("user"), { signal: controller.signal })) {
      events.push(event);
      if (events.length === 2) controller.abort();
    }
    expect(events).toHaveLength(2);
    expect(calls).toEqual([]);
    const next = await collect(runtime.runTurn(turn("user"), { signal: new AbortController().signal }));
    expect(next.at(-1)?.type).toBe("done");
  });

  it("fails the turn when its session cannot be written, and gives the budget back", async () => {
    const { store } = memorySessions(1500, true);
    const runtime = createAgentRuntime(config(2000), store);
    await expect(
      collect(runtime.runTurn(turn("user"), { signal: new AbortController().signal })),
    ).rejects.toMatchObject({ status: 500, code: "session_write_failed" });
    const again = await collect(runtime.runTurn(turn("user"), { signal: new AbortController().signal })).catch(
      (error: unknown) => error,
    );
    // The second turn got the budget (it did not wait forever) and failed the same way.
    expect(again).toMatchObject({ code: "session_write_failed" });
  });
});
