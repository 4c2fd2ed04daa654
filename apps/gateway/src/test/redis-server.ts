// A throwaway redis-server on loopback for the Redis tests. Those tests are skipped, with a
// notice, only where no redis-server binary exists; .ci/run installs Debian's, so CI runs them.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { baseConfig, startGateway } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll } from "vitest";

export const hasRedis = (() => {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasRedis)
  console.warn(
    "NOTICE: redis-server not found; the Redis scale-out tests are skipped. Install it (apt-get install redis-server) to run them.",
  );

/**
 * A port nothing listens on, below the kernel's ephemeral range. Not listen(0)'s: that port is
 * in the range, so between our close and redis-server's bind, and again while Redis is down and
 * restarted on it, any outgoing connection on the machine may take it as its local port
 * (EADDRINUSE), and a client reconnecting to it may connect to itself. Below the range only an
 * explicit bind can take it.
 */
export async function freePort(): Promise<number> {
  const range = "/proc/sys/net/ipv4/ip_local_port_range";
  const ephemeralLow = existsSync(range) ? Number(readFileSync(range, "utf8").trim().split(/\s+/)[0]) : 32_768;
  for (let tries = 0; tries < 100; tries++) {
    const port = 10_000 + Math.floor(Math.random() * (Math.min(ephemeralLow, 32_768) - 10_000));
    const server = createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
  throw new Error("no free port below the ephemeral range");
}

/** A throwaway redis-server on `port`, without persistence. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
  return child;
}

export const stopRedis = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

/**
 * For one `describe`: a throwaway redis-server before its tests, and what `start` builds on its
 * URL (a gateway, a client); after them, `stop` for that, then the server. A test that restarts
 * the server on `port` puts the new process in `redis`.
 */
export function useRedis<T>(start: (url: string) => Promise<T>, stop: (started: T) => Promise<unknown>) {
  const fixture = {} as { port: number; redis: ChildProcess; started: T };
  beforeAll(async () => {
    fixture.port = await freePort();
    fixture.redis = await startRedis(fixture.port);
    fixture.started = await start(`redis://127.0.0.1:${fixture.port}`);
  });
  afterAll(async () => {
    // A test that stopped it (SIGSTOP) may have failed before resuming it.
    fixture.redis?.kill("SIGCONT");
    if (fixture.started !== undefined) await stop(fixture.started);
    if (fixture.redis) await stopRedis(fixture.redis);
  });
  return fixture;
}

/**
 * For one `describe`: {@link useRedis} with the gateway CLI on it, its `gateway` section from
 * `gateway(url)` (the rest of the config is the kit's base).
 */
export const useRedisGateway = (gateway: (url: string) => object) =>
  useRedis(
    (url) => startGateway(baseConfig({ gateway: gateway(url) })),
    (started) => started.stop(),
  );
