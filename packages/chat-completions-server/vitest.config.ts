import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Most tests start their own router, which compiles the OpenAPI validator before it is ready:
    // ~0.3 s on an idle machine, but a file's first test took 4.6 s of the default 5 s on a 2-core
    // machine at load 19 (CI runs two packages' tests, builds and typechecks at once). This only
    // catches a hang; it is above until()'s 10 s so a wait that never ends fails with its message.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
