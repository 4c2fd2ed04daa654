// The WebSocket's limits against the real gateway CLI: runs capped per connection and per
// gateway, a client that stops reading neither grows the gateway nor holds it, a peer that
// stops answering pings is cut off, and connections are capped.
import { readFileSync } from "node:fs";
import { expectSchema, until } from "@openclaw/contract-kit";
import { baseConfig, startGateway } from "@openclaw/contract-kit/gateway";
import { expect, it } from "vitest";
import { type Client, connect, expectWellFormed, refusedUpgrade, runText } from "./ws-client.js";

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
  // A small heap, so unbounded buffering fails fast; a fast agent with a reply of 10,000 words
  // (0.5 MB) per run. The heap must hold what the runs need besides the buffer: ~21 MB idle, and
  // per run its message, reply, demo words and session record. With 20,000 words that came to
  // ~58 MB of the 64 when all eight runs wrote their sessions at once, and a loaded CI machine
  // crossed it; now ~45 MB. Without the Outbox's backpressure this still dies (Node 20 and 24).
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
    const message = Array.from({ length: 10_000 }, (_, i) => `word${i}`.padEnd(48, "x")).join(" ");
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
    // The 64 MB old space is the bound that matters (the old code died there). RSS also counts
    // the young generation and the 64 × 0.5 MB of frames read before backpressure starts, which
    // Node 24 collects later than Node 20 (with 1 MB frames: 56 MB grown there, 193 MB on Node 24).
    expect(peak - baseline).toBeLessThan(256 * 1024 * 1024);
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

it("a peer that stops answering pings is cut off within about two intervals; one that answers stays", async () => {
  const gateway = await startGateway(baseConfig({ gateway: { ws: { pingIntervalMs: 200 } } }));
  try {
    const answering = await connect(gateway.url);
    let pings = 0;
    answering.ws.on("ping", () => pings++);
    // As a peer gone without a FIN looks to the gateway: open, and never a pong.
    const silent = await connect(gateway.url, { autoPong: false });
    let silentPings = 0;
    silent.ws.on("ping", () => silentPings++);
    let code: number | undefined;
    void silent.closed.then((closed) => {
      code = closed;
    });
    // Cut off about two intervals in (one to ping, one to find no pong); the bound is generous
    // for a loaded machine, and without a heartbeat it would be held for ever.
    await until(() => code, { timeoutMs: 5_000, what: "the gateway to cut off the peer that never answers" });
    expect(code).toBe(1006);
    expect(silentPings).toBeGreaterThanOrEqual(1);
    // The answering client lives through more rounds than the silent one did.
    const seen = pings;
    await until(() => pings >= seen + 3, { what: "three more pings to the answering client" });
    expect(answering.ws.readyState).toBe(answering.ws.OPEN);
    answering.send({ type: "agent.run", id: "after", message: "after" });
    await until(() => answering.of("after").some((frame) => frame.event?.type === "done"));
    expect(runText(answering.of("after"))).toBe("echo: after");
    answering.ws.close();
  } finally {
    await gateway.stop();
  }
});

it("caps open connections (gateway.ws.maxConnections): past it an upgrade gets 503 before 101, and a freed place is taken again", async () => {
  const gateway = await startGateway(baseConfig({ gateway: { ws: { maxConnections: 3 } } }));
  try {
    const clients = await Promise.all([connect(gateway.url), connect(gateway.url), connect(gateway.url)]);
    const refused = await refusedUpgrade(gateway.url);
    expect(refused?.status).toBe(503);
    expect(refused?.headers["retry-after"]).toBe("1");
    expectSchema("ErrorResponse", refused?.body);
    expect(refused?.body).toMatchObject({ error: { type: "api_error", code: "too_many_connections" } });
    // The gate comes first: without the secret the answer is still 401.
    expect((await refusedUpgrade(gateway.url, "wrong-secret"))?.status).toBe(401);
    // Still serving the three.
    clients[0]?.send({ type: "agent.run", id: "r", message: "hi" });
    await until(() => clients[0]?.of("r").some((frame) => frame.event?.type === "done"));
    // One leaves; its place is free once the gateway has seen it go.
    clients[1]?.ws.close();
    await clients[1]?.closed;
    const next = await until(async () => connect(gateway.url).catch(() => undefined), {
      what: "an upgrade accepted after a connection closed",
    });
    expect(next.ws.readyState).toBe(next.ws.OPEN);
    expect(await refusedUpgrade(gateway.url)).toMatchObject({ status: 503 });
    for (const client of [clients[0], clients[2], next]) client?.ws.close();
  } finally {
    await gateway.stop();
  }
});
