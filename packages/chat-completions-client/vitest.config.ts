import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A test timeout only catches a hang. Above until()'s 10 s, so a wait that never ends fails
    // with what it waited for: a fresh-clone CI run's Node 24 leg (tests beside builds and
    // typechecks on 2 cores) hit the default 5 s in "aborts the HTTP request when the loop
    // breaks early" without saying which wait, and it did not recur in local runs.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
