// A flood of /metrics scrapes must not cost one exposition build each: concurrent scrapes share
// one build and a build is served again for gateway.metrics.cacheMs. Counted at the registry,
// through real HTTP on an in-process gateway.
import { baseConfig, tempDir } from "@openclaw/contract-kit/gateway";
import pino from "pino";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "./config/load.js";
import { type Gateway, startGateway } from "./gateway.js";
import { createLogger } from "./logger.js";

const metricsConfig = (metrics: Record<string, unknown>, bind = "loopback") =>
  parseConfig(baseConfig({ gateway: { bind, metrics: { auth: false, ...metrics } } }), {});

let gateway: Gateway | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await gateway?.close();
  gateway = undefined;
});

describe("/metrics under a flood of scrapes", () => {
  it("builds the exposition once for concurrent scrapes and serves it again within cacheMs", async () => {
    const builds = vi.spyOn(Registry.prototype, "metrics");
    gateway = await startGateway({
      config: metricsConfig({ cacheMs: 60_000 }),
      stateDir: tempDir(),
      logger: createLogger("silent"),
      port: 0,
    });
    await gateway.ready;
    const url = gateway.url;
    const scrapes = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/metrics`)));
    const bodies = await Promise.all(scrapes.map((response) => response.text()));
    expect(scrapes.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(bodies.every((body) => body === bodies[0])).toBe(true);
    // Known label sets are there from the start, at 0, so rate() and absent() alerts behave.
    expect(bodies[0]).toContain('openclaw_auth_lockouts_total{door="websocket"} 0');
    expect(bodies[0]).toContain('openclaw_agent_runs_total{agent="main",door="websocket",outcome="failed"} 0');
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    expect(builds).toHaveBeenCalledTimes(1);
  });

  it("with cacheMs 0 builds for each scrape, still once for scrapes during a build", async () => {
    const builds = vi.spyOn(Registry.prototype, "metrics");
    gateway = await startGateway({
      config: metricsConfig({ cacheMs: 0 }),
      stateDir: tempDir(),
      logger: createLogger("silent"),
      port: 0,
    });
    await gateway.ready;
    const url = gateway.url;
    await fetch(`${url}/metrics`).then((response) => response.text());
    await fetch(`${url}/metrics`).then((response) => response.text());
    expect(builds).toHaveBeenCalledTimes(2);
  });

  it("warns at start when metrics.auth is false on a non-loopback bind", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    gateway = await startGateway({ config: metricsConfig({}, "lan"), stateDir: tempDir(), logger, port: 0 });
    expect(lines.some((line) => line.includes("gateway.metrics.auth is false on a non-loopback bind"))).toBe(true);
  });
});
