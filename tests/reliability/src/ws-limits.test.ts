// The WebSocket's limits against the real gateway CLI: runs capped per connection and per
// gateway, and a client that stops reading neither grows the gateway nor holds it.
import { readFileSync } from "node:fs";
import { until } from "@openclaw/contract-kit";
import { baseConfig, startGateway } from "@openclaw/contract-kit/gateway";
import { expect, it } from "vitest";
import { type Client, connect, expectWellFormed, runText } from "./ws-client.js";

/** Resident memory of process `pid`, from /proc. */
function rssBytes(pid: number | undefined): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

/**
 * Follows the runs of `clients` as their frames arrive: a run is in progress from its first
 * event to its `done`. Returns the most seen in progress at once, per client and in all.
 */
function trackConcurrency(clients: Client[]) {
  const peak = { perConnection: 0, total: 0 };
  const open = clients.map(() => new Set<string>());
  clients.forEach((client, i) => {
    client.ws.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; id: string; event?: { type: string } };
      const mine = open[i] as Set<string>;
      if (frame.type !== "agent.event") return;
      if (frame.event?.type === "done") mine.delete(frame.id);
      else mine.add(frame.id);
      peak.perConnection = Math.max(peak.perConnection, mine.size);
      peak.total = Math.max(
        peak.total,
        open.reduce((sum, set) => sum + set.size, 0),
      );
    });
  });
  return peak;
}

const tooManyRuns = (client: Client) => client.frames.filter((frame) => frame.error?.code === "too_many_runs");
const finished = (client: Client) => client.frames.filter((frame) => frame.event?.type === "done");

it("2,000 run frames on one connection: at most maxRunsPerConnection run at once, the rest get too_many_runs", async () => {
  const gateway = await startGateway(
    baseConfig({ models: { providers: { demo: { api: "demo", tokenDelayMs: 100 } } } }),
  );
  try {
    const client = await connect(gateway.url);
    const peak = trackConcurrency([client]);
    for (let i = 0; i < 2000; i++)
      client.send({ type: "agent.run", id: `r${i}`, message: "one two three four five", sessionKey: `s${i}` });
    await until(() => finished(client).length + tooManyRuns(client).length === 2000, {
      timeoutMs: 60_000,
      what: "an answer to every run frame",
    });
    expect(peak.perConnection).toBeGreaterThan(0);
    expect(peak.perConnection).toBeLessThanOrEqual(8);
    expect(tooManyRuns(client).length).toBeGreaterThan(1000);
    for (const frame of tooManyRuns(client)) {
      expectWellFormed(frame);
      expect(frame.error).toMatchObject({ status: 429, type: "rate_limit_error" });
      expect(frame.error?.message).toContain("8 per connection");
    }
    // Capped, not broken: a run after the burst works.
    client.send({ type: "agent.run", id: "after", message: "after" });
    await until(() => client.of("after").some((frame) => frame.event?.type === "done"));
    expect(runText(client.of("after"))).toBe("echo: after");
    client.ws.close();
  } finally {
    await gateway.stop();
  }
});

it("caps WebSocket runs per gateway across connections (gateway.ws.maxRuns)", async () => {
  const gateway = await startGateway(
    baseConfig({
      gateway: { ws: { maxRuns: 5, maxRunsPerConnection: 4 } },
      models: { providers: { demo: { api: "demo", tokenDelayMs: 100 } } },
    }),
  );
  try {
    const clients = await Promise.all([connect(gateway.url), connect(gateway.url), connect(gateway.url)]);
    const peak = trackConcurrency(clients);
    clients.forEach((client, c) => {
      for (let i = 0; i < 20; i++)
        client.send({ type: "agent.run", id: `r${i}`, message: "a b c d e", sessionKey: `s${c}-${i}` });
    });
    await until(() => clients.every((client) => finished(client).length + tooManyRuns(client).length === 20), {
      timeoutMs: 60_000,
      what: "an answer to every run frame",
    });
    expect(peak.total).toBeLessThanOrEqual(5);
    expect(peak.perConnection).toBeLessThanOrEqual(4);
    const refusals = clients.flatMap(tooManyRuns).map((frame) => frame.error?.message);
    expect(refusals.some((message) => message?.includes("5 per gateway"))).toBe(true);
    for (const client of clients) client.ws.close();
  } finally {
    await gateway.stop();
  }
});

it("a client that stops reading while runs stream big replies: memory stays bounded, the reader is cut off", async () => {
  // A small heap, so unbounded buffering fails fast; a fast agent with a reply of 20,000 words per run.
  const gateway = await startGateway(
    baseConfig({
      gateway: { ws: { maxBufferedBytes: 256 * 1024, slowReaderTimeoutMs: 1000 } },
      models: { providers: { demo: { api: "demo", tokenDelayMs: 0 } } },
    }),
    { env: { NODE_OPTIONS: "--max-old-space-size=64" } },
  );
  try {
    const baseline = rssBytes(gateway.child.pid);
    const reader = await connect(gateway.url);
    reader.ws.pause();
    const message = Array.from({ length: 20_000 }, (_, i) => `word${i}`.padEnd(48, "x")).join(" ");
    for (let i = 0; i < 64; i++) reader.send({ type: "agent.run", id: `r${i}`, message, sessionKey: `big-${i}` });
    let peak = 0;
    await until(
      () => {
        peak = Math.max(peak, rssBytes(gateway.child.pid));
        return gateway.output().includes("websocket reader too slow");
      },
      { timeoutMs: 30_000, what: "the gateway to cut off the reader" },
    );
    expect(gateway.child.exitCode).toBeNull();
    reader.ws.resume();
    // Cut off: it was not reading, so the close frame never reached it.
    expect(await reader.closed).toBe(1006);
    expect(peak - baseline).toBeLessThan(150 * 1024 * 1024);
    // Still serving.
    const next = await connect(gateway.url);
    next.send({ type: "agent.run", id: "after", message: "after" });
    await until(() => next.of("after").some((frame) => frame.event?.type === "done"));
    expect(runText(next.of("after"))).toBe("echo: after");
    next.ws.close();
  } finally {
    await gateway.stop();
  }
});
