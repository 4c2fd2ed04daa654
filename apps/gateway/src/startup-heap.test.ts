import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { settleHeap, userChose } from "./startup-heap.js";

const MiB = 1024 * 1024;

it("collects without leaving gc() exposed", () => {
  settleHeap();
  expect(runInNewContext("typeof gc")).toBe("undefined");
  expect("gc" in globalThis).toBe(false);
});

it("returns the pages an ordinary collection keeps", () => {
  setFlagsFromString("--expose-gc");
  // A plain gc() is a full collection on every Node (on Node 20 an options object makes it a scavenge).
  const ordinaryCollection = runInNewContext("() => gc()") as () => void;
  setFlagsFromString("--no-expose-gc");
  // Like start-up: many objects survive into the old generation, then most of them die,
  // leaving the few survivors scattered over pages an ordinary collection cannot free.
  let all: { i: number; text: string }[] | undefined = Array.from({ length: 400_000 }, (_, i) => ({
    i,
    text: `${i}`.repeat(10),
  }));
  ordinaryCollection();
  const survivors = all.filter((_, i) => i % 4 === 0);
  all = undefined;
  // Twice: the second shows what ordinary collections settle at.
  ordinaryCollection();
  ordinaryCollection();
  const kept = getHeapStatistics().total_heap_size;

  settleHeap();
  expect(getHeapStatistics().total_heap_size).toBeLessThan(kept - 20 * MiB);
  expect(survivors).toHaveLength(100_000);
});

it.each([
  [["--compact-on-every-full-gc"], true],
  [["--compact_on_every_full_gc"], true],
  [["--no-compact_on_every_full_gc"], true],
  [["--expose-gc", "--semi-space-growth-factor=4"], false],
  [[], false],
])("sees the user's own compaction flag in %j: %s", (execArgv, chosen) => {
  expect(userChose("compact-on-every-full-gc", execArgv)).toBe(chosen);
});
