// CORS in a real Chromium: a page served from another loopback origin (another port) calls the
// gateway with @openclaw/chat-completions-client. An allowed origin works, streaming included,
// and can read the gateway's errors; an origin not allowed is blocked by the browser before its
// request is ever sent.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { until } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, requestLines } from "./browser.js";

/** The client bundled for a page, as an app would ship it: `window.openclaw`. */
async function bundleClient(): Promise<string> {
  const result = await build({
    stdin: {
      contents: 'export * from "@openclaw/chat-completions-client";',
      resolveDir: fileURLToPath(new URL(".", import.meta.url)),
    },
    bundle: true,
    format: "iife",
    globalName: "openclaw",
    platform: "browser",
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}

/** A web app on its own loopback port: an empty page and the client's bundle. */
function appServer(client: string): Server {
  return createServer((req, res) => {
    if (req.url === "/client.js") {
      res.writeHead(200, { "content-type": "text/javascript" });
      return res.end(client);
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end('<!doctype html><title>an app</title><script src="/client.js"></script>');
  });
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );

/** What a page's calls to the gateway came to, as plain data. */
interface Outcome {
  models?: string[];
  deltas?: string[];
  error?: { name: string; status?: number; code?: string | null; requestId?: string | null; retryAfter?: number };
}

/** Runs, in the page, the client against the gateway: models, then a streamed turn. */
function callGateway(page: Page, gateway: string, token: string): Promise<Outcome> {
  return page.evaluate(
    async ({ gateway, token }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, typed by the package in Node only
      const { createChatCompletionsClient } = (window as any).openclaw;
      const client = createChatCompletionsClient({ baseUrl: gateway, token });
      try {
        const models = (await client.models.list()).data.map((m: { id: string }) => m.id);
        const stream = await client.chat.completions.create(
          { model: "openclaw", stream: true, messages: [{ role: "user", content: "from another origin" }] },
          { agentId: "main", sessionKey: "cors-browser" },
        );
        const deltas: string[] = [];
        for await (const chunk of stream) deltas.push(chunk.choices[0]?.delta.content ?? "");
        return { models, deltas };
      } catch (e) {
        const error = e as {
          name: string;
          status?: number;
          code?: string | null;
          headers?: Headers;
          retryAfter?: number;
        };
        return {
          error: {
            name: error.name,
            status: error.status,
            code: error.code,
            requestId: error.headers?.get("x-request-id"),
            retryAfter: error.retryAfter,
          },
        };
      }
    },
    { gateway, token },
  );
}

describe.skipIf(!hasChromium)("CORS in Chromium", () => {
  const servers: Server[] = [];
  let allowed = "";
  let subdomain = "";
  let other = "";
  let gateway: RunningGateway;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const client = await bundleClient();
    const [a, b] = [appServer(client), appServer(client)];
    servers.push(a, b);
    const [portA, portB] = await Promise.all([listen(a), listen(b)]);
    allowed = `http://127.0.0.1:${portA}`;
    // Chromium resolves every *.localhost name to loopback itself: a subdomain pattern's test.
    subdomain = `http://app.localhost:${portA}`;
    other = `http://127.0.0.1:${portB}`;
    const config = baseConfig({
      gateway: {
        auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2, exemptLoopback: false } },
        http: {
          endpoints: { chatCompletions: { enabled: true } },
          cors: { allowedOrigins: [allowed, `http://.localhost:${portA}`] },
        },
      },
      models: { providers: { slow: { api: "demo", tokenDelayMs: 20 } } },
      agents: { list: [{ id: "main", default: true, model: "slow/echo" }] },
    });
    [gateway, browser] = await Promise.all([startGateway(config), launchChromium()]);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    for (const server of servers) server.close();
  });

  it.each([
    ["an allowed origin", () => allowed],
    ["an origin the subdomain pattern allows", () => subdomain],
  ])("lets a page on %s list the agents and stream a reply", async (_name, origin) => {
    await page.goto(origin());
    const outcome = await callGateway(page, gateway.url, TOKEN);
    expect(outcome.error).toBeUndefined();
    expect(outcome.models).toEqual(["openclaw", "openclaw/default", "openclaw/main"]);
    expect(outcome.deltas?.join("")).toBe("echo: from another origin");
    expect(outcome.deltas?.filter(Boolean).length).toBe(4);
  });

  it("blocks a page on an origin not allowed: the browser never sends its request", async () => {
    const lines = () => requestLines(gateway.output());
    /** The log up to a request of our own: lines are written in order, in batches. */
    const flushed = async () => {
      const marker = (await fetch(`${gateway.url}/healthz`)).headers.get("x-request-id");
      await until(() => lines().some((l) => l.reqId === marker), { what: "the marker's log line" });
      return lines();
    };
    const before = await flushed();
    await page.goto(other);
    const outcome = await callGateway(page, gateway.url, TOKEN);
    expect(outcome.error?.name).toBe("APIConnectionError");
    const after = (await flushed()).slice(before.length);
    // Each preflight was answered as without CORS (405, no CORS headers), so no request followed
    // it: the client saw a connection error and tried again (maxRetries, 2), preflight only.
    expect(after.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual([
      "OPTIONS /v1/models 405",
      "OPTIONS /v1/models 405",
      "OPTIONS /v1/models 405",
      "GET /healthz 200",
    ]);
  });

  it("lets an allowed page read the gateway's errors: a wrong secret, then the lockout's Retry-After", async () => {
    await page.goto(allowed);
    const wrong = await callGateway(page, gateway.url, "not-the-secret");
    expect(wrong.error).toMatchObject({ name: "AuthenticationError", status: 401, code: "invalid_api_key" });
    expect(wrong.error?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // maxAttempts is 2: the next wrong secret is refused, and from then on the address is locked out.
    await callGateway(page, gateway.url, "still-not-the-secret");
    const locked = await callGateway(page, gateway.url, TOKEN);
    expect(locked.error).toMatchObject({ name: "RateLimitError", status: 429, code: "rate_limit_exceeded" });
    expect(locked.error?.retryAfter).toBeGreaterThan(0);
  });
});
