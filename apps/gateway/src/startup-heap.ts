import { setFlagsFromString } from "node:v8";

/**
 * V8 sizes the young generation by how much survives its collections, and start-up (loading
 * modules, compiling the validator) is one long burst of survivors: left alone it grows the
 * young generation to its maximum, ~25 MiB of RSS that an idle gateway never uses and V8 never
 * returns. So growth is held off while the process starts (importing this module does it, so
 * import it first) and allowed again by {@link releaseYoungGeneration} once the gateway
 * listens, when real load should size it. A factor the user chose in NODE_OPTIONS is left alone.
 */
const userChose = `${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`.includes(
  "semi-space-growth-factor",
);
if (!userChose) setFlagsFromString("--semi-space-growth-factor=1");

/** Lets the young generation grow again (V8's default factor, 2). */
export function releaseYoungGeneration(): void {
  if (!userChose) setFlagsFromString("--semi-space-growth-factor=2");
}
