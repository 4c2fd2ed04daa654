import { parse } from "node:url";
import { expect, it } from "vitest";
import { settleUrlParseWarning } from "./url-parse-latch.js";

const nodeMajor = Number(process.versions.node.split(".")[0]);

// Node 20 never prints DEP0169 for url.parse(), so there the check below would pass whatever the
// latch did; CI's Node 24 leg runs it (and it fails there if the latch is not set).
it.skipIf(nodeMajor < 24)(
  "sets Node's url.parse() warning latch without printing, and restores noDeprecation (Node 24+: Node 20 never warns)",
  async () => {
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
  },
);
