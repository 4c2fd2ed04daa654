import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { checkSse, expectCompletion, expectError, until } from "@openclaw/contract-kit";
import {
  baseConfig,
  chat,
  type RunningGateway,
  reply,
  runCli,
  startGateway,
  TOKEN,
} from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { GatewayFrame } from "./ws.js";

const run = promisify(execFile);

describe("a running gateway", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(baseConfig());
  });
  afterAll(() => gateway.stop());

  it("answers /healthz without auth", async () => {
    const response = await fetch(`${gateway.url}/healthz`);
    expect(await response.json()).toEqual({ status: "ok", store: "file" });
  });

  it("answers the seed's two curl examples as the seed shows", async () => {
    const common = [
      "-sS",
      `${gateway.url}/v1/chat/completions`,
      "-H",
      `Authorization: Bearer ${TOKEN}`,
      "-H",
      "Content-Type: application/json",
      "-H",
      "x-openclaw-agent-id: main",
    ];
    const plain = await run("curl", [
      ...common,
      "-d",
      '{"model": "openclaw", "messages": [{"role":"user","content":"hi"}]}',
    ]);
    expect(JSON.parse(plain.stdout)).toMatchObject({
      object: "chat.completion",
      model: "openclaw",
      choices: [{ message: { content: "echo: hi" } }],
    });
    const streamed = await run("curl", [
      "-N",
      ...common,
      "-d",
      '{"model": "openclaw", "stream": true, "messages": [{"role":"user","content":"hi"}]}',
    ]);
    const lines = streamed.stdout.split("\n\n").filter(Boolean);
    expect(lines.every((line) => line.startsWith("data: "))).toBe(true);
    expect(lines.at(-1)).toBe("data: [DONE]");
    const text = lines
      .slice(0, -1)
      .map((l) => JSON.parse(l.slice(6)).choices[0]?.delta.content ?? "")
      .join("");
    expect(text).toBe("echo: hi");
  });

  it("serves HTTP and WebSocket on the same port, the WebSocket with the same secret", async () => {
    const frames = await new Promise<GatewayFrame[]>((resolve, reject) => {
      const ws = new WebSocket(`${gateway.url.replace("http", "ws")}/ws`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const received: GatewayFrame[] = [];
      ws.on("open", () =>
        ws.send(JSON.stringify({ type: "agent.run", id: "r1", message: "over ws", agentId: "main" })),
      );
      ws.on("message", (data) => {
        const frame = JSON.parse(data.toString()) as GatewayFrame;
        received.push(frame);
        if (frame.type !== "agent.event" || frame.event.type === "done") {
          ws.close();
          resolve(received);
        }
      });
      ws.on("error", reject);
    });
    const text = frames.map((f) => (f.type === "agent.event" && f.event.type === "text" ? f.event.text : "")).join("");
    expect(text).toBe("echo: over ws");
    expect(frames.at(-1)).toMatchObject({
      type: "agent.event",
      id: "r1",
      event: { type: "done", finishReason: "stop" },
    });
  });

  it("refuses a WebSocket upgrade with a wrong secret", async () => {
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(`${gateway.url.replace("http", "ws")}/ws`, {
        headers: { authorization: "Bearer wrong" },
      });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode));
      ws.on("open", () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it("runs `openclaw agent` over the WebSocket, streaming to stdout, and keeps its session", async () => {
    const args = ["agent", "--url", gateway.url, "--agent", "beta", "--session-key", "cli-session"];
    const env = { OPENCLAW_GATEWAY_TOKEN: TOKEN };
    const first = await runCli([...args, "--message", "one"], { env });
    expect(first).toMatchObject({ code: 0, stdout: "recall: one\n" });
    const second = await runCli([...args, "--message", "two", "--json"], { env });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ text: "recall: one | two", finishReason: "stop" });
  });

  it("fails `openclaw agent` with exit 1 and a clear message when the gateway is not there", async () => {
    const result = await runCli(["agent", "--url", "http://127.0.0.1:9", "--message", "x"], {
      env: { OPENCLAW_GATEWAY_TOKEN: TOKEN },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach the gateway.*openclaw gateway/);
  });

  it("runs `openclaw chat` once with --message and interactively from stdin, keeping a session", async () => {
    const env = { OPENCLAW_GATEWAY_TOKEN: TOKEN };
    const once = await runCli(["chat", "--url", gateway.url, "--message", "one shot"], { env });
    expect(once).toMatchObject({ code: 0, stdout: "echo: one shot\n" });
    const session = await runCli(["chat", "--url", gateway.url, "--agent", "beta"], { env, input: "first\nsecond\n" });
    expect(session.code).toBe(0);
    expect(session.stdout).toContain("beta> recall: first\n");
    expect(session.stdout).toContain("beta> recall: first | second\n");
  });

  it("logs one line per request with an id, and never the secret or message text", async () => {
    // Complete lines only: the log is written asynchronously.
    const requestLines = () =>
      gateway
        .output()
        .split("\n")
        .slice(0, -1)
        .map((l) => JSON.parse(l))
        .filter((l) => l.msg === "request");
    // Found by their ids (X-Request-Id): lines are written in batches, so an earlier request's
    // line may still arrive after these requests were sent.
    const ok = await chat(gateway.url, { messages: [{ role: "user", content: "very-private-words" }] });
    await expectCompletion(ok);
    const refused = await chat(gateway.url, { messages: [] }, { authorization: "Bearer wrong-secret-guess" });
    await refused.body?.cancel();
    const ids = [ok, refused].map((response) => response.headers.get("x-request-id"));
    const mine = () => ids.map((id) => requestLines().find((l) => l.reqId === id));
    await until(() => mine().every(Boolean), { what: "the two requests' log lines" });
    expect(mine().map((l) => l?.status)).toEqual([200, 401]);
    const requests = requestLines();
    expect(requests.every((l) => typeof l.reqId === "string" && l.method && l.path)).toBe(true);
    expect(gateway.output()).not.toMatch(new RegExp(`${TOKEN}|wrong-secret-guess|very-private-words`));
  });
});

