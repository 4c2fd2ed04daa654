import { readFileSync } from "node:fs";
import { join } from "node:path";
import { baseConfig, reply, runCli, startGateway, TOKEN, tempDir, writeConfig } from "@openclaw/contract-kit/gateway";
import { describe, expect, it } from "vitest";

describe("openclaw CLI", () => {
  it.each([
    [["--help"]],
    [["gateway", "--help"]],
    [["agent", "--help"]],
    [["chat", "--help"]],
    [["config", "set", "--help"]],
  ])("%j prints help and exits 0", async (args) => {
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: openclaw/);
  });

  it.each([
    ["an unknown flag", ["gateway", "--prot", "1"], /unknown option '--prot'/],
    ["a bad port", ["gateway", "--port", "http"], /port number/],
    ["a port out of range", ["gateway", "--port", "70000"], /port number/],
    ["a bad bind", ["gateway", "--bind", "everywhere"], /loopback, lan or an IP/],
    ["an unknown command", ["gatway"], /unknown command/],
    ["agent without --message", ["agent"], /--message/],
  ])("refuses %s with exit code 2", async (_name, args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe("config validation at start", () => {
  it.each([
    ["an unknown key", { gateway: { prot: 1 } }, /gateway: Unrecognized key: "prot"/],
    ["a bad value", { gateway: { port: "high" } }, /gateway\.port: /],
    [
      "an unknown provider",
      { agents: { list: [{ id: "main", model: "nowhere/x" }] } },
      /agents\.list\[0\]\.model: unknown provider "nowhere"/,
    ],
    ["a bad agent id", { agents: { list: [{ id: "Main Agent" }] } }, /agents\.list\[0\]\.id/],
    [
      "a missing env var",
      {
        models: {
          providers: {
            o: {
              api: "openai-completions",
              baseUrl: "http://127.0.0.1:1/v1",
              // biome-ignore lint/suspicious/noTemplateCurlyInString: the config's ${ENV} syntax, on purpose
              apiKey: "${NOPE_KEY}",
              models: [{ id: "m" }],
            },
          },
        },
      },
      /models\.providers\.o\.apiKey: environment variable NOPE_KEY is not set/,
    ],
    // 9e15 ms is past what a Redis expiry and a Date hold, as responses.ttlMs was.
    ["a session.ttlMs past 10 years", { session: { ttlMs: 9e15 } }, /session\.ttlMs: /],
    [
      "a session.maxLoadedBytes below session.maxBytes",
      { session: { maxBytes: 4096, maxLoadedBytes: 4095 } },
      /session\.maxLoadedBytes: must be at least session\.maxBytes \(4096\)/,
    ],
  ])("names the path of %s and exits 2", async (_name, config, message) => {
    const { code, stderr } = await runCli(["gateway", "--port", "0", "--config", writeConfig(config)], {
      env: { OPENCLAW_GATEWAY_TOKEN: TOKEN },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  // Node fires a longer timer after 1 ms: a 2^31 ms keep-alive interval sent a comment every millisecond.
  it.each([
    [
      "gateway.http.endpoints.chatCompletions.keepAliveMs",
      { http: { endpoints: { chatCompletions: { keepAliveMs: 2 ** 31 } } } },
    ],
    [
      "gateway.http.endpoints.chatCompletions.bodyTimeoutMs",
      { http: { endpoints: { chatCompletions: { bodyTimeoutMs: 2 ** 31 } } } },
    ],
    ["gateway.headersTimeoutMs", { headersTimeoutMs: 2 ** 31 }],
    ["gateway.shutdownGraceMs", { shutdownGraceMs: 2 ** 31 }],
    ["gateway.auth.rateLimit.lockoutMs", { auth: { rateLimit: { lockoutMs: 2 ** 31 } } }],
    ["gateway.ws.slowReaderTimeoutMs", { ws: { slowReaderTimeoutMs: 2 ** 31 } }],
    ["gateway.ws.pingIntervalMs", { ws: { pingIntervalMs: 2 ** 31 } }],
  ])("refuses %s past what a timer holds (exit 2, naming it)", async (path, gateway) => {
    const { code, stderr } = await runCli(["gateway", "--port", "0", "--config", writeConfig({ gateway })], {
      env: { OPENCLAW_GATEWAY_TOKEN: TOKEN },
    });
    expect(code).toBe(2);
    expect(stderr).toContain(`${path}: `);
  });

  it("refuses token mode without a token, saying how to set one", async () => {
    const { code, stderr } = await runCli(["gateway", "--port", "0", "--config", writeConfig({})]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no token is set.*OPENCLAW_GATEWAY_TOKEN/s);
  });

  it("reports a file that is not JSON5", async () => {
    const { code, stderr } = await runCli(["gateway", "--config", writeConfig("{ gateway: ")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not valid JSON5/);
  });

  it("reads JSON5 with comments from OPENCLAW_CONFIG_PATH", async () => {
    const path = writeConfig(
      `// comment\n{ gateway: { auth: { token: "${TOKEN}" }, http: { endpoints: { chatCompletions: { enabled: true } } } } }`,
    );
    const gateway = await startGateway(readFileSync(path, "utf8"));
    expect(await reply(gateway.url, { messages: [{ role: "user", content: "json5" }] })).toBe("echo: json5");
    expect(await gateway.stop()).toBe(0);
  });
});

describe("secrets from the environment", () => {
  it("takes the token from OPENCLAW_GATEWAY_TOKEN when the file has none", async () => {
    const config = baseConfig();
    config.gateway.auth = { mode: "token" } as typeof config.gateway.auth;
    const gateway = await startGateway(config, { env: { OPENCLAW_GATEWAY_TOKEN: TOKEN } });
    expect(await reply(gateway.url, { messages: [{ role: "user", content: "env" }] })).toBe("echo: env");
    await gateway.stop();
  });

  it("takes the password from OPENCLAW_GATEWAY_PASSWORD in password mode", async () => {
    const config = baseConfig();
    config.gateway.auth = { mode: "password" } as typeof config.gateway.auth;
    const gateway = await startGateway(config, { env: { OPENCLAW_GATEWAY_PASSWORD: TOKEN } });
    expect(await reply(gateway.url, { messages: [{ role: "user", content: "pw" }] })).toBe("echo: pw");
    await gateway.stop();
  });
});

describe("openclaw config get|set", () => {
  it("sets values (JSON5-parsed), validates them, and reads back effective values", async () => {
    const dir = tempDir();
    const file = join(dir, "nested", "openclaw.json");
    const env = { OPENCLAW_CONFIG_PATH: file };
    expect(
      (await runCli(["config", "set", "gateway.http.endpoints.chatCompletions.enabled", "true"], { env })).code,
    ).toBe(0);
    expect((await runCli(["config", "set", "agents.list[0].id", "main"], { env })).code).toBe(0);
    expect((await runCli(["config", "set", "agents.list[0].systemPrompt", "Be kind."], { env })).code).toBe(0);
    expect(
      (await runCli(["config", "get", "gateway.http.endpoints.chatCompletions.enabled"], { env })).stdout.trim(),
    ).toBe("true");
    expect((await runCli(["config", "get", "agents.list[0].systemPrompt"], { env })).stdout.trim()).toBe('"Be kind."');
    expect((await runCli(["config", "get", "gateway.port"], { env })).stdout.trim()).toBe("18789");

    const refused = await runCli(["config", "set", "gateway.port", "-5"], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/gateway\.port/);
    expect((await runCli(["config", "get", "gateway.port"], { env })).stdout.trim()).toBe("18789");
    expect((await runCli(["config", "get", "gateway.nothing"], { env })).code).toBe(2);
  });
});
