import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One Chromium and one gateway per file, started in the hooks: a cold Chromium start took
    // 0.9 s idle; these limits only catch a hang on a busy 2-core host (see tests/reliability).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The two files would otherwise run two Chromiums at once on 2 cores.
    fileParallelism: false,
  },
});
