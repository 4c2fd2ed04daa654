// The chat page at / as HTTP sees it: headers, hashed assets, when it is off. What it does in a
// browser is tests/browser's.
import { createHash } from "node:crypto";
import { expectError } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upgrade } from "./test/doors.js";

describe("the chat page", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(baseConfig());
  });
  afterAll(() => gateway.stop());

  it("serves / with a strict CSP, nosniff and no-cache, and no secret asked for in the URL", async () => {
    const response = await fetch(`${gateway.url}/?secret=ignored`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/); // no inline style or handler
    expect(html).toMatch(/<input[^>]*id="secret"[^>]*type="password"/);
  });

  it("serves the page's hashed assets with their integrity, cached for a year", async () => {
    const html = await (await fetch(gateway.url)).text();
    const refs = [...html.matchAll(/(?:src|href)="(assets\/[^"]+)"(?: integrity="([^"]+)")?/g)];
    expect(refs.map(([, path]) => path?.replace(/-[A-Z0-9]{8}\./, "-HASH."))).toEqual([
      "assets/favicon-HASH.svg",
      "assets/style-HASH.css",
      "assets/main-HASH.js",
    ]);
    for (const [, path = "", integrity] of refs) {
      const response = await fetch(`${gateway.url}/${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(
        path.endsWith(".js") ? /^text\/javascript/ : path.endsWith(".css") ? /^text\/css/ : /^image\/svg\+xml/,
      );
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const body = Buffer.from(await response.arrayBuffer());
      if (integrity) expect(`sha384-${createHash("sha384").update(body).digest("base64")}`).toBe(integrity);
    }
  });

  it("answers a path it cannot decode with 400 invalid_url as JSON, never Express's page or a stack", async () => {
    for (const path of ["/assets/%zz", "/assets/%E0%A4%A", "/v1/models/%zz"]) {
      const response = await fetch(`${gateway.url}${path}`);
      const text = await response.clone().text();
      expect(text).not.toMatch(/<html|<pre|URIError|node_modules|\bat /i);
      expect(await expectError(response, 400)).toMatchObject({ type: "invalid_request_error", code: "invalid_url" });
    }
  });

  it("serves nothing else: other asset names and paths are the gateway's 404", async () => {
    for (const path of ["/assets/main.js", "/assets/..%2Fpackage.json", "/assets/", "/index.html", "/assets/x/y"]) {
      expect(await expectError(await fetch(`${gateway.url}${path}`), 404)).toMatchObject({ code: "not_found" });
    }
  });

  it("keeps the WebSocket upgrading on / and /ws", async () => {
    expect((await upgrade(gateway.url, TOKEN, { path: "/" })).status).toBe(101);
    expect((await upgrade(gateway.url, TOKEN, { path: "/ws" })).status).toBe(101);
  });
});

it("is a 404 when gateway.http.chatPage.enabled is false, or the endpoint is off", async () => {
  const [pageOff, endpointOff] = await Promise.all([
    startGateway(
      baseConfig({
        gateway: { http: { endpoints: { chatCompletions: { enabled: true } }, chatPage: { enabled: false } } },
      }),
    ),
    startGateway(baseConfig({ gateway: { http: { endpoints: { chatCompletions: { enabled: false } } } } })),
  ]);
  try {
    for (const gateway of [pageOff, endpointOff]) {
      expect(await expectError(await fetch(gateway.url), 404)).toMatchObject({ code: "not_found" });
    }
  } finally {
    await Promise.all([pageOff.stop(), endpointOff.stop()]);
  }
});
