// A throwaway redis-server on loopback for tests. Skipped, with a notice, only where no
// redis-server binary exists; .ci/run installs Debian's, so CI always runs the tests using it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

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
