// The runtime against a provider that breaks its iterator's contract: whatever it does, the turn
// fails or ends cleanly, gives its share of session.maxLoadedBytes back (a persistent turn after
// it would otherwise wait forever), and the process stays up.
import { type AgentEvent, type AgentTurn, untilAborted } from "@openclaw/chat-completions-server";
import { describe, expect, it, vi } from "vitest";
import { parseConfig } from "../config/load.js";
import type { SessionStore, StoredTurn } from "../store/types.js";
import { collect } from "../test/collect.js";
import { createAgentRuntime } from "./agent-runtime.js";

/** The provider's next iterator; a well-behaved one-word reply when a test sets none. */
const provider = vi.hoisted(() => ({ iterator: undefined as AsyncIterator<AgentEvent> | undefined }));

vi.mock("./providers/index.js", () => ({
  createProviders: () =>
    new Map([
      [
        "fake",
        {
          stream: () => {
            const iterator = provider.iterator;
            provider.iterator = undefined;
            return {
              [Symbol.asyncIterator]: () =>
                iterator ??
                (async function* (): AsyncGenerator<AgentEvent> {
                  yield { type: "text", text: "ok" };
                })(),
            };
          },
        },
      ],
    ]),
}));

const config = parseConfig(
  {
    gateway: { auth: { mode: "token", token: "t" } },
    // Room for one persistent turn at a time: each session below reports 1,500 bytes.
    session: { maxBytes: 1024, maxLoadedBytes: 2000 },
    models: { providers: { fake: { api: "demo" } } },
    agents: { list: [{ id: "main", default: true, model: "fake/echo" }] },
  },
  {},
);

function runtimeWithSessions() {
  const appended: StoredTurn[] = [];
  const store: SessionStore = {
    load: async () => [],
    size: async () => 1500,
    append: async (_key, turn) => {
      appended.push(turn);
      return true;
    },
  };
  const tokens: number[] = [];
  const runtime = createAgentRuntime(config, store, undefined, { tokens: (t) => tokens.push(t.output) });
  return { runtime, appended, tokens };
}

const turn: AgentTurn = {
  agentId: "main",
  sessionKey: "agent:main:user:u",
  sessionKind: "user",
  messages: [{ role: "user", content: "hi" }],
  params: {},
  model: "openclaw",
};

/** A persistent turn after the faulty one: it only runs if the faulty one let the budget go. */
async function nextTurnRuns(runtime: ReturnType<typeof runtimeWithSessions>["runtime"]) {
  const events = await collect(runtime.runTurn(turn, { signal: new AbortController().signal }));
  expect(events.at(-1)?.type).toBe("done");
}

/** An iterator answering `answers` in order (a function answer is called: it may throw). */
function scripted(answers: unknown[], onReturn?: () => unknown): AsyncIterator<AgentEvent> & { returned: number } {
  const iterator = {
    returned: 0,
    next: () => {
      const answer = answers.shift();
      return (typeof answer === "function" ? answer() : Promise.resolve(answer)) as Promise<IteratorResult<AgentEvent>>;
    },
    return: () => {
      iterator.returned++;
      return (onReturn?.() ?? Promise.resolve({ done: true, value: undefined })) as Promise<IteratorResult<AgentEvent>>;
    },
  };
  return iterator;
}

const boom = () => {
  throw new Error("provider broke");
};
const text = (t: string) => ({ done: false, value: { type: "text", text: t } });

describe("a persistent turn whose provider breaks its iterator", () => {
  it.each([
    ["throws from its first next()", [boom], /provider broke/, 0],
    ["throws from a later next()", [text("a"), boom], /provider broke/, 0],
    ["hands out an event of undefined", [{ done: false, value: undefined }], TypeError, 1],
    ["hands out an event of null", [{ done: false, value: null }], TypeError, 1],
    ["answers a number", [7], TypeError, 1],
  ] as const)("%s: the turn fails and the budget is given back", async (_name, answers, error, returns) => {
    const { runtime, appended } = runtimeWithSessions();
    const iterator = scripted([...answers]);
    provider.iterator = iterator;
    await expect(collect(runtime.runTurn(turn, { signal: new AbortController().signal }))).rejects.toThrow(error);
    expect(iterator.returned).toBe(returns);
    expect(appended).toEqual([]);
    await nextTurnRuns(runtime);
  });

  it("whose return() throws at an abort: the turn ends, nothing is thrown, the budget is given back", async () => {
    const { runtime } = runtimeWithSessions();
    const iterator = scripted([text("a"), () => new Promise(() => {})], boom);
    provider.iterator = iterator;
    const controller = new AbortController();
    const events: AgentEvent[] = [];
    const run = (async () => {
      for await (const event of untilAborted(runtime.runTurn(turn, { signal: controller.signal }), controller.signal))
        events.push(event);
    })();
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(() => controller.abort()).not.toThrow();
    await run;
    expect(iterator.returned).toBe(1);
    await nextTurnRuns(runtime);
  });

  it("asked several next() at once: one store and one done, in order, as a generator answers", async () => {
    const { runtime, appended, tokens } = runtimeWithSessions();
    const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
    provider.iterator = scripted([
      text("a"),
      { done: false, value: { type: "done", usage } },
      { done: true, value: undefined },
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
    const events = runtime.runTurn(turn, { signal: new AbortController().signal })[Symbol.asyncIterator]();
    const answers = await Promise.all([events.next(), events.next(), events.next(), events.next()]);
    expect(answers.map((a) => (a.done ? "end" : a.value.type))).toEqual(["text", "done", "end", "end"]);
    expect(appended).toHaveLength(1);
    expect(tokens).toEqual([1]);
    await nextTurnRuns(runtime);
  });
});
