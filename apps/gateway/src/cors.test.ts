// CORS on the real gateway: preflights answered before auth and never counted, answers to
// allowed origins readable by the page, other origins handled as without CORS, and the
// WebSocket upgrade's Origin check. The same in a real browser: tests/browser.
import { expectError, readSse, streamedText } from "@openclaw/contract-kit";
import {
  baseConfig,
  type RunningGateway,
  runCli,
  startGateway,
  TOKEN,
  writeConfig,
} from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config/load.js";
import { expectRefused, post, upgrade } from "./test/doors.js";

const EXACT = "https://app.example.com";
const PATTERN = "https://.example.org";

/** A browser's preflight for a chat request from `origin` (as the client sends it), from client `ip`. */
function preflight(url: string, origin: string, ip = "203.0.113.50", extra: Record<string, string> = {}) {
  return fetch(`${url}/v1/chat/completions`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-openclaw-session-key",
      "x-forwarded-for": ip,
      ...extra,
    },
  });
}

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));

describe("CORS with allowed origins", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(
      baseConfig({
        gateway: {
          trustProxy: ["loopback"],
          auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3, exemptLoopback: false } },
          http: {
            endpoints: { chatCompletions: { enabled: true } },
            cors: { allowedOrigins: [EXACT, PATTERN], maxAgeSeconds: 900 },
          },
        },
      }),
    );
  });
  afterAll(() => gateway.stop());

  it.each([EXACT, "https://a.example.org", "https://a.b.example.org"])(
    "answers a preflight from %s with 204 and what the page may send and read",
    async (origin) => {
      const response = await preflight(gateway.url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-methods")?.split(",")).toEqual(
        expect.arrayContaining(["POST", "GET", "DELETE", "OPTIONS"]),
      );
      expect(response.headers.get("access-control-allow-headers")?.split(",")).toEqual(
        expect.arrayContaining(["authorization", "content-type", "x-openclaw-agent-id", "x-openclaw-session-key"]),
      );
      expect(response.headers.get("access-control-expose-headers")?.split(",")).toEqual([
        "x-request-id",
        "retry-after",
      ]);
      expect(response.headers.get("access-control-max-age")).toBe("900");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toMatch(/Origin/);
    },
  );

  it("allows every header openai-node sends, its helpers' and pollers' included", async () => {
    const sent = [
      "x-stainless-helper-method",
      "x-stainless-async",
      "x-stainless-poll-helper",
      "x-stainless-custom-poll-interval",
      "x-stainless-retry-count",
      "x-stainless-timeout",
      "idempotency-key",
    ];
    const response = await preflight(gateway.url, EXACT, undefined, {
      "access-control-request-headers": sent.join(","),
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")?.split(",")).toEqual(expect.arrayContaining(sent));
  });

  it.each([
    ["the pattern's own domain", "https://example.org"],
    ["a name that only ends like it", "https://evilexample.org"],
    ["another scheme", "http://app.example.com"],
    ["another port", "https://app.example.com:8443"],
    ["a sandboxed frame", "null"],
  ])("gives %s no CORS headers and the answer it got without CORS", async (_name, origin) => {
    const refused = await preflight(gateway.url, origin);
    expect(await expectError(refused, 405)).toMatchObject({ code: "method_not_allowed" });
    expect(corsHeaders(refused)).toEqual([]);
    const served = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { origin, authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "hi" }] }),
    });
    expect(served.status).toBe(200);
    expect(corsHeaders(served)).toEqual([]);
  });

  it("streams to an allowed origin, with the headers it may read", async () => {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { origin: EXACT, authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw", stream: true, messages: [{ role: "user", content: "cross origin" }] }),
    });
    expect(response.headers.get("access-control-allow-origin")).toBe(EXACT);
    expect(response.headers.get("access-control-expose-headers")).toBe("x-request-id,retry-after");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(streamedText((await readSse(response)).chunks)).toBe("echo: cross origin");
  });

  it("never counts a preflight toward the lockout, and answers it while the client is locked out", async () => {
    const ip = "203.0.113.51";
    // A preflight carries no secret; one that carries a wrong one is still not a guess.
    for (let i = 0; i < 20; i++) {
      const response = await preflight(gateway.url, EXACT, ip, { authorization: `Bearer guess-${i}` });
      expect(response.status).toBe(204);
    }
    // maxAttempts is 3: had any preflight counted, the first of these would already be 429.
    for (let i = 0; i < 3; i++) await expectError(await post(gateway.url, `guess-${i}`, ip), 401);
    const locked = await fetch(`${gateway.url}/v1/models`, {
      headers: { origin: EXACT, authorization: `Bearer ${TOKEN}`, "x-forwarded-for": ip },
    });
    expect(await expectError(locked, 429)).toMatchObject({ code: "rate_limit_exceeded" });
    // The page can read why: the origin is allowed, and Retry-After is exposed.
    expect(locked.headers.get("access-control-allow-origin")).toBe(EXACT);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await preflight(gateway.url, EXACT, ip)).status).toBe(204);
  });

  it("refuses a WebSocket upgrade from an origin not listed with 403, before the secret, uncounted", async () => {
    const ip = "203.0.113.52";
    for (let i = 0; i < 5; i++) {
      const answer = await upgrade(gateway.url, `guess-${i}`, {
        ip,
        path: i % 2 ? "/" : "/ws",
        origin: "https://evil.example.com",
      });
      expectRefused(answer, 403, "origin_not_allowed");
    }
    expectRefused(
      await upgrade(gateway.url, TOKEN, { ip, origin: "https://evil.example.com" }),
      403,
      "origin_not_allowed",
    );
    // Five refused guesses, none counted: this client is not locked out (maxAttempts is 3).
    expect((await upgrade(gateway.url, TOKEN, { ip, origin: "https://a.example.org" })).status).toBe(101);
    expect((await upgrade(gateway.url, TOKEN, { ip, path: "/", origin: EXACT })).status).toBe(101);
    // A program sends no Origin: the check is for browser pages.
    expect((await upgrade(gateway.url, TOKEN, { ip })).status).toBe(101);
  });
});

