import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Whether Node's command line sets V8 flag `flag` (either sense, `_` or `-` in its name, as V8
 * takes both). Node refuses these flags in NODE_OPTIONS, so the command line is the only place.
 */
export const userChose = (flag: string, execArgv = process.execArgv): boolean =>
  execArgv.some((arg) => arg.replaceAll("_", "-").includes(flag));

/**
 * V8 sizes the young generation by how much survives its collections, and start-up (loading
 * modules, compiling the validator) is one long burst of survivors: left alone it grows the
 * young generation to its maximum, ~25 MiB of RSS that an idle gateway never uses and V8 never
 * returns. So growth is held off while the process starts (importing this module does it, so
 * import it first) and allowed again by {@link settleHeap} once the gateway listens, when real
 * load should size it. A factor the user chose on the command line is left alone.
 */
const userSetsGrowth = userChose("semi-space-growth-factor");
if (!userSetsGrowth) setFlagsFromString("--semi-space-growth-factor=1");

type Collect = (options?: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

/**
 * V8 12 (Node 22 and later) has a memory-reducing flavour of `gc()`. V8 11 (Node 20) has none,
 * and runs a mere scavenge when `gc()` is given options synchronously; its plain `gc()` is a full
 * collection, made to compact every page for this once.
 */
const hasLastResortFlavor = Number(process.versions.v8.split(".")[0]) >= 12;

/**
 * Start-up is over: lets the young generation grow again (V8's default factor, 2) and hands
 * start-up's garbage back to the OS with one full, compacting collection. Start-up leaves its
 * survivors scattered over many pages, which an ordinary collection keeps, and nothing
 * triggers V8's own memory reducer in a process that only waits for requests. This returns
 * ~10 MiB of RSS on Node 20 and ~15 MiB on Node 24, for one pause of tens of milliseconds.
 */
export function settleHeap(): void {
  if (!userSetsGrowth) setFlagsFromString("--semi-space-growth-factor=2");
  const collect = exposedGc();
  if (hasLastResortFlavor) collect({ type: "major", execution: "sync", flavor: "last-resort" });
  else if (userChose("compact-on-every-full-gc")) collect();
  else {
    setFlagsFromString("--compact-on-every-full-gc");
    collect();
    setFlagsFromString("--no-compact-on-every-full-gc");
  }
}

/** `gc()` without `--expose-gc` on the command line: exposed for one new context, then hidden again. */
function exposedGc(): Collect {
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  const collect = runInNewContext("gc") as Collect;
  setFlagsFromString("--no-expose-gc");
  return collect;
}
