import { type IncomingMessage, request } from "node:http";
import { connect } from "node:net";
import { runInNewContext } from "node:vm";
import { until } from "@openclaw/contract-kit";
import { MemoryStore } from "express-rate-limit";
import { afterEach, describe, expect, it } from "vitest";
import { bearerSecret, MAX_AUTHORIZATION_LENGTH } from "./auth/bearer.js";
import { createAuthGate } from "./auth/gate.js";
import { StoreBusyError } from "./auth/limiter.js";
import { BoundedMemoryStore } from "./auth/memory-store.js";
import spec from "./generated/spec.js";
import { chatRequest, expectError, postChat, startServer, type TestServer, TOKEN } from "./test/harness.js";
import type { Logger } from "./types.js";

let server: TestServer;
afterEach(() => server?.close());

/** The bounded memory store with its answers wrapped, as other stores give them. */
const answering = (wrap: <T>(value: T) => unknown) => () => {
  const store = new BoundedMemoryStore();
  return Object.assign(store, {
    get: (key: string) => wrap(BoundedMemoryStore.prototype.get.call(store, key)),
    increment: (key: string) => wrap(BoundedMemoryStore.prototype.increment.call(store, key)),
  }) as unknown as BoundedMemoryStore;
};

/** A memory store answering 5 ms late, as a store with I/O latency (Redis) does. */
const slowStore = answering((value) => new Promise((resolve) => setTimeout(() => resolve(value), 5)));

