// One failed-auth lockout for every door of the real gateway: HTTP and the WebSocket upgrade.
import { request } from "node:http";
import { expectError, until } from "@openclaw/contract-kit";
import {
  baseConfig,
  type RunningGateway,
  runCli,
  startGateway,
  TOKEN,
  writeConfig,
} from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRefused, guess, post, upgrade } from "./test/doors.js";

const lockoutConfig = (gateway: object = {}) =>
  baseConfig({
    gateway: {
      trustProxy: ["loopback"],
      auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 4, exemptLoopback: false } },
      ...gateway,
    },
  });

describe("one failed-auth lockout for every door", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(lockoutConfig());
  });
  afterAll(() => gateway.stop());

  it("HTTP -> WebSocket: wrong secrets over HTTP lock the upgrade out, before any 101", async () => {
    await guess(["http", "http", "http", "http"], gateway.url, "203.0.113.1");
    expectRefused(await upgrade(gateway.url, TOKEN, { ip: "203.0.113.1" }), 429, "rate_limit_exceeded");
    expectRefused(await upgrade(gateway.url, TOKEN, { ip: "203.0.113.1", path: "/" }), 429, "rate_limit_exceeded");
    expect((await upgrade(gateway.url, TOKEN, { ip: "203.0.113.99" })).status).toBe(101);
  });

  it("WebSocket -> HTTP: wrong secrets on the upgrade lock out chat completions and /v1/models", async () => {
    await guess(["ws", "ws", "ws", "ws"], gateway.url, "203.0.113.2");
    await expectError(await post(gateway.url, TOKEN, "203.0.113.2"), 429);
    const models = await fetch(`${gateway.url}/v1/models`, {
      headers: { authorization: `Bearer ${TOKEN}`, "x-forwarded-for": "203.0.113.2" },
    });
    expect(await expectError(models, 429)).toMatchObject({ code: "rate_limit_exceeded" });
  });

  it("WebSocket -> WebSocket, and mixed doors count as one", async () => {
    await guess(["ws", "ws", "ws", "ws"], gateway.url, "203.0.113.3");
    expectRefused(await upgrade(gateway.url, TOKEN, { ip: "203.0.113.3" }), 429, "rate_limit_exceeded");
    await guess(["ws", "http", "ws", "http"], gateway.url, "203.0.113.4");
    expectRefused(await upgrade(gateway.url, TOKEN, { ip: "203.0.113.4" }), 429, "rate_limit_exceeded");
  });

  it("logs the first failure and the lockout, with the door and the client, never a secret", async () => {
    // Complete lines only, and wait for the lockout's: lines are written in batches.
    const linesOf = () =>
      gateway
        .output()
        .split("\n")
        .slice(0, -1)
        .map((line) => JSON.parse(line))
        .filter((line) => line.client === "203.0.113.3");
    await until(() => linesOf().some((line) => line.msg === "auth lockout"), { what: "the lockout log" });
    const lines = linesOf();
    expect(lines.map(({ msg, door, failures }) => ({ msg, door, failures }))).toEqual([
      { msg: "auth failed", door: "websocket", failures: 1 },
      { msg: "auth lockout", door: "websocket", failures: 4 },
    ]);
    expect(gateway.output()).not.toMatch(new RegExp(`${TOKEN}|guess-`));
  });

  it("tells `openclaw agent` why it was refused: a wrong secret, then the lockout and its wait", async () => {
    const args = ["agent", "--url", gateway.url, "--message", "hi"];
    // The CLI connects from loopback itself, without a forwarding header: its own client.
    const wrong = await runCli(args, { env: { OPENCLAW_GATEWAY_TOKEN: "not-the-token" } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/refused the secret \(HTTP 401\).*gateway\.auth/);
    for (let i = 0; i < 3; i++) await runCli(args, { env: { OPENCLAW_GATEWAY_TOKEN: "not-the-token" } });
    const locked = await runCli(args, { env: { OPENCLAW_GATEWAY_TOKEN: TOKEN } });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/too many wrong secrets \(HTTP 429\).*try again in \d+ s/);
  });
});

