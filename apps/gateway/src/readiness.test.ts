// GET /readyz: 200 while the gateway takes new work, 503 with the reasons while it does not
// (draining, validator not yet warm, a configured Redis unreachable). /healthz stays liveness.
import { connect } from "node:net";
import type * as server from "@openclaw/chat-completions-server";
import { expectError, until } from "@openclaw/contract-kit";
import { baseConfig, chat, type RunningGateway, startGateway, TOKEN, tempDir } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "./config/load.js";
import { startGateway as startInProcess } from "./gateway.js";
import { createLogger } from "./logger.js";
import { parseExposition, sampleValue } from "./test/exposition.js";
import { hasRedis, startRedis, stopRedis, useRedisGateway } from "./test/redis-server.js";

/** Holds the router's validator warm-up until `warmUp.release()`, for the in-process gateway. */
const warmUp = vi.hoisted(() => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release: () => release(), released: false };
});
vi.mock("@openclaw/chat-completions-server", async (importOriginal) => {
  const actual = await importOriginal<typeof server>();
  return {
    ...actual,
    createChatCompletionsRouter: (options: server.ChatCompletionsRouterOptions) => {
      const router = actual.createChatCompletionsRouter(options);
      const ready = warmUp.held.then(() => router.ready);
      // The router's own properties cannot be redefined: a function in front of it carries them.
      return Object.defineProperties((...args: Parameters<typeof router>) => router(...args), {
        ready: { value: ready },
        warm: { get: () => warmUp.released && router.warm },
        activeRuns: { get: () => router.activeRuns },
        drain: { value: (graceMs: number) => router.drain(graceMs) },
      });
    },
  };
});

const readyz = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
};

describe("/readyz while the validator is not warm", () => {
  it("is 503 validator_not_warm while the gateway already listens (and /healthz answers), then 200", async () => {
    const gateway = await startInProcess({
      config: parseConfig(baseConfig(), {}),
      stateDir: tempDir(),
      logger: createLogger("silent"),
      port: 0,
    });
    try {
      expect(await readyz(gateway.url)).toEqual({
        status: 503,
        body: {
          status: "not_ready",
          reasons: ["validator_not_warm"],
          draining: false,
          validator: "warming",
          store: "file",
        },
      });
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
      warmUp.released = true;
      warmUp.release();
      await gateway.ready;
      expect(await readyz(gateway.url)).toEqual({
        status: 200,
        body: { status: "ready", reasons: [], draining: false, validator: "warm", store: "file" },
      });
    } finally {
      await gateway.close();
    }
  });
});

