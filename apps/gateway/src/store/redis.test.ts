// Two gateway processes sharing one real redis-server on loopback. Skipped, with a notice, only
// where no redis-server binary exists; .ci/run installs Debian's, so CI always runs these.
import type { ChildProcess } from "node:child_process";
import { connect, type Socket } from "node:net";
import { expectError, until } from "@openclaw/contract-kit";
import {
  baseConfig,
  chat,
  type RunningGateway,
  reply,
  runCli,
  startGateway,
  TOKEN,
} from "@openclaw/contract-kit/gateway";
import { pino } from "pino";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRefused, guess, post, upgrade } from "../test/doors.js";
import { freePort, hasRedis, startRedis, stopRedis, useRedis, useRedisGateway } from "../test/redis-server.js";
import { sessionId } from "./encoding.js";
import { connectRedis, RedisSessionStore, redisRateLimitStores, withDeadline } from "./redis.js";

describe.skipIf(!hasRedis)("several gateways sharing Redis", () => {
  let port: number;
  let redis: ChildProcess;
  let a: RunningGateway;
  let b: RunningGateway;
  const config = () =>
    baseConfig({
      gateway: {
        // The test client plays the load balancer on loopback.
        trustProxy: ["loopback"],
        auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 4, exemptLoopback: false } },
        store: { redis: { url: `redis://127.0.0.1:${port}`, keyPrefix: "test:" } },
        http: { endpoints: { chatCompletions: { enabled: true }, responses: { enabled: true } } },
      },
      session: { maxTurns: 500 },
    });

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    // One after the other: if the second fails to start, afterAll still stops the first.
    a = await startGateway(config());
    b = await startGateway(config());
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (redis) await stopRedis(redis);
  });

  it("locks a client out on both processes after maxAttempts wrong secrets spread over both", async () => {
    const attempt = (url: string, secret: string) =>
      fetch(`${url}/v1/chat/completions`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${secret}`,
          "content-type": "application/json",
          "x-forwarded-for": "203.0.113.40",
        },
        body: JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "x" }] }),
      });
    for (const url of [a.url, b.url, a.url, b.url]) await expectError(await attempt(url, "guess"), 401);
    await expectError(await attempt(a.url, TOKEN), 429);
    await expectError(await attempt(b.url, TOKEN), 429);
  });

  it("locks a client out at every door of both processes, whichever doors its guesses used", async () => {
    await guess(["ws", "ws", "ws", "ws"], [a.url, b.url], "203.0.113.42");
    expectRefused(await upgrade(b.url, TOKEN, { ip: "203.0.113.42" }), 429, "rate_limit_exceeded");
    expectRefused(await upgrade(a.url, TOKEN, { ip: "203.0.113.42" }), 429, "rate_limit_exceeded");
    await expectError(await post(a.url, TOKEN, "203.0.113.42"), 429);
    await guess(["http", "http", "http", "http"], [a.url, b.url], "203.0.113.43");
    expectRefused(await upgrade(b.url, TOKEN, { ip: "203.0.113.43" }), 429, "rate_limit_exceeded");
    await guess(["ws", "http", "ws", "http"], [a.url, b.url], "203.0.113.44");
    await expectError(await post(b.url, TOKEN, "203.0.113.44"), 429);
    expectRefused(await upgrade(a.url, TOKEN, { ip: "203.0.113.44" }), 429, "rate_limit_exceeded");
  });

  it("continues, retrieves and deletes on one process a response stored by the other", async () => {
    const respond = (url: string, body: object) =>
      fetch(`${url}/v1/responses`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "openclaw/beta", ...body }),
      });
    const first = (await (await respond(a.url, { input: "on a" })).json()) as { id: string };
    const second = await respond(b.url, { input: "on b", previous_response_id: first.id });
    expect(await second.json()).toMatchObject({ output: [{ content: [{ text: "recall: on a | on b" }] }] });
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await fetch(`${b.url}/v1/responses/${first.id}`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${b.url}/v1/responses/${first.id}`, { method: "DELETE", headers: auth })).status).toBe(200);
    const gone = await expectError(await respond(a.url, { input: "x", previous_response_id: first.id }), 404);
    expect(gone.code).toBe("previous_response_not_found");
  });

  it("continues a user's session begun on one process on the other", async () => {
    const ask = (url: string, content: string) =>
      reply(url, { model: "openclaw:beta", user: "grace", messages: [{ role: "user", content }] });
    expect(await ask(a.url, "on a")).toBe("recall: on a");
    expect(await ask(b.url, "on b")).toBe("recall: on a | on b");
    // Expiring after session.ttlMs' default, 30 days, from the last turn.
    const client = createClient({ url: `redis://127.0.0.1:${port}` });
    await client.connect();
    const ttl = await client.pTTL(`test:session:${sessionId("agent:beta:openai-user:grace")}`);
    await client.close();
    expect(ttl).toBeGreaterThan(29 * 24 * 3600 * 1000);
  });

  it("stores each of 200 concurrent turns on one session from both processes exactly once", async () => {
    const headers = { "x-openclaw-session-key": "crowded" };
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        reply(
          i % 2 ? a.url : b.url,
          { model: "openclaw:main", messages: [{ role: "user", content: `turn-${i}` }] },
          headers,
        ),
      ),
    );
    expect(answers.filter((answer) => answer.startsWith("echo: turn-"))).toHaveLength(200);
    const client = createClient({ url: `redis://127.0.0.1:${port}` });
    await client.connect();
    const keys = await client.keys("test:session:*");
    const stored = (await Promise.all(keys.map((key) => client.lRange(key, 0, -1))))
      .flat()
      .map((item) => JSON.parse(item));
    await client.close();
    const turns = stored
      .map((turn) => turn.messages[0]?.content)
      .filter((content) => String(content).startsWith("turn-"));
    expect(turns).toHaveLength(200);
    expect(new Set(turns).size).toBe(200);
  });

  it("keeps serving while Redis is down, with clean errors, and recovers when it returns", async () => {
    await stopRedis(redis);
    // The gateway learns of the lost connection asynchronously; /healthz stays up meanwhile.
    const storeOf = async (url: string) => {
      const response = await fetch(`${url}/healthz`);
      expect(response.status).toBe(200);
      return (await response.json()).store;
    };
    const storeBecomes = (url: string, store: string) =>
      until(async () => (await storeOf(url)) === store, { what: `${url}/healthz to report ${store}`, intervalMs: 50 });
    await storeBecomes(a.url, "redis-unavailable");
    await storeBecomes(b.url, "redis-unavailable");
    // Stateless requests need no store.
    expect(await reply(a.url, { messages: [{ role: "user", content: "no store needed" }] })).toBe(
      "echo: no store needed",
    );
    // Persistent ones get a clean 503, never a hang or a crash.
    const down = await chat(b.url, { user: "grace", messages: [{ role: "user", content: "x" }] });
    expect(await expectError(down, 503)).toMatchObject({ code: "session_store_unavailable" });
    // The limiter lets requests through while its store is gone (passOnStoreError: true).
    expect(
      (await chat(a.url, { messages: [{ role: "user", content: "y" }] }, { "x-forwarded-for": "203.0.113.41" })).status,
    ).toBe(200);

    redis = await startRedis(port);
    await storeBecomes(b.url, "redis");
    expect(
      await reply(b.url, { model: "openclaw:beta", user: "hopper", messages: [{ role: "user", content: "back" }] }),
    ).toBe("recall: back");
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  });
});

