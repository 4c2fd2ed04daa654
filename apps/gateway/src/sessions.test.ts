// Sessions through the real gateway CLI: isolation of chosen keys, key validation on every
// door, the byte cap under a small heap, and the modes of what is written to disk.
import { lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expectError, until } from "@openclaw/contract-kit";
import {
  baseConfig,
  chat,
  type RunningGateway,
  reply,
  runCli,
  startGateway,
  TOKEN,
  tempDir,
} from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { GatewayFrame } from "./ws.js";

/** Two recall agents, so whatever a session holds shows in the reply. */
const recallAgents = {
  list: [
    { id: "beta", default: true, model: "demo/recall" },
    { id: "gamma", model: "demo/recall" },
  ],
};

/** One WebSocket run: its frames up to `done` or an error. */
function wsRun(url: string, frame: Record<string, unknown>): Promise<GatewayFrame[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace("http", "ws")}/ws`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const frames: GatewayFrame[] = [];
    ws.on("open", () => ws.send(JSON.stringify({ type: "agent.run", id: "r1", ...frame })));
    ws.on("message", (data) => {
      const received = JSON.parse(data.toString()) as GatewayFrame;
      frames.push(received);
      if (received.type !== "agent.event" || received.event.type === "done") {
        ws.close();
        resolve(frames);
      }
    });
    ws.on("error", reject);
  });
}

const textOf = (frames: GatewayFrame[]) =>
  frames.map((f) => (f.type === "agent.event" && f.event.type === "text" ? f.event.text : "")).join("");

describe("sessions chosen by key", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(baseConfig({ agents: recallAgents }));
  });
  afterAll(() => gateway.stop());

  const ask = (content: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    reply(gateway.url, { messages: [{ role: "user", content }], ...body }, headers);

  it("never reach a user's session through an explicit key", async () => {
    expect(await ask("alice-secret", { user: "alice" })).toBe("recall: alice-secret");
    const key = { "x-openclaw-session-key": "agent:beta:openai-user:alice" };
    expect(await ask("mallory", {}, key)).toBe("recall: mallory");
    // and nothing appended there reached alice
    expect(await ask("again", { user: "alice" })).toBe("recall: alice-secret | again");
  });

  it("keep users apart whose ids differ only in a lone surrogate (all UTF-8-encode to U+FFFD)", async () => {
    // JSON may carry lone surrogates ("\ud800"); UTF-8 turns each into EF BF BD, as it does U+FFFD,
    // so a store that hashed the UTF-8 of the key gave these three users one session.
    expect(await ask("victim-secret", { user: "victim\uFFFD" })).toBe("recall: victim-secret");
    expect(await ask("probe", { user: "victim\uD800" })).toBe("recall: probe");
    expect(await ask("probe2", { user: "victim\uDFFF" })).toBe("recall: probe2");
    expect(await ask("again", { user: "victim\uFFFD" })).toBe("recall: victim-secret | again");
    expect(await ask("again2", { user: "victim\uD800" })).toBe("recall: probe | again2");
  });

  it("are one session per agent: the same key on two agents shares nothing", async () => {
    const key = { "x-openclaw-session-key": "same-key" };
    expect(await ask("on beta", { model: "openclaw:beta" }, key)).toBe("recall: on beta");
    expect(await ask("on gamma", { model: "openclaw:gamma" }, key)).toBe("recall: on gamma");
  });

  it("never reach the WebSocket/CLI session agent:<id>:main over HTTP", async () => {
    const env = { OPENCLAW_GATEWAY_TOKEN: TOKEN };
    const cli = await runCli(["agent", "--url", gateway.url, "--agent", "beta", "--message", "cli-secret"], { env });
    expect(cli).toMatchObject({ code: 0, stdout: "recall: cli-secret\n" });
    expect(await ask("http", {}, { "x-openclaw-session-key": "agent:beta:main" })).toBe("recall: http");
  });

  it("are shared between HTTP and the WebSocket: the same chosen key is the same session", async () => {
    expect(textOf(await wsRun(gateway.url, { message: "over ws", sessionKey: "both-doors" }))).toBe("recall: over ws");
    expect(await ask("over http", {}, { "x-openclaw-session-key": "both-doors" })).toBe("recall: over ws | over http");
  });

  it.each(["subagent:a", "cron:b", "acp:c"])("refuses the reserved key %s with 400 on HTTP", async (key) => {
    const error = await expectError(
      await chat(gateway.url, { messages: [{ role: "user", content: "x" }] }, { "x-openclaw-session-key": key }),
      400,
    );
    expect(error).toMatchObject({ param: "x-openclaw-session-key", code: "reserved_session_key" });
  });

  it.each([
    ["a reserved key", "cron:b", "reserved_session_key"],
    ["a 1 MB key", "k".repeat(1_000_000), "invalid_session_key"],
    ["a key of 513 characters", "k".repeat(513), "invalid_session_key"],
    ["a key with a control character", "a\u0007b", "invalid_session_key"],
    ["a key that is not a string", 42, "invalid_session_key"],
  ])("answers %s on the WebSocket with an error frame, and keeps serving", async (_name, sessionKey, code) => {
    const frames = await wsRun(gateway.url, { message: "x", sessionKey });
    expect(frames).toEqual([{ type: "agent.error", id: "r1", error: expect.objectContaining({ status: 400, code }) }]);
    expect(textOf(await wsRun(gateway.url, { message: "still here" }))).toMatch(/still here$/);
  });

  it("refuses long keys on HTTP: over 512 characters 400, a 1 MB header 431", async () => {
    const long = await chat(
      gateway.url,
      { messages: [{ role: "user", content: "x" }] },
      {
        "x-openclaw-session-key": "k".repeat(513),
      },
    );
    expect((await expectError(long, 400)).param).toBe("x-openclaw-session-key");
    const huge = await chat(
      gateway.url,
      { messages: [{ role: "user", content: "x" }] },
      {
        "x-openclaw-session-key": "k".repeat(1_000_000),
      },
    );
    expect(huge.status).toBe(431);
  });
});

/** Peak resident memory of a process, in bytes (Linux). */
const peakRss = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) * 1024;

describe("a session capped in bytes", () => {
  const maxBytes = 2 * 1024 * 1024;
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(baseConfig({ session: { maxBytes } }), {
      env: { NODE_OPTIONS: "--max-old-space-size=64" },
    });
  });
  afterAll(() => gateway.stop());

  const sessionFiles = () =>
    readdirSync(join(gateway.stateDir, "sessions")).map((f) => join(gateway.stateDir, "sessions", f));

  it("keeps answering a user who sends large turns, with the file and the memory bounded", async () => {
    // Each turn is ~1 MB stored (the message and its echo). Uncapped, the 50-turn window
    // outgrows the 64 MB heap and the gateway dies a third of the way through.
    const big = (i: number) => `${i}-${"x".repeat(500_000)}`;
    for (let i = 0; i < 40; i++) {
      const answer = await reply(gateway.url, { user: "u1", messages: [{ role: "user", content: big(i) }] });
      expect(answer).toBe(`echo: ${big(i)}`);
      const [file] = sessionFiles();
      expect(statSync(file ?? "").size).toBeLessThanOrEqual(3 * maxBytes);
    }
    // ~120 MB measured (Node's own ~70 MB, plus a request, its reply and one window in flight).
    expect(peakRss(gateway.child.pid ?? 0)).toBeLessThan(200 * 1024 * 1024);
    expect(gateway.child.exitCode).toBeNull();
  });

  it("answers a turn larger than maxBytes on its own, keeps the session's earlier turns, and logs it", async () => {
    const ask = (content: string) =>
      reply(gateway.url, { model: "openclaw:beta", user: "u2", messages: [{ role: "user", content }] });
    expect(await ask("small")).toBe("recall: small");
    const huge = "h".repeat(maxBytes);
    expect(await ask(huge)).toBe(`recall: small | ${huge}`);
    expect(await ask("after")).toBe("recall: small | after");
    await until(() => gateway.output().includes("larger than session.maxBytes"), { what: "the warning" });
  });
});

describe("session history held by turns in progress (session.maxLoadedBytes)", () => {
  it("answers 30 concurrent tiny requests to one full session under a 64 MB heap", async () => {
    // Unbounded, each request loaded and parsed the ~1.8 MB session at once: 30 of them ran the
    // 64 MB heap out of memory in JSON parsing and every client saw ECONNRESET.
    const maxBytes = 2 * 1024 * 1024;
    const gateway = await startGateway(baseConfig({ session: { maxBytes, maxLoadedBytes: 2 * maxBytes } }), {
      env: { NODE_OPTIONS: "--max-old-space-size=64" },
    });
    try {
      const ask = (content: string) => chat(gateway.url, { user: "full", messages: [{ role: "user", content }] });
      for (let i = 0; i < 2; i++) expect((await ask(`${i}-${"x".repeat(450_000)}`)).status).toBe(200);
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => ask(`tiny ${i}`).then((response) => response.status)),
      );
      expect(statuses).toEqual(Array(30).fill(200));
      expect(gateway.child.exitCode).toBeNull();
    } finally {
      await gateway.stop();
    }
  });

  it("frees the place of a request that gives up while waiting, and of one aborted mid-turn", async () => {
    // The budget fits one load of this session: a second request for it must wait.
    const maxBytes = 64 * 1024;
    const gateway = await startGateway(
      {
        ...baseConfig({
          models: { providers: { slow: { api: "demo", tokenDelayMs: 50 } } },
          agents: { list: [{ id: "main", default: true, model: "slow/echo" }] },
          session: { maxBytes, maxLoadedBytes: maxBytes },
        }),
        logging: { level: "debug" },
      },
      {},
    );
    try {
      const body = (content: string, stream = false) => ({
        user: "held",
        stream,
        messages: [{ role: "user", content }],
      });
      const post = (payload: Record<string, unknown>, signal?: AbortSignal) =>
        fetch(`${gateway.url}/v1/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "openclaw", ...payload }),
          signal,
        });
      expect((await post(body("x".repeat(20_000)))).status).toBe(200); // ~40 KB stored

      // A: a long streamed turn, holding the session's ~40 KB while it runs.
      const holder = new AbortController();
      const a = await post(body("w ".repeat(400), true), holder.signal);
      expect(a.status).toBe(200);
      await a.body?.getReader().read(); // the turn is running: its reservation is held

      // B: queued behind A, then its client gives up; then A's client goes too.
      const waiter = new AbortController();
      const b = post(body("queued"), waiter.signal);
      await until(() => gateway.output().includes("turn waits for session.maxLoadedBytes"), {
        what: "the second request to wait for the budget",
      });
      waiter.abort();
      await expect(b).rejects.toThrow();
      holder.abort();

      // Had either kept its place or its bytes, these would wait forever.
      for (const content of ["after 1", "after 2", "after 3"]) expect((await post(body(content))).status).toBe(200);
      expect(gateway.child.exitCode).toBeNull();
    } finally {
      await gateway.stop();
    }
  });
});