describe("/readyz while draining", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(
      baseConfig({
        gateway: { auth: { mode: "token", token: TOKEN }, shutdownGraceMs: 60_000 },
        models: { providers: { slow: { api: "demo", tokenDelayMs: 100 } } },
        agents: { list: [{ id: "main", default: true, model: "slow/echo" }] },
      }),
    );
  });
  afterAll(() => gateway.stop("SIGKILL"));

  it("is 200 before SIGTERM and 503 draining after it, while runs still hold the gateway", async () => {
    expect((await readyz(gateway.url)).status).toBe(200);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    // A run that outlasts the test, so the drain goes on.
    const long = await chat(gateway.url, { stream: true, messages: [{ role: "user", content: words(300) }] });
    const reader = (long.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    // The listener closes at SIGTERM and idle connections with it, so the probe comes on a
    // connection busy with a short stream; a pipelined request is handled as soon as it
    // arrives, and answered once the stream before it has ended.
    const body = JSON.stringify({ model: "openclaw", stream: true, messages: [{ role: "user", content: words(10) }] });
    const probe = connect(Number(new URL(gateway.url).port), "127.0.0.1");
    let answer = "";
    probe.setEncoding("utf8").on("data", (d) => (answer += d));
    probe.write(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await until(() => answer.includes("data: "), { what: "the short stream to begin" });

    gateway.child.kill("SIGTERM");
    await until(() => gateway.output().includes('"msg":"shutting down"'), { what: "the shutting-down log line" });
    probe.write("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await until(() => answer.includes('"store":"file"}'), { what: "the probe's answer" });
    const last = answer.slice(answer.lastIndexOf("HTTP/1.1 "));
    expect(last).toMatch(/^HTTP\/1\.1 503 /);
    expect(JSON.parse(last.slice(last.indexOf("\r\n\r\n") + 4))).toEqual({
      status: "not_ready",
      reasons: ["draining"],
      draining: true,
      validator: "warm",
      store: "file",
    });
    probe.destroy();
    const exited = new Promise((resolve) => gateway.child.once("exit", resolve));
    await reader.cancel();
    expect(await exited).toBe(0);
  });
});

describe.skipIf(!hasRedis)("/readyz with Redis", () => {
  const fixture = useRedisGateway((url) => ({
    auth: { mode: "token", token: TOKEN },
    http: { endpoints: { chatCompletions: { enabled: true } } },
    store: { redis: { url, keyPrefix: "ready:" } },
  }));

  it("is 503 redis_unreachable while Redis is down, and counts the store's errors; 200 once it is back", async () => {
    const gateway = fixture.started;
    expect(await readyz(gateway.url)).toMatchObject({ status: 200, body: { store: "redis" } });
    await stopRedis(fixture.redis);
    const notReady = await until(
      async () => {
        const answer = await readyz(gateway.url);
        return answer.status === 503 ? answer : undefined;
      },
      { what: "/readyz to say 503" },
    );
    expect(notReady.body).toEqual({
      status: "not_ready",
      reasons: ["redis_unreachable"],
      draining: false,
      validator: "warm",
      store: "redis-unavailable",
    });
    // Liveness stays up: the process serves what it can.
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    await expectError(await chat(gateway.url, { user: "u", messages: [{ role: "user", content: "x" }] }), 503);
    const scraped = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const series = parseExposition(await scraped.text());
    expect(sampleValue(series, "openclaw_store_errors_total", { store: "session", operation: "size" })).toBe(1);

    fixture.redis = await startRedis(fixture.port);
    await until(async () => (await readyz(gateway.url)).status === 200, { what: "/readyz to say 200 again" });
  });
});

describe.skipIf(!hasRedis)("/readyz and requests while Redis hangs (SIGSTOP)", () => {
  const fixture = useRedisGateway((url) => ({
    // Not exempt: every request asks the Redis limiter store.
    auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false } },
    metrics: { cacheMs: 0 },
    http: { endpoints: { chatCompletions: { enabled: true } } },
    store: {
      redis: { url, keyPrefix: "hung:", commandTimeoutMs: 300, pingIntervalMs: 100, pingTimeoutMs: 200 },
    },
  }));

  it("says 503 redis_unreachable, and authenticated requests answer instead of hanging", async () => {
    const { redis, started: gateway } = fixture;
    expect(await readyz(gateway.url)).toMatchObject({ status: 200, body: { store: "redis" } });
    redis.kill("SIGSTOP");
    try {
      // The connection stays up (isReady), but the PING goes unanswered.
      const notReady = await until(
        async () => {
          const answer = await readyz(gateway.url);
          return answer.status === 503 ? answer : undefined;
        },
        { what: "/readyz to say 503 while Redis hangs" },
      );
      expect(notReady.body).toMatchObject({ reasons: ["redis_unreachable"], store: "redis-unavailable" });
      // The limiter's store times out and passOnStoreError lets the request through; the
      // session store times out too: a clean 503.
      await expectError(await chat(gateway.url, { user: "u", messages: [{ role: "user", content: "x" }] }), 503);
      const scraped = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(scraped.status).toBe(200);
      await scraped.text();
    } finally {
      redis.kill("SIGCONT");
    }
    await until(async () => (await readyz(gateway.url)).status === 200, { what: "/readyz to say 200 again" });
    // The limiter's commands are counted as a store's: the ones that timed out as errors.
    const scraped = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const series = parseExposition(await scraped.text());
    // At least one per request that asked while Redis hung (the chat and the scrape).
    expect(
      sampleValue(series, "openclaw_store_errors_total", { store: "limiter", operation: "evalsha" }),
    ).toBeGreaterThanOrEqual(2);
    expect(sampleValue(series, "openclaw_store_errors_total", { store: "session", operation: "size" })).toBe(1);
  });
});
