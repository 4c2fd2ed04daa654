import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each suite is bounded by case counts, not time; these limits only catch a hang.
    testTimeout: 180_000,
    hookTimeout: 30_000,
    // --expose-gc lets the leak checks measure memory after a real collection.
    execArgv: ["--expose-gc"],
  },
});