describe("a disabled endpoint", () => {
  it("answers 404 as if the route did not exist, while the rest of the gateway runs", async () => {
    const gateway = await startGateway(
      baseConfig({ gateway: { http: { endpoints: { chatCompletions: { enabled: false } } } } }),
    );
    expect((await chat(gateway.url, { messages: [{ role: "user", content: "x" }] })).status).toBe(404);
    expect((await fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      404,
    );
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    await gateway.stop();
  });
});

describe("sessions", () => {
  it("survive a gateway restart", async () => {
    const first = await startGateway(baseConfig());
    expect(
      await reply(first.url, { model: "openclaw:beta", user: "ada", messages: [{ role: "user", content: "before" }] }),
    ).toBe("recall: before");
    expect(await first.stop()).toBe(0);
    const second = await startGateway(baseConfig(), { stateDir: first.stateDir });
    expect(
      await reply(second.url, { model: "openclaw:beta", user: "ada", messages: [{ role: "user", content: "after" }] }),
    ).toBe("recall: before | after");
    await second.stop();
  });

  it("do not duplicate history the client re-sends", async () => {
    const gateway = await startGateway(baseConfig());
    const headers = { "x-openclaw-session-key": "resend" };
    const first = [{ role: "user", content: "a" }];
    const answer = await reply(gateway.url, { model: "agent:beta", messages: first }, headers);
    const resent = [...first, { role: "assistant", content: answer }, { role: "user", content: "b" }];
    expect(await reply(gateway.url, { model: "agent:beta", messages: resent }, headers)).toBe("recall: a | b");
    await gateway.stop();
  });

  it("keep only a window of recent turns", async () => {
    const gateway = await startGateway(baseConfig({ session: { maxTurns: 2 } }));
    const headers = { "x-openclaw-session-key": "window" };
    for (const word of ["one", "two", "three", "four", "five"]) {
      await reply(gateway.url, { model: "agent:beta", messages: [{ role: "user", content: word }] }, headers);
    }
    expect(
      await reply(gateway.url, { model: "agent:beta", messages: [{ role: "user", content: "six" }] }, headers),
    ).toBe("recall: four | five | six");
    await gateway.stop();
  });

  it("store nothing for ephemeral requests", async () => {
    const gateway = await startGateway(baseConfig());
    await reply(gateway.url, { model: "agent:beta", messages: [{ role: "user", content: "gone" }] });
    expect(await reply(gateway.url, { model: "agent:beta", messages: [{ role: "user", content: "fresh" }] })).toBe(
      "recall: fresh",
    );
    await gateway.stop();
  });
});

describe("graceful shutdown", () => {
  it("lets a running stream finish on SIGTERM, refuses new work, and exits 0", async () => {
    const gateway = await startGateway(
      baseConfig({ models: { providers: { demo: { api: "demo", tokenDelayMs: 40 } } } }),
    );
    const response = await chat(gateway.url, {
      stream: true,
      messages: [{ role: "user", content: "a b c d e f g h" }],
    });
    const reader = response.body?.getReader();
    await reader?.read();
    const exit = gateway.stop("SIGTERM");
    // Logged as it stops listening; until then a new request would still be served.
    await until(() => gateway.output().includes('"msg":"shutting down"'), { what: "the shutdown to begin" });
    // New work is refused while the process, still up, drains: a new connection finds nothing
    // listening; a kept-alive one gets 503 or is closed.
    const refused = await chat(gateway.url, { messages: [{ role: "user", content: "late" }] }).then(
      async (response) => (await expectError(response, 503)).code,
      (error: Error) => (error.cause as { code?: string } | undefined)?.code,
    );
    expect(refused).toMatch(/^(shutting_down|ECONNREFUSED|ECONNRESET)$/);
    expect(gateway.child.exitCode).toBeNull();
    let body = "";
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read())
      body += new TextDecoder().decode(read.value);
    expect(body).toContain('"content":" h"');
    expect(body.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(await exit).toBe(0);
  });

  it("ends streams that outlive the grace period with a shutting_down event and [DONE], and still exits 0", async () => {
    const config = baseConfig({
      gateway: { shutdownGraceMs: 100 },
      models: { providers: { demo: { api: "demo", tokenDelayMs: 200 } } },
    });
    config.gateway.auth = { mode: "token", token: TOKEN };
    const gateway = await startGateway(config);
    const response = await chat(gateway.url, {
      stream: true,
      messages: [{ role: "user", content: "a b c d e f g h i j" }],
    });
    const body = response.text();
    expect(await gateway.stop("SIGINT")).toBe(0);
    const text = await body;
    expect(checkSse(text).errors).toHaveLength(1);
    // Cut at the grace period: the last words (2 s away at 200 ms each) never came.
    expect(text).not.toContain('"content":" j"');
    expect(text).toMatch(
      /data: \{"error":\{"message":"The gateway is shutting down\.","type":"api_error","param":null,"code":"shutting_down"\}\}\n\ndata: \[DONE\]\n\n$/,
    );
  });
});

it("binds to loopback by default", async () => {
  const gateway = await startGateway(baseConfig());
  expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await gateway.stop();
});
