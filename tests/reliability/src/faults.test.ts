// Agent faults and client disconnects against the server package, and a brute-force attack
// on the real gateway. Upstream faults (down, slow, 429, 500, truncated SSE) are covered by
// apps/gateway/src/runtime/providers/openai-completions.test.ts.
import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { RunAgent } from "@openclaw/chat-completions-server";
import { expectError, until } from "@openclaw/contract-kit";
import { baseConfig, TOKEN as GATEWAY_TOKEN, startGateway } from "@openclaw/contract-kit/gateway";
import { afterEach, describe, expect, it } from "vitest";
import { post, startServerPackage } from "./servers.js";

const body = (stream: boolean) =>
  JSON.stringify({ model: "openclaw", stream, messages: [{ role: "user", content: "x" }] });

/** Counts of the runtime's own live handles (sockets, timers, …), by type. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function heapAfterGc(): number {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) throw new Error("run with --expose-gc (tests/reliability/vitest.config.ts sets it)");
  gc();
  return process.memoryUsage().heapUsed;
}

let unhandled = 0;
const onUnhandled = () => unhandled++;
process.on("unhandledRejection", onUnhandled);
afterEach(() => expect(unhandled, "unhandled rejections").toBe(0));

describe("agent faults", () => {
  it("a hung agent, ignoring its signal: the client gives up, the run is let go", async () => {
    const hung: RunAgent = async function* () {
      await new Promise(() => {});
      yield { type: "done" };
    };
    const server = await startServerPackage({ runAgent: hung });
    for (const stream of [false, true]) {
      const outcome = await post(server.url, body(stream), { signal: AbortSignal.timeout(200) })
        .then((r) => `answered ${r.status}`)
        .catch((e: Error) => e.name);
      // The hung agent never commits the answer (the stream's first keep-alive is 15 s away).
      expect(outcome).toBe("TimeoutError");
    }
    await until(() => server.router.activeRuns === 0);
    await server.close();
  });

  it("an agent that keeps emitting after the abort: nothing breaks, nothing is pulled", async () => {
    let pulledAfterAbort = 0;
    let returned = false;
    const stubborn: RunAgent = async function* (_turn, { signal }) {
      try {
        for (let i = 0; i < 100; i++) {
          if (signal.aborted) pulledAfterAbort++;
          yield { type: "text", text: "x" };
          await sleep(5);
        }
      } finally {
        returned = true;
      }
    };
    const server = await startServerPackage({ runAgent: stubborn });
    const controller = new AbortController();
    const response = await post(server.url, body(true), { signal: controller.signal });
    await response.body?.getReader().read();
    controller.abort();
    await until(() => server.router.activeRuns === 0);
    // Once the generator has returned nothing more can be pulled from it.
    await until(() => returned, { what: "the generator to return" });
    expect(pulledAfterAbort).toBeLessThanOrEqual(1);
    await server.close();
  });
});

describe("1,000 client disconnects mid-stream", () => {
  it("abort every run, and leave no run, socket, timer or memory behind", async () => {
    let started = 0;
    let aborted = 0;
    const chatty: RunAgent = async function* (_turn, { signal }) {
      started++;
      signal.addEventListener("abort", () => aborted++, { once: true });
      while (!signal.aborted) {
        yield { type: "text", text: "word " };
        await sleep(10);
      }
    };
    const server = await startServerPackage({ runAgent: chatty, keepAliveMs: 25 });
    server.server.keepAliveTimeout = 300;
    const sockets = new Set<Socket>();
    server.server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    // The client's pool also opens spare connections it never sends a byte on; those are the
    // client's, and the server drops them at its header timeout. A leak would be a connection
    // that carried a request and is still open.
    const usedConnections = () => [...sockets].filter((socket) => socket.bytesRead > 0).length;
    const disconnect = async () => {
      const controller = new AbortController();
      const response = await post(server.url, body(true), { signal: controller.signal });
      await response.body?.getReader().read();
      controller.abort();
    };
    await disconnect(); // warm up lazily created state before taking the baseline
    await until(() => server.router.activeRuns === 0 && usedConnections() === 0, { what: "the warm-up to close" });
    const baseline = { resources: resources(), heap: heapAfterGc() };

    const total = 1000;
    const concurrency = 50;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          next++;
          await disconnect();
        }
      }),
    );
    await until(() => aborted === started && server.router.activeRuns === 0);
    expect(started).toBe(total + 1);
    await until(() => usedConnections() === 0, { what: "connections that carried a request to close" });
    // Drop the client's spare connections (not one byte read), so both ends leave the handle counts.
    for (const socket of sockets) socket.destroy();
    // Closes are asynchronous and slower under load: wait for the counts to settle; a leak never would.
    const settled = () =>
      ["Timeout", "TCPSocketWrap", "TCPWrap"].every(
        (type) => (resources()[type] ?? 0) <= (baseline.resources[type] ?? 0) + 2,
      );
    await until(settled, { timeoutMs: 5000 }).catch(() => {});
    const after = resources();
    for (const type of ["Timeout", "TCPSocketWrap", "TCPWrap"]) {
      expect(after[type] ?? 0, type).toBeLessThanOrEqual((baseline.resources[type] ?? 0) + 2);
    }
    expect(heapAfterGc() - baseline.heap).toBeLessThan(16 * 1024 * 1024);
    await server.close();
  });
});

describe("auth brute force on the gateway", () => {
  it("locks out after maxAttempts with an honest Retry-After, refuses the right secret meanwhile, starts afresh after it, logs no secret", async () => {
    const gateway = await startGateway(
      baseConfig({
        gateway: {
          // The test client plays a proxy on loopback, forwarding two clients' addresses.
          trustProxy: ["loopback"],
          auth: {
            mode: "token",
            token: GATEWAY_TOKEN,
            rateLimit: { maxAttempts: 5, lockoutMs: 1500, exemptLoopback: false },
          },
        },
      }),
    );
    const attempt = (secret: string, ip = "203.0.113.77") =>
      fetch(`${gateway.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "x-forwarded-for": ip },
        body: body(false),
      });
    const guesses = Array.from({ length: 5 }, (_, i) => `guess-${i}-secret`);
    for (const guess of guesses) await expectError(await attempt(guess), 401);
    const locked = await attempt(GATEWAY_TOKEN);
    await expectError(locked, 429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // Waiting out the lockout is the subject: Retry-After must be enough (the 100 ms covers the
    // rounding of timers), and then the right secret is let in.
    await sleep(retryAfter * 1000 + 100);
    expect((await attempt(GATEWAY_TOKEN)).status).toBe(200);
    // The lockout ended the count: four more guesses are not yet a lockout (a success forgives none).
    for (let i = 0; i < 4; i++) await expectError(await attempt(`again-${i}`), 401);
    expect((await attempt(GATEWAY_TOKEN)).status).toBe(200);
    expect((await attempt(GATEWAY_TOKEN, "203.0.113.78")).status).toBe(200);
    await gateway.stop();
    expect(gateway.output()).not.toMatch(new RegExp([GATEWAY_TOKEN, ...guesses].join("|")));
  });
});
