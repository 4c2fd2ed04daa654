import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { demoProvider } from "./demo.js";
import type { ModelRequest } from "./types.js";

const request: ModelRequest = { model: "echo", messages: [{ role: "user", content: "a b c" }], params: {} };

describe("demo provider pacing", () => {
  it("stops a pause between words as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const events = demoProvider({ tokenDelayMs: 600_000 }).stream(request, controller.signal)[Symbol.asyncIterator]();
    expect((await events.next()).value).toEqual({ type: "text", text: "echo:" });
    const paused = events.next();
    controller.abort();
    expect(await paused).toEqual({ done: true, value: undefined });
  });

  it("does not pause at all once the signal aborted while a word was being handed out", async () => {
    const controller = new AbortController();
    const events = demoProvider({ tokenDelayMs: 600_000 }).stream(request, controller.signal)[Symbol.asyncIterator]();
    await events.next();
    controller.abort();
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  // One listener per reply, not one per pause, and none left behind however the reply ends.
  it.each([
    [
      "the reply ends",
      async (events: AsyncIterator<unknown>) => {
        while (!(await events.next()).done);
      },
    ],
    [
      "the caller returns early",
      async (events: AsyncIterator<unknown>) => {
        await events.next();
        await events.next();
        await events.return?.();
      },
    ],
    [
      "the signal aborts",
      async (events: AsyncIterator<unknown>, controller: AbortController) => {
        await events.next();
        const paused = events.next();
        controller.abort();
        await paused;
      },
    ],
  ])("holds one abort listener while pausing and none once %s", async (_, end) => {
    const controller = new AbortController();
    const events = demoProvider({ tokenDelayMs: 1 }).stream(request, controller.signal)[Symbol.asyncIterator]();
    await events.next();
    await events.next();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    await end(events, controller);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("demo provider usage", () => {
  // Words are runs of non-whitespace, as `\S+` sees them (Unicode spaces included).
  it.each([
    { system: undefined, messages: ["one"], prompt: 1 },
    { system: "be brief", messages: ["a b\tc\n d"], prompt: 6 },
    { system: "", messages: ["", "   ", "x\u00a0y\u2003z\ufeffw"], prompt: 4 },
    { system: undefined, messages: ["same words", "same words"], prompt: 4 },
  ])("counts $prompt prompt words for $messages", async ({ system, messages, prompt }) => {
    const events = [];
    const turn: ModelRequest = {
      model: "echo",
      system,
      messages: messages.map((content) => ({ role: "user" as const, content })),
      params: {},
    };
    for await (const event of demoProvider({ tokenDelayMs: 0 }).stream(turn, new AbortController().signal))
      events.push(event);
    const done = events.at(-1);
    const reply = events.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("");
    const sent = reply.split(" ").length;
    expect(done).toEqual({
      type: "done",
      finishReason: "stop",
      usage: { prompt_tokens: prompt, completion_tokens: sent, total_tokens: prompt + sent },
    });
  });
});