describe.skipIf(!hasRedis)("sessions in Redis", () => {
  const maxBytes = 64 * 1024;
  const ttlMs = 4000;
  let port: number;
  let redis: ChildProcess;
  let gateway: RunningGateway;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    client = createClient({ url: `redis://127.0.0.1:${port}` });
    await client.connect();
    gateway = await startGateway(
      baseConfig({
        gateway: { store: { redis: { url: `redis://127.0.0.1:${port}`, keyPrefix: "s:" } } },
        session: { maxBytes, ttlMs },
      }),
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await client?.close();
    if (redis) await stopRedis(redis);
  });

  const list = (sessionKey: string) => `s:session:${sessionId(sessionKey)}`;
  const ask = (content: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    reply(gateway.url, { model: "openclaw:beta", messages: [{ role: "user", content }], ...body }, headers);

  it("keep chosen keys apart from user sessions", async () => {
    expect(await ask("alice-secret", { user: "alice" })).toBe("recall: alice-secret");
    expect(await ask("mallory", {}, { "x-openclaw-session-key": "agent:beta:openai-user:alice" })).toBe(
      "recall: mallory",
    );
    expect(await ask("again", { user: "alice" })).toBe("recall: alice-secret | again");
  });

  it("expire session.ttlMs after their last turn, each turn starting the time again", async () => {
    const key = list("agent:beta:openai-user:ttl");
    expect(await ask("one", { user: "ttl" })).toBe("recall: one");
    const first = await client.pTTL(key);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(ttlMs);
    await until(async () => (await client.pTTL(key)) < ttlMs / 2, { what: "half the TTL to pass" });
    expect(await ask("two", { user: "ttl" })).toBe("recall: one | two");
    expect(await client.pTTL(key)).toBeGreaterThan(ttlMs / 2);
    await until(async () => (await client.exists(key)) === 0, { what: "the session to expire" });
    expect(await ask("three", { user: "ttl" })).toBe("recall: three");
  });

  it("keep a session within session.maxBytes, oldest turns dropped, and keep answering it", async () => {
    const key = list("agent:main:openai-user:big");
    const big = (i: number) => `${i}-${"x".repeat(10_000)}`; // ~20 KB stored with its echo
    for (let i = 0; i < 30; i++) {
      const answer = await reply(gateway.url, { user: "big", messages: [{ role: "user", content: big(i) }] });
      expect(answer).toBe(`echo: ${big(i)}`);
    }
    const stored = await client.lRange(key, 0, -1);
    const bytes = stored.reduce((sum, item) => sum + Buffer.byteLength(item), 0);
    expect(bytes).toBeLessThanOrEqual(maxBytes);
    expect(stored.length).toBe(3);
    expect(JSON.parse(stored.at(-1) ?? "").messages[0].content).toBe(big(29));
    expect(Number(await client.get(`s:session-bytes:${sessionId("agent:main:openai-user:big")}`))).toBe(bytes);
  });

  it("report the size a load would read from the byte total (a list without one counts as full)", async () => {
    const store = new RedisSessionStore(client, "size:", { maxTurns: 50, maxBytes, ttlMs, commandTimeoutMs: 1000 });
    expect(await store.size("k")).toBe(0);
    await store.append("k", { messages: [{ role: "user", content: "x".repeat(1000) }] });
    const [item = ""] = await client.lRange(store.key("k"), 0, -1);
    expect(await store.size("k")).toBe(Buffer.byteLength(item));
    await client.del(store.totalKey("k")); // as a list from before byte totals were kept
    expect(await store.size("k")).toBe(maxBytes);
  });

  it("answer a turn larger than session.maxBytes without storing it", async () => {
    expect(await ask("small", { user: "huge" })).toBe("recall: small");
    const huge = "h".repeat(maxBytes);
    expect(await ask(huge, { user: "huge" })).toBe(`recall: small | ${huge}`);
    expect(await ask("after", { user: "huge" })).toBe("recall: small | after");
  });
});