it("refuses a secret too long for any Authorization header to carry, with exit code 2", async () => {
  const config = writeConfig(baseConfig({ gateway: { auth: { mode: "token", token: "x".repeat(5000) } } }));
  const result = await runCli(["gateway", "--port", "0", "--config", config]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/gateway\.auth\.token .* is longer than 4089 characters/);
});

describe("trustProxy", () => {
  it("refuses true at start, saying why, with exit code 2", async () => {
    const config = writeConfig(baseConfig({ gateway: { trustProxy: true } }));
    const result = await runCli(["gateway", "--port", "0", "--config", config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gateway\.trustProxy: true is refused: .*X-Forwarded-For.*lockout/);
  });

  it("refuses an address list entry that is not an address", async () => {
    const config = writeConfig(baseConfig({ gateway: { trustProxy: ["10.0.0.0/8", "proxy.example"] } }));
    const result = await runCli(["gateway", "--port", "0", "--config", config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"proxy\.example" is not an IP address/);
  });

  // Each of these trusts nearly every client's X-Forwarded-For, as true does (found by review).
  it.each([
    ["a hop count past any real chain", 1_000_000, /1000000 hops is refused/],
    ["two halves of IPv4", ["0.0.0.0/1", "128.0.0.0/1"], /"0\.0\.0\.0\/1" is refused: a range broader/],
    ["every IPv4 client, IPv4-mapped", ["::ffff:0:0/96"], /"::ffff:0:0\/96" is refused: a range broader/],
    ["most of IPv6", ["2000::/3"], /"2000::\/3" is refused: a range broader/],
  ])("refuses %s at start", async (_name, trustProxy, message) => {
    const config = writeConfig(baseConfig({ gateway: { trustProxy } }));
    const result = await runCli(["gateway", "--port", "0", "--config", config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("by default neither exempts nor separates forwarded requests from loopback: XFF 127.0.0.1 or rotating, they lock", async () => {
    const gateway = await startGateway(
      baseConfig({ gateway: { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3 } } } }),
    );
    try {
      for (let i = 0; i < 3; i++) await expectError(await post(gateway.url, "guess", "127.0.0.1"), 401);
      await expectError(await post(gateway.url, TOKEN, "127.0.0.1"), 429);
      await expectError(await post(gateway.url, TOKEN, `198.51.100.${Math.floor(Math.random() * 250)}`), 429);
      // Not forwarded: the loopback exemption still holds for the operator's own tools.
      expect((await post(gateway.url, TOKEN)).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });

  it("with the proxies' addresses, a client that is not one of them cannot lock someone else out", async () => {
    const gateway = await startGateway(lockoutConfig({ trustProxy: ["127.0.0.1"] }));
    const { port } = new URL(gateway.url);
    /** A request from 127.0.0.2, which is not the trusted proxy, claiming to be 198.51.100.7. */
    const spoof = (secret: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: "127.0.0.1",
            port,
            localAddress: "127.0.0.2",
            method: "GET",
            path: "/v1/models",
            headers: { authorization: `Bearer ${secret}`, "x-forwarded-for": "198.51.100.7" },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      for (let i = 0; i < 4; i++) expect(await spoof("guess")).toBe(401);
      expect(await spoof(TOKEN)).toBe(429);
      // The victim, through the real proxy, is unaffected.
      expect((await post(gateway.url, TOKEN, "198.51.100.7")).status).toBe(200);
      expect((await upgrade(gateway.url, TOKEN, { ip: "198.51.100.7" })).status).toBe(101);
    } finally {
      await gateway.stop();
    }
  });

  it("keeps memory bounded under unique 60 KB forwarding headers (a 40 MB heap survives 1,000)", async () => {
    const gateway = await startGateway(
      baseConfig({
        gateway: {
          trustProxy: 1,
          maxHeaderBytes: 64 * 1024,
          auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 1_000_000 } },
        },
      }),
      { env: { NODE_OPTIONS: "--max-old-space-size=40" } },
    );
    try {
      const filler = "x".repeat(60 * 1024);
      let sent = 0;
      const worker = async () => {
        while (sent < 1000 && gateway.child.exitCode === null) {
          const i = sent++;
          await post(gateway.url, "guess", `${i}${filler}`).then(
            (r) => r.body?.cancel(),
            () => {},
          );
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      expect(gateway.child.exitCode).toBeNull();
      expect((await post(gateway.url, TOKEN)).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});
