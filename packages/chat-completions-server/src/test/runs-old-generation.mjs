// young-generation.test.ts's measurement for InFlightRuns, in a plain Node process (run with
// --expose-gc) on the built package: runs started and ended one after another, as a server
// serves them under load, must leave nothing for the old generation. A registry table
// reallocated with every run is allocated where the registry lives, in the old generation, and
// forces full collections however short-lived each run is.
import { GCProfiler } from "node:v8";
import { InFlightRuns } from "../../dist/index.js";

const RUNS = 1_000_000;
const runs = new InFlightRuns();
// Without `info` (nothing to report) and without reading a run's signal: on Node 20 creating an
// AbortSignal is itself old-generation garbage (its prototype is set per signal); only the
// registry is measured here.
const cycle = (n) => {
  for (let i = 0; i < n; i++) runs.end(runs.start());
};

cycle(1000); // warm: compiled code settles
// The registry lives as long as the server: in the old generation.
globalThis.gc();
globalThis.gc();
const profiler = new GCProfiler();
profiler.start();
cycle(RUNS);
const { statistics } = profiler.stop();
const fullCollections = statistics.filter((gc) => gc.gcType !== "Scavenge").length;
process.stdout.write(JSON.stringify({ fullCollections }));
