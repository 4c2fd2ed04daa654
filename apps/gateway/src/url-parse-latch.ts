import { parse } from "node:url";

/**
 * express-openapi-validator calls the deprecated `url.parse()` on every request. Node 24 decides
 * whether to print its DEP0169 warning by walking the caller's stack on every call until it has
 * warned once, and it never warns for callers inside node_modules, so for the validator it walks
 * on every request: ~12% of the gateway's CPU per request there (docs/benchmarks.md). One call
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
