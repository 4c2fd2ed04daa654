// GET /metrics on the real CLI: a known mix of requests, then exact counts from a strictly
// parsed exposition.
import { expectCompletion, expectError, readSse, until } from "@openclaw/contract-kit";
import { baseConfig, chat, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseExposition, sampleValue } from "./test/exposition.js";
import type { GatewayFrame } from "./ws.js";

const CHAT = "/v1/chat/completions";
const GUESSER = "203.0.113.9";

const scrape = (url: string, secret = TOKEN, ip?: string) =>
  fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${secret}`, ...(ip ? { "x-forwarded-for": ip } : {}) },
  });

async function metricsOf(url: string) {
  const response = await scrape(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return parseExposition(await response.text());
}

/** One WebSocket run on `agentId`, to its `done` frame. */
function socketRun(url: string, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace("http", "ws")}/ws`, { headers: { authorization: `Bearer ${TOKEN}` } });
    ws.on("open", () => ws.send(JSON.stringify({ type: "agent.run", id: "r1", message })));
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as GatewayFrame;
      if (frame.type === "agent.event" && frame.event.type === "done") {
        ws.close();
        resolve();
      } else if (frame.type !== "agent.event") reject(new Error(String(data)));
    });
    ws.on("error", reject);
  });
}

describe("GET /metrics after a known mix of requests", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(
      baseConfig({
        gateway: {
          auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3 } },
          http: { endpoints: { chatCompletions: { enabled: true } } },
          // The test plays a proxy on loopback for the guesser; its own requests are loopback.
          trustProxy: ["loopback"],
          // Each scrape must see every count so far.
          metrics: { cacheMs: 0 },
        },
        models: {
          providers: {
            slow: { api: "demo", tokenDelayMs: 200 },
            down: { api: "openai-completions", baseUrl: "http://127.0.0.1:1/v1", models: [{ id: "m" }] },
          },
        },
        agents: {
          list: [
            { id: "main", default: true, model: "demo/echo" },
            { id: "slow", model: "slow/echo" },
            { id: "down", model: "down/m" },
          ],
        },
      }),
    );
  });
  afterAll(() => gateway.stop());

  it("asks for the secret, and counts wrong ones and the lockout at its own door", async () => {
    await expectError(await fetch(`${gateway.url}/metrics`), 401);
    for (const guess of ["a", "b", "c"]) await expectError(await scrape(gateway.url, guess, GUESSER), 401);
    // Locked out now, even with the right secret, as at every other door.
    await expectError(await scrape(gateway.url, TOKEN, GUESSER), 429);
    await expectError(
      await chat(gateway.url, { messages: [{ role: "user", content: "x" }] }, { "x-forwarded-for": GUESSER }),
      429,
    );

    const series = await metricsOf(gateway.url);
    expect(sampleValue(series, "openclaw_auth_failures_total", { door: "metrics" })).toBe(3);
    expect(sampleValue(series, "openclaw_auth_lockouts_total", { door: "metrics" })).toBe(1);
    expect(sampleValue(series, "openclaw_auth_failures_total", { door: "http" })).toBe(0);
    // No secret, three wrong ones, one refused while locked out.
    expect(sampleValue(series, "openclaw_http_requests_total", { route: "/metrics", status_class: "4xx" })).toBe(5);
  });

  it("counts requests, streams, runs by outcome, tokens and store operations exactly", async () => {
    const message = { role: "user", content: "one two" }; // demo: 2 tokens in, "echo: one two" 3 out
    for (let i = 0; i < 2; i++) await expectCompletion(await chat(gateway.url, { messages: [message] }));
    await readSse(await chat(gateway.url, { stream: true, messages: [message] }));
    // A client that leaves mid-stream: the slow agent has 40 words left to say.
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    const leaving = await chat(gateway.url, {
      model: "openclaw/slow",
      stream: true,
      messages: [{ role: "user", content: words }],
    });
    const reader = (leaving.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the stream has begun
    await reader.cancel();
    await expectError(await chat(gateway.url, { model: "openclaw/down", messages: [message] }), 502);
    await expectError(await chat(gateway.url, { model: "openclaw/nope", messages: [message] }), 404);
    await expectError(await chat(gateway.url, { messages: [message] }, { authorization: "Bearer wrong" }), 401);
    // Over the WebSocket, in the agent's main session: a persistent run, so the store is used.
    await socketRun(gateway.url, "one two");

    const series = await until(
      async () => {
        const s = await metricsOf(gateway.url);
        return sampleValue(s, "openclaw_agent_runs_total", {
          agent: "slow",
          door: "http",
          outcome: "aborted_by_client",
        }) === 1 && sampleValue(s, "openclaw_http_streams_open", { route: CHAT }) === 0
          ? s
          : undefined;
      },
      { what: "the abandoned stream to be counted and closed" },
    );
    const requests = (status_class: string) =>
      sampleValue(series, "openclaw_http_requests_total", { route: CHAT, status_class });
    expect(requests("2xx")).toBe(4); // two answers, a finished stream, the abandoned one (its 200 went out)
    expect(requests("4xx")).toBe(3); // 404, 401, and the 429 of the first test
    expect(requests("5xx")).toBe(1);
    expect(sampleValue(series, "openclaw_http_request_duration_seconds_count", { route: CHAT })).toBe(8);
    expect(sampleValue(series, "openclaw_http_stream_first_byte_seconds_count", { route: CHAT })).toBe(2);

    const runs = (agent: string, door: string, outcome: string) =>
      sampleValue(series, "openclaw_agent_runs_total", { agent, door, outcome });
    expect(runs("main", "http", "completed")).toBe(3);
    expect(runs("main", "websocket", "completed")).toBe(1);
    expect(runs("slow", "http", "aborted_by_client")).toBe(1);
    expect(runs("down", "http", "failed")).toBe(1);
    expect(runs("slow", "http", "completed") + runs("main", "http", "failed")).toBe(0);
    expect(sampleValue(series, "openclaw_agent_runs_in_progress")).toBe(0);

    expect(sampleValue(series, "openclaw_agent_tokens_total", { agent: "main", type: "input" })).toBe(8);
    expect(sampleValue(series, "openclaw_agent_tokens_total", { agent: "main", type: "output" })).toBe(12);
    expect(sampleValue(series, "openclaw_agent_tokens_total", { agent: "slow", type: "output" })).toBe(0);

    for (const operation of ["size", "load", "append"]) {
      expect(sampleValue(series, "openclaw_store_operations_total", { store: "session", operation })).toBe(1);
      expect(sampleValue(series, "openclaw_store_errors_total", { store: "session", operation })).toBe(0);
    }
    // The process's default metrics are there too.
    expect(sampleValue(series, "process_cpu_seconds_total")).toBeGreaterThan(0);
    // No label carries what a client chose: every value of every label is from a known set.
    const labels = [...series.values()].flatMap((s) => Object.values(s.labels));
    expect(labels.filter((value) => /nope|one|w39|wrong|203\.0\.113|\/v1\/models\//.test(value))).toEqual([]);
  });
});

describe("GET /metrics configured off, or without auth", () => {
  let off: RunningGateway;
  let open: RunningGateway;
  beforeAll(async () => {
    off = await startGateway(
      baseConfig({ gateway: { auth: { mode: "token", token: TOKEN }, metrics: { enabled: false } } }),
    );
    open = await startGateway(
      baseConfig({ gateway: { auth: { mode: "token", token: TOKEN }, metrics: { auth: false } } }),
    );
  });
  afterAll(() => Promise.all([off?.stop(), open?.stop()]));

  it("is a 404 when disabled, and served without a secret when metrics.auth is false", async () => {
    await expectError(await fetch(`${off.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } }), 404);
    const response = await fetch(`${open.url}/metrics`);
    expect(response.status).toBe(200);
    parseExposition(await response.text());
  });
});
