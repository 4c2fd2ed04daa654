// What a request leaves for the young-generation collector, and for the old generation. A
// request's objects must die young: a request kept reachable from anything old (a per-request
// closure called through a property was enough: a wrapper stored on each response, a getter on
// a per-request object literal) survives every scavenge, is promoted, and turns each scavenge
// into a copy of megabytes (10 ms pauses at one connection). Measured with V8's GC profiler:
// what the old generation gains in scavenges, and the full collections it needs.
//
// Measured in a plain Node process on the built package, as a host runs it. In vitest's own
// worker, which evaluates the package through its module runner, the same measurement found
// every request promoted (7-8 KB each, every scavenge, not undone by a full collection) in about
// one process of three on a loaded 2-core machine, whatever the package's code, while the same
// code in plain Node never did (see docs/benchmarks.md).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const server = fileURLToPath(new URL("./test/young-generation-server.mjs", import.meta.url));

it("an authenticated, observed request promotes nothing to the old generation", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [server], { timeout: 60_000 });
  const { promotedPerRequest } = JSON.parse(stdout) as { promotedPerRequest: number };
  // Before the fix: 3-6 KB a request (the whole request, every scavenge).
  expect(promotedPerRequest).toBeLessThan(500);
});

it("runs started and ended one after another leave nothing in the old generation", async () => {
  const runs = fileURLToPath(new URL("./test/runs-old-generation.mjs", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", runs], { timeout: 60_000 });
  // With a Map of runs: 2-4 full collections over the million runs, from its table alone.
  expect(JSON.parse(stdout)).toEqual({ fullCollections: 0 });
});
