import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // These tests start the real CLI as child processes: ~0.4 s a start on an idle machine, but
    // measured at load 19 on 2 cores (two packages' tests and a CPU hog), one start took up to
    // 7 s, "config get|set" (ten CLI runs in a row) went past 30 s and two gateways starting at
    // once past 15 s. These only catch a hang, so they leave room for a busy host.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
