import { parse } from "node:url";
import { expect, it } from "vitest";
import { settleUrlParseWarning } from "./url-parse-latch.js";

it("sets Node's url.parse() warning latch without printing, and restores noDeprecation", async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    const before = process.noDeprecation;
    settleUrlParseWarning();
    expect(process.noDeprecation).toBe(before);
    // From outside node_modules: on Node 24 this would print DEP0169 had the latch not been set.
    parse("/v1/chat/completions");
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((warning) => warning.name)).toEqual([]);
  } finally {
    process.off("warning", onWarning);
  }
});
