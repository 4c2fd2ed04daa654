import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // These tests start the real CLI as child processes; on a loaded 2-core CI machine one
    // start takes up to a second, and some tests start several.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