it("keeps memory bounded under preflights with unique 60 KB origins, allowed or not (a 40 MB heap survives 500: 30 MB of origins)", async () => {
  const gateway = await startGateway(
    baseConfig({
      gateway: {
        maxHeaderBytes: 64 * 1024,
        http: { endpoints: { chatCompletions: { enabled: true } }, cors: { allowedOrigins: [PATTERN] } },
      },
    }),
    { env: { NODE_OPTIONS: "--max-old-space-size=40" } },
  );
  try {
    const filler = "x".repeat(60 * 1024);
    let sent = 0;
    const worker = async () => {
      while (sent < 500 && gateway.child.exitCode === null) {
        const i = sent++;
        // Every other one matches the pattern, and is reflected in the answer's header.
        const origin = i % 2 ? `https://a${i}${filler}.example.org` : `https://a${i}${filler}.example.com`;
        await preflight(gateway.url, origin).then(
          (r) => r.body?.cancel(),
          () => {},
        );
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(gateway.child.exitCode).toBeNull();
    expect((await preflight(gateway.url, "https://a.example.org")).status).toBe(204);
    expect((await post(gateway.url, TOKEN)).status).toBe(200);
  } finally {
    await gateway.stop();
  }
});

it("without allowed origins (the default), sends no CORS headers and checks no WebSocket Origin", async () => {
  const gateway = await startGateway(baseConfig());
  try {
    const refused = await preflight(gateway.url, EXACT);
    await expectError(refused, 405);
    expect(corsHeaders(refused)).toEqual([]);
    const models = await fetch(`${gateway.url}/v1/models`, {
      headers: { origin: EXACT, authorization: `Bearer ${TOKEN}` },
    });
    expect(models.status).toBe(200);
    expect(corsHeaders(models)).toEqual([]);
    expect((await upgrade(gateway.url, TOKEN, { origin: "https://anywhere.example" })).status).toBe(101);
  } finally {
    await gateway.stop();
  }
});

describe("gateway.http.cors.allowedOrigins at start", () => {
  it("refuses * with exit code 2, naming the key", async () => {
    const config = writeConfig(baseConfig({ gateway: { http: { cors: { allowedOrigins: [EXACT, "*"] } } } }));
    const result = await runCli(["gateway", "--port", "0", "--config", config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gateway\.http\.cors\.allowedOrigins\[1\]: "\*": "\*" is refused/);
  });

  it.each([
    ["a wildcard subdomain", "https://*.example.com", /"\*" is refused .*"https:\/\/\.example\.com"/],
    ["null", "null", /"null" is refused/],
    ["a path", "https://app.example.com/", /not written as a browser sends its Origin .*"https:\/\/app\.example\.com"/],
    ["a default port", "https://app.example.com:443", /"https:\/\/app\.example\.com"/],
    ["capitals", "https://App.Example.com", /"https:\/\/app\.example\.com"/],
    ["a pattern with a path", "https://.example.com/x", /"https:\/\/\.example\.com"/],
    ["a top-level domain pattern", "https://.com", /two labels or more/],
    ["a public suffix pattern (ICANN)", "https://.co.uk", /"co\.uk" is a public suffix/],
    ["a public suffix pattern (ICANN, Australia)", "https://.com.au", /"com\.au" is a public suffix/],
    ["a public suffix pattern (private section)", "https://.github.io", /"github\.io" is a public suffix/],
    ["a public suffix pattern with a port", "http://.blogspot.com:8080", /"blogspot\.com" is a public suffix/],
    ["two dots", "https://..example.com", /exactly one dot/],
    ["an IP address pattern", "http://.127.0.0.1", /not an IP address/],
    ["not a URL", "example.com", /is not an origin/],
    ["another scheme", "ftp://example.com", /only http and https/],
  ])("refuses %s, saying how to write it", (_name, entry, message) => {
    const parse = () => parseConfig({ gateway: { http: { cors: { allowedOrigins: [entry] } } } });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(message);
  });

  it("takes exact origins (IPv6 and ports included) and subdomain patterns", () => {
    const allowedOrigins = [
      "http://127.0.0.1:5173",
      "http://[::1]:8080",
      "https://.example.com:8443",
      "http://.localhost",
      "https://.example.co.uk",
      "https://.me.github.io",
      "http://.corp.internal",
    ];
    const config = parseConfig({ gateway: { http: { cors: { allowedOrigins } } } });
    expect(config.gateway.http.cors).toEqual({ allowedOrigins, maxAgeSeconds: 600 });
  });
});