describe("bearerSecret", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["Bearer", undefined],
    ["Basic abc", undefined],
    ["Bearer abc", "abc"],
    ["bearer  abc ", "abc"],
    ["BEARER\tabc def\t ", "abc def"],
    ["Bearerabc", undefined],
    ["Bearer   ", undefined],
    ["Bearer \fabc", undefined],
    [`Bearer ${"a".repeat(MAX_AUTHORIZATION_LENGTH)}`, undefined],
  ])("%j -> %j", (header, secret) => expect(bearerSecret(header)).toBe(secret));

  it("costs about the same for a pathological header as for a plain one (no backtracking)", () => {
    const plain = `Bearer a${"x".repeat(1000)}b`;
    const hostile = `Bearer a${" ".repeat(1000)}b`;
    /** The fastest of three runs: the least disturbed by whatever else the machine does. */
    const cost = (header: string) =>
      Math.min(
        ...[0, 1, 2].map(() => {
          const started = performance.now();
          for (let i = 0; i < 5000; i++) bearerSecret(header);
          return performance.now() - started;
        }),
      );
    cost(plain);
    cost(hostile);
    expect(cost(hostile) / cost(plain)).toBeLessThan(5);
  });
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { authorization: "Bearer nope" }],
    ["another scheme", { authorization: `Basic ${TOKEN}` }],
  ])("refuses %s with 401, invalid_api_key and WWW-Authenticate", async (_name, headers) => {
    server = await startServer();
    const response = await postChat(server.url, chatRequest(), { authorization: "", ...headers });
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(await expectError(response, 401)).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
  });

  it("checks auth before reading the body: a wrong token with invalid JSON is 401, not 400", async () => {
    server = await startServer();
    await expectError(await postChat(server.url, "{not json", { authorization: "Bearer nope" }), 401);
  });

  it("accepts the password in password mode and refuses the token", async () => {
    server = await startServer({ auth: { mode: "password", password: "pw-123", token: TOKEN } });
    expect((await postChat(server.url, chatRequest(), { authorization: "Bearer pw-123" })).status).toBe(200);
    await expectError(await postChat(server.url, chatRequest()), 401);
  });

  it("guards /v1/models too", async () => {
    server = await startServer();
    await expectError(await fetch(`${server.url}/v1/models`), 401);
  });

  it("never logs a secret", async () => {
    const lines: string[] = [];
    const capture = (obj: object, msg?: string) => void lines.push(JSON.stringify(obj) + (msg ?? ""));
    const logger: Logger = { debug: capture, info: capture, warn: capture, error: capture };
    server = await startServer({
      logger,
      runAgent: async function* () {
        yield* [];
        throw new Error("boom");
      },
    });
    await postChat(server.url, chatRequest(), { authorization: "Bearer wrong-secret-xyz" });
    await postChat(server.url, chatRequest());
    const failure = lines.find((line) => line.endsWith("auth failed"));
    expect(failure).toBeDefined();
    expect(JSON.parse(failure?.replace(/auth failed$/, "") ?? "")).toEqual({
      client: "127.0.0.1",
      door: "http",
      failures: 1,
    });
    expect(lines.join("\n")).not.toMatch(new RegExp(`${TOKEN}|wrong-secret-xyz`));
  });

  it("logs the first failure and the lockout of a client, not every guess", async () => {
    const lines: string[] = [];
    const capture = (obj: object, msg?: string) => void lines.push(`${msg} ${JSON.stringify(obj)}`);
    const logger: Logger = { debug: capture, info: capture, warn: capture, error: capture };
    server = await startServer({
      logger,
      auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3, exemptLoopback: false } },
    });
    for (let i = 0; i < 10; i++) await postChat(server.url, chatRequest(), { authorization: `Bearer guess-${i}` });
    expect(lines).toEqual([
      'auth failed {"client":"127.0.0.1","door":"http","failures":1}',
      'auth lockout {"client":"127.0.0.1","door":"http","failures":3,"lockoutMs":300000}',
    ]);
  });

  it("costs a pathological Authorization header no more than a plain wrong one", async () => {
    server = await startServer();
    const once = async (authorization: string) => {
      const started = performance.now();
      await expectError(await postChat(server.url, chatRequest(), { authorization }), 401);
      return performance.now() - started;
    };
    // Interleaved and compared by median, so a burst of load on this shared machine lands on
    // both kinds alike and a few slow requests cannot decide it (totals of two back-to-back
    // loops once measured 4.9x for identical work). Backtracking cost 100x here.
    const median = (times: number[]) => times.sort((a, b) => a - b)[times.length >> 1] ?? 0;
    const hostile: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < 25; i++) {
      hostile.push(await once(`Bearer a${" ".repeat(16_000)}b`));
      plain.push(await once(`Bearer a${"x".repeat(16_000)}b`));
    }
    expect(median(hostile) / median(plain)).toBeLessThan(3);
  });

  it.each([
    [401, "a wrong secret", {}],
    [429, "a locked-out client", { maxAttempts: 1 }],
  ])("answers %i to %s with Connection: close and drops a body trickled after it", async (status, _name, limits) => {
    server = await startServer({
      bodyTimeoutMs: 500,
      auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false, ...limits } },
    });
    if (status === 429) await postChat(server.url, chatRequest(), { authorization: "Bearer wrong" });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    let closed = false;
    socket.setEncoding("latin1");
    socket.on("data", (d) => (received += d));
    socket.on("error", () => {});
    socket.on("close", () => (closed = true));
    socket.write(
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\n" +
        "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{",
    );
    const trickle = setInterval(() => socket.writable && socket.write(" "), 50);
    try {
      await until(() => received.includes("\r\n\r\n"), { what: "the answer" });
      expect(received).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(received.toLowerCase()).toContain("connection: close");
      await until(() => closed, { timeoutMs: 5000, what: "the connection to close" });
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });
});

