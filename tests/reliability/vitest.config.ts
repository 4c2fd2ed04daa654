import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each suite is bounded by case counts, not time; these limits only catch a hang.
    testTimeout: 180_000,
    // Hooks start the gateway CLI (see startGateway's own limit in tests/kit/src/gateway.ts).
    hookTimeout: 60_000,
    // --expose-gc lets the leak checks measure memory after a real collection.
    execArgv: ["--expose-gc"],
  },
});
