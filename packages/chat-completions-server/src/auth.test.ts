import { MemoryStore } from "express-rate-limit";
import { afterEach, describe, expect, it } from "vitest";
import { bearerSecret } from "./auth.js";
import { chatRequest, expectError, postChat, startServer, type TestServer, TOKEN } from "./test/harness.js";
import type { Logger } from "./types.js";

let server: TestServer;
afterEach(() => server?.close());

describe("bearerSecret", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["Bearer", undefined],
    ["Basic abc", undefined],
    ["Bearer abc", "abc"],
    ["bearer  abc ", "abc"],
  ])("%j -> %j", (header, secret) => expect(bearerSecret(header)).toBe(secret));
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
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toMatch(new RegExp(`${TOKEN}|wrong-secret-xyz`));
  });
});

describe("failed-auth lockout", () => {
  const trustProxy = (app: import("express").Express) => app.set("trust proxy", true);
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

  it("does not count missing headers, and forgets failures after a success", async () => {
    server = await startServer({ auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2 } } }, trustProxy);
    const ip = "198.51.100.4";
    for (let i = 0; i < 5; i++)
      await expectError(await postChat(server.url, chatRequest(), { "x-forwarded-for": ip, authorization: "" }), 401);
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 401);
    expect((await postChat(server.url, chatRequest(), from(ip, TOKEN))).status).toBe(200);
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 401);
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 401);
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 429);
  });

  it("never counts the right secret, however many requests arrive at once, even with a slow store", async () => {
    // A store with I/O latency, as Redis has, lets concurrent requests interleave.
    const slowStore = () => {
      const store = new MemoryStore();
      const later = <T>(value: Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));
      return Object.assign(store, {
        increment: (key: string) => later(MemoryStore.prototype.increment.call(store, key)),
        get: (key: string) => later(MemoryStore.prototype.get.call(store, key)),
      });
    };
    server = await startServer(
      { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2 } }, rateLimitStore: slowStore },
      trustProxy,
    );
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => postChat(server.url, chatRequest(), from("198.51.100.9", TOKEN))),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(30).fill(200));
  });

  it("lets the lockout expire after lockoutMs", async () => {
    server = await startServer(
      { auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 1, lockoutMs: 300 } } },
      trustProxy,
    );
    const ip = "192.0.2.9";
    await expectError(await postChat(server.url, chatRequest(), from(ip, "bad")), 401);
    await expectError(await postChat(server.url, chatRequest(), from(ip, TOKEN)), 429);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await postChat(server.url, chatRequest(), from(ip, TOKEN))).status).toBe(200);
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
