import { parse } from "node:url";

/**
 * Dependencies call the deprecated `url.parse()`: express-openapi-validator's stock middleware on
 * every request (the server package now uses it only for a spec whose parameters need it) and
 * Express's `parseurl` for URLs its fast path declines. Node 24 decides whether to print DEP0169
 * by walking the caller's stack on every call until it has warned once, and it never warns for
 * callers inside node_modules, so for them it walks on every call: it was ~12% of the gateway's
 * CPU per request while the validator called it (docs/benchmarks.md). One call
 * from outside node_modules with deprecation warnings muted sets Node's "warned" latch: nothing
 * is printed and later calls skip the walk. On Node 20, which has no such check, it is one cheap
 * parse. Only the process's owner should do this, since no later `url.parse()` will warn.
 */
export function settleUrlParseWarning(): void {
  const muted = process.noDeprecation;
  process.noDeprecation = true;
  try {
    parse("/");
  } finally {
    process.noDeprecation = muted;
  }
}