describe.skipIf(!hasRedis)("Redis unreachable at start", () => {
  it("fails with a clear error and exit code 1", async () => {
    const port = await freePort();
    const { writeConfig } = await import("@openclaw/contract-kit/gateway");
    const config = baseConfig({ gateway: { store: { redis: { url: `redis://:hunter2@127.0.0.1:${port}` } } } });
    const result = await runCli(["gateway", "--port", "0", "--config", writeConfig(config)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1/);
    expect(result.stderr).not.toContain("hunter2");
  });
});

/** A client with a queue of `maxQueuedCommands`, of a Redis of its own. */
const useRedisClient = (maxQueuedCommands: number) =>
  useRedis(
    (url) => connectRedis(url, pino({ level: "silent" }), { maxQueuedCommands }),
    (client) => client.quit().catch(() => {}),
  );

describe.skipIf(!hasRedis)("a hung Redis (SIGSTOP)", () => {
  const fixture = useRedisClient(3);

  it("keeps at most maxQueuedCommands commands waiting: the next fails at once, and the client recovers", async () => {
    const { redis, started: client } = fixture;
    redis.kill("SIGSTOP");
    let waiting: Promise<unknown>[];
    try {
      // Timed out, yet each still waits for its reply, holding its value.
      waiting = [1, 2, 3].map((i) =>
        withDeadline(client.set(`hung:${i}`, "x".repeat(1024)), 50).then(
          () => "answered",
          (error: Error) => error.name,
        ),
      );
      const fourth = client.set("hung:4", "x").then(
        () => "answered",
        (error: Error) => error.message,
      );
      // Refused before any of the three even times out: it never joined the queue.
      const first = await Promise.race([fourth.then((outcome) => `fourth: ${outcome}`), waiting[0]]);
      expect(first).toMatch(/^fourth: .*queue is full/i);
      expect(await Promise.all(waiting)).toEqual(["RedisTimeoutError", "RedisTimeoutError", "RedisTimeoutError"]);
    } finally {
      redis.kill("SIGCONT");
    }
    // The late replies drain the queue; the client is usable again.
    await until(async () => (await client.ping().catch(() => undefined)) === "PONG", { what: "Redis to answer again" });
    expect(await client.get("hung:1")).toBe("x".repeat(1024));
  });
});

describe.skipIf(!hasRedis)("a full Redis command queue", () => {
  const fixture = useRedisGateway((url) => ({
    auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3, exemptLoopback: false } },
    store: { redis: { url, keyPrefix: "full:", maxQueuedCommands: 1 } },
  }));

  it("never lets a locked-out client's burst through: what the limiter cannot count is 503, not passed", async () => {
    const gateway = fixture.started;
    const models = (secret: string) =>
      fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${secret}` } });
    // One at a time, the queue of one is enough: counted, then locked out.
    for (let i = 0; i < 3; i++) expect((await models("wrong")).status).toBe(401);
    expect((await models(TOKEN)).status).toBe(429);
    // Sixty right secrets at once: most find the queue full.
    const { port } = new URL(gateway.url);
    const sockets = await Promise.all(
      Array.from(
        { length: 60 },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect(Number(port), "127.0.0.1", () => resolve(socket));
            socket.once("error", reject);
          }),
      ),
    );
    const statuses = sockets.map(
      (socket) =>
        new Promise<string>((resolve) => {
          let head = "";
          socket.on("data", (chunk) => {
            head += chunk;
          });
          socket.on("error", () => {});
          socket.on("close", () => resolve(head.split(" ")[1] ?? "none"));
        }),
    );
    const request = `GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`;
    for (const socket of sockets) socket.write(request);
    const answered = await Promise.all(statuses);
    expect(answered.filter((status) => status !== "429" && status !== "503")).toEqual([]);
    // Had no command found the queue full, this test would prove nothing.
    expect(answered).toContain("503");
  });
});

describe.skipIf(!hasRedis)("the limiter's Redis stores", () => {
  const fixture = useRedisClient(100);

  it("count again after a SCRIPT LOAD that failed (a full queue, Redis down): the script is loaded on NOSCRIPT", async () => {
    let refuseLoads = 2;
    // The real client, except that its first two SCRIPT LOADs fail as a full queue would.
    const flaky = new Proxy(fixture.started, {
      get(target, property, receiver) {
        if (property !== "sendCommand") return Reflect.get(target, property, receiver);
        return (args: string[]) =>
          args[0] === "SCRIPT" && refuseLoads-- > 0
            ? Promise.reject(new Error("The queue is full"))
            : target.sendCommand(args);
      },
    });
    const store = redisRateLimitStores(flaky, "script:", 1000)("failures");
    await store.init?.({ windowMs: 60_000 } as never);
    expect((await store.increment("192.0.2.30")).totalHits).toBe(1);
    expect((await store.get?.("192.0.2.30"))?.totalHits).toBe(1);
    expect(refuseLoads).toBeLessThan(0);
  });
});
