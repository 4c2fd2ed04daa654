// young-generation.test.ts's measurement, in a plain Node process on the built package (as a
// host runs it): serves /v1/models behind token auth and observeRequests, requests it on one
// keep-alive connection, and prints what young-generation collections promoted per request.
import { Agent, createServer, request } from "node:http";
import { GCProfiler } from "node:v8";
import express from "express";
import { createChatCompletionsRouter, expressClasses, observeRequests } from "../../dist/index.js";

const TOKEN = "young-generation-token";
const WARM = 500;
const REQUESTS = 3000;

/** `n` GETs one after another on one keep-alive connection. */
async function getSequentially(url, n) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < n; i++) {
    await new Promise((resolve, reject) => {
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
async function promotedDuring(work) {
  const profiler = new GCProfiler();
  profiler.start();
  await work();
  const { statistics } = profiler.stop();
  const oldSpace = (stats) =>
    stats.heapSpaceStatistics.find((space) => space.spaceName === "old_space")?.spaceUsedSize ?? 0;
  return statistics
    .filter((gc) => gc.gcType === "Scavenge")
    .reduce((sum, gc) => sum + oldSpace(gc.afterGC) - oldSpace(gc.beforeGC), 0);
}

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
const server = createServer(expressClasses(app), app);
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/v1/models`;

await getSequentially(url, WARM); // warm: compiled code and inline caches settle first
const promoted = await promotedDuring(() => getSequentially(url, REQUESTS));
server.close();
process.stdout.write(JSON.stringify({ promotedPerRequest: promoted / REQUESTS }));
