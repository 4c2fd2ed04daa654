import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8 sizes the young generation by how much survives its collections, and start-up (loading
 * modules, compiling the validator) is one long burst of survivors: left alone it grows the
 * young generation to its maximum, ~25 MiB of RSS that an idle gateway never uses and V8 never
 * returns. So growth is held off while the process starts (importing this module does it, so
 * import it first) and allowed again by {@link settleHeap} once the gateway listens, when real
 * load should size it. A factor the user chose on the command line is left alone.
 */
// Node refuses this flag in NODE_OPTIONS, so the command line is the only place to look.
const userChose = process.execArgv.some((arg) => arg.includes("semi-space-growth-factor"));
if (!userChose) setFlagsFromString("--semi-space-growth-factor=1");

type Collect = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

/**
 * Start-up is over: lets the young generation grow again (V8's default factor, 2) and hands
 * start-up's garbage back to the OS with one full, memory-reducing collection. Start-up leaves
 * its survivors scattered over many pages, which an ordinary collection keeps, and nothing
 * triggers V8's own memory reducer in a process that only waits for requests. On Node 24 this
 * returns ~15 MiB of RSS for a ~50 ms pause, once. (Node 20's `gc()` has no memory-reducing
 * mode: there it is an ordinary full collection.)
 */
export function settleHeap(): void {
  if (!userChose) setFlagsFromString("--semi-space-growth-factor=2");
  collectStartupGarbage();
}

/** `gc()` without `--expose-gc` on the command line: exposed for one new context, then hidden again. */
function collectStartupGarbage(): void {
  let collect = (globalThis as { gc?: Collect }).gc;
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as Collect;
    setFlagsFromString("--no-expose-gc");
  }
  collect({ type: "major", execution: "sync", flavor: "last-resort" });
}
