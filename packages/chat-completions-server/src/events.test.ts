// untilAborted as an async iterator: what a caller other than for-await may rely on.
import { describe, expect, it } from "vitest";
import { untilAborted } from "./events.js";

async function* words() {
  yield "a";
  yield "b";
}

describe("untilAborted", () => {
  it("answers next() calls made before the last one settled in order, as an async generator does", async () => {
    const iterator = untilAborted(words(), new AbortController().signal);
    const answers = await Promise.all([iterator.next(), iterator.next(), iterator.next()]);
    expect(answers).toEqual([
      { done: false, value: "a" },
      { done: false, value: "b" },
      { done: true, value: undefined },
    ]);
  });

  it("ends a next() waiting for a source that ignores the abort, and asks the source to return", async () => {
    const controller = new AbortController();
    let returned = false;
    const stuck: AsyncIterable<string> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<string>>(() => {}),
        return: async () => {
          returned = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const iterator = untilAborted(stuck, controller.signal);
    const waiting = iterator.next();
    controller.abort();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(returned).toBe(true);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("ends at an abort when the source's return() throws, without throwing from the abort", async () => {
    const controller = new AbortController();
    const source: AsyncIterable<string> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<string>>(() => {}),
        return: () => {
          throw new Error("cannot stop");
        },
      }),
    };
    const iterator = untilAborted(source, controller.signal);
    const waiting = iterator.next();
    // The abort listener runs inside abort(): a throw there would be an uncaught exception.
    expect(() => controller.abort()).not.toThrow();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });

  it.each([
    ["undefined at once", () => undefined],
    ["a promise of null", () => Promise.resolve(null)],
    ["a number", () => 7],
  ])("rejects, without an unhandled rejection, when the source answers %s", async (_name, next) => {
    const source = { [Symbol.asyncIterator]: () => ({ next }) as unknown as AsyncIterator<string> };
    const iterator = untilAborted(source, new AbortController().signal);
    await expect(iterator.next()).rejects.toThrow(TypeError);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});
