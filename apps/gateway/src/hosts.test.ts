// The gateway's Host check (gateway.http.allowedHosts), its defence against DNS rebinding: a page
// whose name rebinds to 127.0.0.1 is same-origin with a loopback gateway, but names itself in Host.
import { request } from "node:http";
import { expectSchema } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config/load.js";
import { hostCheck } from "./hosts.js";
import { type Answer, expectRefused, upgrade } from "./test/doors.js";

/** `GET path` on the gateway with `Host: host` and `secret`, as a page on that name would send it. */
function get(url: string, path: string, host: string, secret = TOKEN): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: { host, authorization: `Bearer ${secret}` } });
    req.on("error", reject);
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.end();
  });
}

const expectHostRefused = (answer: Answer) => {
  expectRefused(answer, 403, "host_not_allowed");
  expectSchema("ErrorResponse", JSON.parse(answer.body));
};

describe("a gateway bound to loopback answers loopback names and gateway.http.allowedHosts only", () => {
  let gateway: RunningGateway;
  let port = "";
  beforeAll(async () => {
    gateway = await startGateway(
      baseConfig({
        gateway: {
          // Counted like anyone: so a refused request that were counted would show as a lockout.
          auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2, exemptLoopback: false } },
          http: { endpoints: { chatCompletions: { enabled: true } }, allowedHosts: ["gw.example.com"] },
        },
      }),
    );
    port = new URL(gateway.url).port;
  });
  afterAll(() => gateway.stop());

  it("refuses a rebound name with 403 host_not_allowed before auth, never counting it toward the lockout", async () => {
    for (const path of ["/v1/models", "/", "/healthz"]) {
      for (let i = 0; i < 3; i++) expectHostRefused(await get(gateway.url, path, `rebound.example:${port}`, "bad"));
    }
    expectHostRefused(await get(gateway.url, "/v1/models", `rebound.example:${port}`));
    expectHostRefused(await upgrade(gateway.url, TOKEN, { host: `rebound.example:${port}` }));
    // Nine wrong secrets under a rebound name, and the address is not locked out.
    expect((await get(gateway.url, "/v1/models", `127.0.0.1:${port}`)).status).toBe(200);
  });

  it.each([
    "127.0.0.1",
    "127.1.2.3:80",
    "localhost",
    "LocalHost:1234",
    "[::1]:9",
    "gw.example.com",
    "GW.example.com:443",
  ])("answers Host %s, HTTP and WebSocket", async (host) => {
    expect((await get(gateway.url, "/v1/models", host)).status).toBe(200);
    expect((await upgrade(gateway.url, TOKEN, { host })).status).toBe(101);
  });

  it.each([
    "localhost.rebound.example",
    "127.0.0.1.rebound.example",
    "sub.gw.example.com",
    "gw.example.com.evil",
    "0.0.0.0",
    "[::2]",
    "localhost@evil",
  ])("refuses Host %s", async (host) => {
    expectHostRefused(await get(gateway.url, "/v1/models", host));
  });
});

describe("gateway.http.allowedHosts", () => {
  it.each([
    ["loopback", [], "evil.example", false],
    ["127.0.0.2", [], "evil.example", false],
    ["::1", [], "evil.example", false],
    ["0.0.0.0", [], "evil.example", true],
    ["192.168.1.10", [], "evil.example", true],
    ["0.0.0.0", ["gw.example.com"], "evil.example", false],
    ["0.0.0.0", ["gw.example.com"], "gw.example.com:18789", true],
    ["0.0.0.0", ["gw.example.com"], "localhost:18789", true],
    ["0.0.0.0", ["192.168.1.10"], "192.168.1.10:18789", true],
    ["0.0.0.0", ["[fd00::1]"], "[fd00::1]:18789", true],
  ] as const)("bound to %s with %j: Host %s passes: %s", (bind, allowedHosts, host, passes) => {
    const check = hostCheck({ bind, allowedHosts });
    expect(check === undefined || check({ headers: { host } })).toBe(passes);
  });

  it.each(["gw.example.com:443", "*.example.com", "https://gw.example.com", "GW.example.com", "gw.example.com/", ""])(
    "refuses the entry %j at start",
    (entry) => {
      expect(() => parseConfig({ gateway: { http: { allowedHosts: [entry] } } })).toThrow(ConfigError);
    },
  );
});
