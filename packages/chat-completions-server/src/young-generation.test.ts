// What a request leaves for the young-generation collector. A request's objects must die young:
// a request kept reachable from anything old (a per-request closure called through a property
// was enough: a wrapper stored on each response, a getter on a per-request object literal)
// survives every scavenge, is promoted, and turns each scavenge into a copy of megabytes (10 ms
// pauses at one connection). Measured with V8's GC profiler: what the old generation gains in
// scavenges.
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GCProfiler } from "node:v8";
import express from "express";
import { afterEach, expect, it } from "vitest";
import { expressClasses } from "./express-classes.js";
import { observeRequests } from "./observer.js";
import { createChatCompletionsRouter } from "./router.js";
import { TOKEN } from "./test/harness.js";

let server: Server | undefined;
afterEach(() => server?.close());

/** `n` GETs one after another on one keep-alive connection. */
async function getSequentially(url: string, n: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < n; i++) {
    await new Promise<void>((resolve, reject) => {
      const req = request(url, { agent, headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", reject);
      req.end();
    });
  }
  agent.destroy();
}

/** Bytes the old space gained in young-generation collections while `work` ran. */
async function promotedDuring(work: () => Promise<void>): Promise<number> {
  const profiler = new GCProfiler();
  profiler.start();
  await work();
  const { statistics } = profiler.stop();
  const oldSpace = (stats: { heapSpaceStatistics: { spaceName: string; spaceUsedSize: number }[] }) =>
    stats.heapSpaceStatistics.find((space) => space.spaceName === "old_space")?.spaceUsedSize ?? 0;
  return statistics
    .filter((gc) => gc.gcType === "Scavenge")
    .reduce((sum, gc) => sum + oldSpace(gc.afterGC) - oldSpace(gc.beforeGC), 0);
}

it("an authenticated, observed request promotes nothing to the old generation", async () => {
  const app = express();
  app.use(observeRequests({ requestFinished() {}, streamOpened() {}, streamClosed() {} }));
  const router = createChatCompletionsRouter({
    enabled: true,
    // The failed-auth limiter runs (loopback not exempt), as for any remote client.
    auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false } },
    agents: { list: () => ["main"] },
    runAgent: async function* () {},
  });
  app.use(router);
  await router.ready;
  // Served as the gateway serves: requests born with the app's prototypes (see expressClasses).
  const listening = createServer(expressClasses(app), app);
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/v1/models`;

  await getSequentially(url, 500); // warm: compiled code and inline caches settle first
  const requests = 3000;
  const promoted = await promotedDuring(() => getSequentially(url, requests));
  // Before the fix: 4–10 KB a request (the whole request, every scavenge).
  expect(promoted / requests).toBeLessThan(500);
});