describe("a refused request with a large body in flight", () => {
  it("still gets its 401 intact (no reset destroys it), and the connection ends", async () => {
    server = await startServer({ bodyTimeoutMs: 5000 });
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    let closed = false;
    socket.setEncoding("latin1");
    socket.on("data", (d) => (received += d));
    socket.on("error", () => {});
    const closing = new Promise((resolve) => socket.on("close", resolve)).then(() => (closed = true));
    // Like a client busy uploading, read nothing until the whole body is sent: a reset arriving
    // meanwhile would discard the answer waiting unread in its buffer.
    socket.pause();
    const size = 8 * 1024 * 1024;
    socket.write(
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\n" +
        `Content-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let sent = 0; sent < size && !socket.destroyed; sent += chunk.length) {
      if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), closing]);
    }
    socket.resume();
    await until(() => closed, { what: "the connection to close" });
    expect(received).toMatch(/^HTTP\/1\.1 401 /);
    expect(received).toContain('"code":"invalid_api_key"');
  });
});

describe("failed-auth lockout", () => {
  // The test client plays the proxy: its X-Forwarded-For is believed because it comes from loopback.
  const trustProxy = (app: import("express").Express) => app.set("trust proxy", "loopback");
  const from = (ip: string, secret: string) => ({ "x-forwarded-for": ip, authorization: `Bearer ${secret}` });

  it("locks a client out after maxAttempts wrong secrets, even with the right one, with an honest Retry-After", async () => {
    server = await startServer(
      { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3, lockoutMs: 120_000 } } },
      trustProxy,
    );
    for (let i = 0; i < 3; i++)
      await expectError(await postChat(server.url, chatRequest(), from("203.0.113.7", "bad")), 401);
    for (const secret of ["bad", TOKEN]) {
      const response = await postChat(server.url, chatRequest(), from("203.0.113.7", secret));
      expect(await expectError(response, 429)).toMatchObject({ type: "rate_limit_error", code: "rate_limit_exceeded" });
      const retryAfter = Number(response.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(110);
      expect(retryAfter).toBeLessThanOrEqual(120);
    }
    // Another client is not affected.
    expect((await postChat(server.url, chatRequest(), from("203.0.113.8", TOKEN))).status).toBe(200);
  });

  it("does not count missing headers, and a success does not forgive failures", async () => {
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2 } } }, trustProxy);
    const ip = "198.51.100.4";
    for (let i = 0; i < 5; i++)
      await expectError(await postChat(server.url, chatRequest(), { "x-forwarded-for": ip, authorization: "" }), 401);
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 401);
    expect((await postChat(server.url, chatRequest(), from(ip, TOKEN))).status).toBe(200);
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 401);
    await expectError(await postChat(server.url, chatRequest(), from(ip, TOKEN)), 429);
  });

  it("locks out 9 wrong secrets + 1 right, repeated, from one shared address", async () => {
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 10 } } }, trustProxy);
    const statuses: number[] = [];
    for (let round = 0; round < 30 && !statuses.includes(429); round++) {
      for (let i = 0; i < 9; i++)
        statuses.push((await postChat(server.url, chatRequest(), from("198.51.100.5", "bad"))).status);
      statuses.push((await postChat(server.url, chatRequest(), from("198.51.100.5", TOKEN))).status);
    }
    // The second round's first guess is the tenth failure in the window: the client is locked out.
    expect(statuses.indexOf(429)).toBe(11);
  });

  it("never exempts a forwarded request, even from loopback", async () => {
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3 } } });
    const spoofed = { "x-forwarded-for": "127.0.0.1", authorization: "Bearer bad" };
    for (let i = 0; i < 3; i++) await expectError(await postChat(server.url, chatRequest(), spoofed), 401);
    await expectError(await postChat(server.url, chatRequest(), { ...spoofed, authorization: `Bearer ${TOKEN}` }), 429);
  });

  it("never exempts a loopback request for a name that is not loopback's (DNS rebinding)", async () => {
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3 } } });
    /** A request from 127.0.0.1 with its `Host` chosen, as a page on a rebound name sends it. */
    const asHost = (host: string, secret: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/v1/models`, { headers: { host, authorization: `Bearer ${secret}` } });
        req.on("response", (res) => resolve(res.resume().statusCode ?? 0)).on("error", reject);
        req.end();
      });
    const port = new URL(server.url).port;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await asHost(`rebound.example:${port}`, "bad"));
    statuses.push(await asHost(`rebound.example:${port}`, TOKEN));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // The local programs, asking for a loopback name, are still exempt: never locked out.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "LOCALHOST", "127.8.9.10", `[::1]:${port}`]) {
      expect(await asHost(host, "bad")).toBe(401);
      expect(await asHost(host, TOKEN)).toBe(200);
    }
  });

  it("keys on the address only: unique forwarded strings that are no address count as the peer", async () => {
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3 } } }, (app) =>
      app.set("trust proxy", 1),
    );
    for (let i = 0; i < 3; i++) {
      const junk = `${i}${"x".repeat(8000)}`;
      await expectError(await postChat(server.url, chatRequest(), from(junk, "bad")), 401);
    }
    await expectError(await postChat(server.url, chatRequest(), from("y".repeat(8000), TOKEN)), 429);
  });

  it("tracks at most maxTrackedClients clients in memory", async () => {
    const stores: BoundedMemoryStore[] = [];
    server = await startServer(
      {
        auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2 } },
        rateLimitStore: () => {
          const store = new BoundedMemoryStore(5);
          stores.push(store);
          return store;
        },
      },
      trustProxy,
    );
    for (let i = 0; i < 50; i++)
      await expectError(await postChat(server.url, chatRequest(), from(`198.51.100.${i}`, "bad")), 401);
    expect(stores.map((store) => store.size)).toEqual([5, 0]);
  });

  it("never counts the right secret, however many requests arrive at once, even with a slow store", async () => {
    // slowStore: I/O latency, as Redis has, lets concurrent requests interleave.
    server = await startServer(
      { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2 } }, rateLimitStore: slowStore },
      trustProxy,
    );
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => postChat(server.url, chatRequest(), from("198.51.100.9", TOKEN))),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(30).fill(200));
  });

  it("never admits the right secret sent after maxAttempts wrong ones in the same burst, even with a slow store", async () => {
    // With store latency (Redis), every guess of a burst passed the lockout check before any was
    // counted, so each was tried: the right one among 40 concurrent guesses was let in.
    server = await startServer(
      { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3 } }, rateLimitStore: slowStore },
      trustProxy,
    );
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postChat(server.url, chatRequest(), from("198.51.100.10", i === 30 ? TOKEN : `bad${i}`)),
      ),
    );
    const statuses = burst.map((r) => r.status);
    // The right secret came after more than maxAttempts wrong ones: refused like any other guess.
    expect(statuses[30]).toBe(429);
    expect(statuses.filter((status) => status === 200)).toHaveLength(0);
  });

  it("answers 500 auth_store_unavailable when the store fails and passOnStoreError is false, else lets requests through", async () => {
    const broken = () =>
      Object.assign(new MemoryStore(), {
        get: async () => Promise.reject(new Error("store down")),
        increment: async () => Promise.reject(new Error("store down")),
      });
    const limits = { maxAttempts: 1, exemptLoopback: false };
    server = await startServer({
      auth: { mode: "token", token: TOKEN, rateLimit: { ...limits, passOnStoreError: false } },
      rateLimitStore: broken,
    });
    expect(await expectError(await postChat(server.url, chatRequest()), 500)).toMatchObject({
      code: "auth_store_unavailable",
    });
    await server.close();
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: limits }, rateLimitStore: broken });
    for (let i = 0; i < 3; i++)
      await expectError(await postChat(server.url, chatRequest(), { authorization: "Bearer bad" }), 401);
    expect((await postChat(server.url, chatRequest())).status).toBe(200);
  });

  const OtherRealmPromise = runInNewContext("Promise") as PromiseConstructor;
  it.each([
    ["answers synchronously (the memory store)", undefined],
    ["answers with a promise", answering((value) => Promise.resolve(value))],
    ["answers with another realm's promise", answering((value) => OtherRealmPromise.resolve(value))],
    // biome-ignore lint/suspicious/noThenProperty: a thenable is what this case is about.
    ["answers with a thenable", answering((value) => ({ then: (resolve: (v: unknown) => void) => resolve(value) }))],
  ])("keeps the lockout with a store that %s", async (_, rateLimitStore) => {
    server = await startServer(
      { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3 } }, rateLimitStore },
      trustProxy,
    );
    for (let i = 0; i < 3; i++)
      await expectError(await postChat(server.url, chatRequest(), from("192.0.2.20", "bad")), 401);
    await expectError(await postChat(server.url, chatRequest(), from("192.0.2.20", TOKEN)), 429);
    expect((await postChat(server.url, chatRequest(), from("192.0.2.21", TOKEN))).status).toBe(200);
  });

  it("lets the right secret in without a promise when the store answers synchronously", () => {
    const gate = createAuthGate({ auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false } } });
    const req = (secret: string) =>
      ({
        headers: { authorization: `Bearer ${secret}`, host: "127.0.0.1" },
        socket: { remoteAddress: "127.0.0.1" },
      }) as unknown as IncomingMessage;
    expect(gate.check(req(TOKEN), "http")).toBeUndefined();
    // A wrong secret is counted, which a store may take time for.
    expect(gate.check(req("bad"), "http")).toBeInstanceOf(Promise);
  });

  it("follows passOnStoreError when a store throws synchronously or answers what cannot be read", async () => {
    const throwing = answering(() => {
      throw new Error("store down");
    });
    // A lockout whose reset time is no Date: reading it throws.
    const garbledLockouts = answering(() => ({ totalHits: 1, resetTime: 12345 }));
    const garbled = (purpose: "failures" | "lockouts") =>
      purpose === "lockouts" ? garbledLockouts() : new BoundedMemoryStore();
    for (const rateLimitStore of [throwing, garbled]) {
      server = await startServer({
        auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false } },
        rateLimitStore,
      });
      expect((await postChat(server.url, chatRequest())).status).toBe(200);
      await server.close();
      server = await startServer({
        auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false, passOnStoreError: false } },
        rateLimitStore,
      });
      expect(await expectError(await postChat(server.url, chatRequest()), 500)).toMatchObject({
        code: "auth_store_unavailable",
      });
      await server.close();
    }
  });

  it("answers 503 server_busy, never passing a guess uncounted, when the store is too busy to count", async () => {
    const busy = answering(() => Promise.reject(new StoreBusyError("queue full")));
    for (const passOnStoreError of [true, false]) {
      server = await startServer({
        auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false, passOnStoreError } },
        rateLimitStore: busy,
      });
      for (const secret of [TOKEN, "bad"]) {
        const answer = await postChat(server.url, chatRequest(), { authorization: `Bearer ${secret}` });
        expect(answer.headers.get("retry-after")).toBe("1");
        expect(await expectError(answer, 503)).toMatchObject({ code: "server_busy" });
      }
      // Every door the gate guards answers it, and the spec documents it there.
      const models = await fetch(`${server.url}/v1/models`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(await expectError(models, 503)).toMatchObject({ code: "server_busy" });
      const paths = (spec as { paths: Record<string, { get: { responses: Record<string, unknown> } }> }).paths;
      expect(paths["/v1/models"]?.get.responses["503"]).toBeDefined();
      await server.close();
    }
  });

  it("lets the lockout expire after lockoutMs", async () => {
    server = await startServer(
      { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 1, lockoutMs: 300 } } },
      trustProxy,
    );
    const ip = "192.0.2.9";
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 401);
    await expectError(await postChat(server.url, chatRequest(), from(ip, TOKEN)), 429);
    await until(async () => (await postChat(server.url, chatRequest(), from(ip, TOKEN))).status === 200, {
      what: "the lockout to expire",
    });
  });

  it("exempts loopback clients by default, and counts them when exemptLoopback is false", async () => {
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 1 } } });
    for (let i = 0; i < 3; i++)
      await expectError(await postChat(server.url, chatRequest(), { authorization: "Bearer bad" }), 401);
    await server.close();
    server = await startServer({
      auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 1, exemptLoopback: false } },
    });
    await expectError(await postChat(server.url, chatRequest(), { authorization: "Bearer bad" }), 401);
    await expectError(await postChat(server.url, chatRequest()), 429);
  });
});