describe("session files on disk", () => {
  it("are created 0600 in a state directory and sessions directory created 0700", async () => {
    const state = join(tempDir(), "state");
    const gateway = await startGateway(baseConfig({ session: { maxTurns: 1 } }), { stateDir: state });
    for (const content of ["a", "b", "c", "d"])
      await reply(gateway.url, { user: "modes", messages: [{ role: "user", content }] });
    await gateway.stop();
    const sessions = join(state, "sessions");
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(statSync(sessions).mode & 0o777).toBe(0o700);
    const files = readdirSync(sessions);
    expect(files).toHaveLength(1); // compacted in place, no temp file left
    expect(statSync(join(sessions, files[0] ?? "")).mode & 0o777).toBe(0o600);
  });

  it("are never followed when replaced by a symbolic link: the linked file is neither read nor written", async () => {
    const state = join(tempDir(), "state");
    const outside = join(tempDir(), "private.jsonl");
    const original = `${JSON.stringify({ messages: [{ role: "user", content: "outside-secret" }] })}\nprivate line\n`;
    writeFileSync(outside, original, { mode: 0o600 });
    const gateway = await startGateway(baseConfig({ agents: recallAgents }), { stateDir: state });
    try {
      const ask = (content: string) => chat(gateway.url, { user: "linked", messages: [{ role: "user", content }] });
      expect((await ask("first")).status).toBe(200);
      const sessions = join(state, "sessions");
      const file = join(sessions, readdirSync(sessions)[0] ?? "");
      rmSync(file);
      symlinkSync(outside, file);
      const response = await ask("second");
      expect(await response.text()).not.toContain("outside-secret");
      expect(response.status).toBe(503);
      expect(readFileSync(outside, "utf8")).toBe(original);
      expect(lstatSync(file).isSymbolicLink()).toBe(true);
    } finally {
      await gateway.stop();
    }
  });
});
