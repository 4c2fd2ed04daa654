// The Responses API in the real gateway (the CLI as a child process): its switch, the
// file-backed store (across restarts, its TTL, its file modes), and the store's refusals.
import { lstatSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StoredResponse } from "@openclaw/chat-completions-server";
import { expectError, expectSchema, until } from "@openclaw/contract-kit";
import {
  baseConfig,
  type RunningGateway,
  runCli,
  startGateway,
  TOKEN,
  tempDir,
  writeConfig,
} from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileResponsesStore } from "./store/file-responses.js";

const create = (url: string, body: Record<string, unknown>) =>
  fetch(`${url}/v1/responses`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "openclaw", ...body }),
  });
const get = (url: string, path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

async function responseOf(answer: Response): Promise<{ id: string; output: { content: { text: string }[] }[] }> {
  const text = await answer.text();
  expect(answer.status, text).toBe(200);
  const body = JSON.parse(text);
  expectSchema("Response", body);
  return body;
}

const withResponses = (responses: object, chatCompletions = { enabled: true }) =>
  baseConfig({ gateway: { http: { endpoints: { chatCompletions, responses } } } });

describe("gateway.http.endpoints.responses", () => {
  it("is off by default: a plain 404, as if the route did not exist", async () => {
    const gateway = await startGateway(baseConfig());
    try {
      const error = await expectError(await create(gateway.url, { input: "x" }), 404);
      expect(error.code).toBe("not_found");
    } finally {
      await gateway.stop();
    }
  });

  it("alone, serves /v1/responses and /v1/models while chat completions stays a 404", async () => {
    const gateway = await startGateway(withResponses({ enabled: true }, { enabled: false }));
    try {
      await responseOf(await create(gateway.url, { input: "x" }));
      expect((await get(gateway.url, "/v1/models")).status).toBe(200);
      const chat = await fetch(`${gateway.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "x" }] }),
      });
      await expectError(chat, 404);
      // `openclaw chat --api responses`: once, and interactively, each line continuing the chain.
      const env = { OPENCLAW_GATEWAY_TOKEN: TOKEN };
      const args = ["chat", "--api", "responses", "--url", gateway.url];
      expect(await runCli([...args, "--message", "one shot"], { env })).toMatchObject({
        code: 0,
        stdout: "echo: one shot\n",
      });
      const session = await runCli([...args, "--agent", "beta"], { env, input: "first\nsecond\n" });
      expect(session.code).toBe(0);
      expect(session.stdout).toContain("beta> recall: first\n");
      expect(session.stdout).toContain("beta> recall: first | second\n");
      const wrong = await runCli([...args, "--agent", "nobody", "--message", "x"], { env });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/Unknown agent 'nobody'.*HTTP 404/);
    } finally {
      await gateway.stop();
    }
  });
});

it("refuses a responses.ttlMs past 10 years at start (an expiry must be a valid date), with exit code 2", async () => {
  const config = writeConfig(withResponses({ enabled: true, ttlMs: 9e15 }));
  const result = await runCli(["gateway", "--port", "0", "--config", config]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/gateway\.http\.endpoints\.responses\.ttlMs/);
});

describe("the file-backed responses store", () => {
  let gateway: RunningGateway;
  const stateDir = tempDir("openclaw-responses-");
  beforeAll(async () => {
    gateway = await startGateway(withResponses({ enabled: true }), { stateDir });
  });
  afterAll(() => gateway.stop());

  it("keeps responses across a restart (0700 directory, 0600 files), continuable by previous_response_id", async () => {
    const first = await responseOf(await create(gateway.url, { model: "openclaw/beta", input: "one" }));
    expect(lstatSync(join(stateDir, "responses")).mode & 0o777).toBe(0o700);
    expect(lstatSync(join(stateDir, "responses", `${first.id}.json`)).mode & 0o777).toBe(0o600);
    await gateway.stop();
    gateway = await startGateway(withResponses({ enabled: true }), { stateDir });
    const second = await responseOf(
      await create(gateway.url, { model: "openclaw/beta", input: "two", previous_response_id: first.id }),
    );
    expect(second.output[0]?.content[0]?.text).toBe("recall: one | two");
  });

  it("forgets a response once its ttlMs has passed: 404 on GET and as previous_response_id", async () => {
    await gateway.stop();
    gateway = await startGateway(withResponses({ enabled: true, ttlMs: 1000 }), { stateDir });
    const { id } = await responseOf(await create(gateway.url, { input: "short-lived" }));
    expect((await get(gateway.url, `/v1/responses/${id}`)).status).toBe(200);
    await until(async () => (await get(gateway.url, `/v1/responses/${id}`)).status === 404, {
      what: "the response to expire",
    });
    const error = await expectError(await create(gateway.url, { input: "x", previous_response_id: id }), 404);
    expect(error).toMatchObject({ code: "previous_response_not_found", param: "previous_response_id" });
  });
});

describe("previous_response_id with a persistent session (user, x-openclaw-session-key)", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(withResponses({ enabled: true }));
  });
  afterAll(() => gateway.stop());
  const textOf = async (answer: Response) => (await responseOf(answer)).output[0]?.content[0]?.text;
  const beta = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/v1/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
      body: JSON.stringify({ model: "openclaw/beta", ...body }),
    });

  it("the chain is the turn's conversation: the session is neither its history nor appended to", async () => {
    const first = await responseOf(await beta({ input: "A", user: "ann" }));
    expect(await textOf(await beta({ input: "B", user: "ann" }))).toBe("recall: A | B");
    // Branching from the first response: the agent sees that chain, not the session's A | B.
    expect(await textOf(await beta({ input: "C", user: "ann", previous_response_id: first.id }))).toBe("recall: A | C");
    // The chain turn was not appended to ann's session.
    expect(await textOf(await beta({ input: "D", user: "ann" }))).toBe("recall: A | B | D");
    const keyed = await responseOf(await beta({ input: "K" }, { "x-openclaw-session-key": "s1" }));
    expect(
      await textOf(await beta({ input: "L", previous_response_id: keyed.id }, { "x-openclaw-session-key": "s1" })),
    ).toBe("recall: K | L");
  });

  it("only the session (or no session) that made a response continues it; GET and DELETE are by id", async () => {
    const alice = await responseOf(await beta({ input: "alice secret", user: "alice" }));
    const keyed = await responseOf(await beta({ input: "keyed" }, { "x-openclaw-session-key": "k1" }));
    const anonymous = await responseOf(await beta({ input: "nobody's" }));
    const refused = [
      beta({ input: "x", user: "bob", previous_response_id: alice.id }),
      beta({ input: "x", previous_response_id: alice.id }),
      beta({ input: "x", previous_response_id: alice.id }, { "x-openclaw-session-key": "alice" }),
      beta({ input: "x", previous_response_id: keyed.id }, { "x-openclaw-session-key": "k2" }),
      beta({ input: "x", user: "k1", previous_response_id: keyed.id }),
      beta({ input: "x", user: "alice", previous_response_id: anonymous.id }),
    ];
    for (const answer of await Promise.all(refused)) {
      const error = await expectError(answer, 404);
      expect(error).toMatchObject({ code: "previous_response_not_found", param: "previous_response_id" });
    }
    expect(await textOf(await beta({ input: "more", user: "alice", previous_response_id: alice.id }))).toBe(
      "recall: alice secret | more",
    );
    expect(await textOf(await beta({ input: "more", previous_response_id: anonymous.id }))).toBe(
      "recall: nobody's | more",
    );
    expect((await get(gateway.url, `/v1/responses/${alice.id}`)).status).toBe(200);
  });
});

describe("chains held by requests in progress (session.maxLoadedBytes)", () => {
  it("answers 16 concurrent continuations of a 14 MB chain under a 128 MB heap, one budget with sessions", async () => {
    // Unbudgeted, each continuation read and parsed the whole chain at once: 16 of them ran the
    // heap out of memory and every client saw its connection reset.
    const gateway = await startGateway(
      {
        ...withResponses({ enabled: true }),
        session: { maxBytes: 1024 * 1024, maxLoadedBytes: 16 * 1024 * 1024 },
      },
      { env: { NODE_OPTIONS: "--max-old-space-size=128" } },
    );
    try {
      const big = "x".repeat(7 * 1024 * 1024);
      const seed = await responseOf(
        await create(gateway.url, {
          input: [
            { role: "user", content: big },
            { role: "assistant", content: "ok" },
            { role: "user", content: "short" },
          ],
        }),
      );
      const statuses = await Promise.all(
        Array.from({ length: 16 }, () =>
          create(gateway.url, { input: "again", previous_response_id: seed.id, store: false }).then(async (answer) => {
            await answer.arrayBuffer();
            return answer.status;
          }),
        ),
      );
      expect(statuses).toEqual(Array(16).fill(200));
      expect(gateway.child.exitCode).toBeNull();
    } finally {
      await gateway.stop();
    }
  });
});

it("keeps at most maxStoredResponses files, deleting the oldest tenth when full", async () => {
  const gateway = await startGateway(withResponses({ enabled: true, maxStoredResponses: 10 }));
  try {
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push((await responseOf(await create(gateway.url, { input: `r${i}` }))).id);
    expect(readdirSync(join(gateway.stateDir, "responses"))).toHaveLength(9);
    const statuses = await Promise.all(ids.map(async (id) => (await get(gateway.url, `/v1/responses/${id}`)).status));
    expect(statuses).toEqual([404, 404, ...Array(9).fill(200)]);
  } finally {
    await gateway.stop();
  }
});

describe("FileResponsesStore", () => {
  const id = (c: string) => `resp_${c.repeat(32)}`;
  const value = { response: {}, input: [], conversation: [], agentId: "main" } as unknown as StoredResponse;

  it("refuses a record that is a symbolic link or larger than maxRecordBytes, and ids it does not make", async () => {
    const dir = tempDir();
    const store = new FileResponsesStore(dir, { maxRecordBytes: 1024 });
    try {
      await store.put(id("a"), value, 60_000);
      expect(await store.get(id("a"))).toEqual(value);
      const outside = join(dir, "secret.json");
      writeFileSync(outside, JSON.stringify({ value }));
      symlinkSync(outside, join(dir, "responses", `${id("b")}.json`));
      await expect(store.get(id("b"))).rejects.toThrow(/ELOOP|symbolic/);
      await store.put(id("c"), { ...value, agentId: "x".repeat(2000) }, 60_000);
      await expect(store.get(id("c"))).rejects.toThrow(/over 1024 bytes/);
      expect(await store.get("../secret")).toBeUndefined();
      await expect(store.put("../secret", value, 1000)).rejects.toThrow(TypeError);
    } finally {
      store.close();
    }
  });

  it("sweeps expired records (and only its own files)", async () => {
    const dir = tempDir();
    const store = new FileResponsesStore(dir, { maxRecordBytes: 1024 });
    try {
      await store.put(id("a"), value, 60_000);
      await store.put(id("b"), value, 60_000);
      const past = new Date(Date.now() - 1000);
      utimesSync(join(dir, "responses", `${id("b")}.json`), past, past);
      mkdirSync(join(dir, "responses", "keep"), { recursive: true });
      writeFileSync(join(dir, "responses", "notes.json"), "{}");
      utimesSync(join(dir, "responses", "notes.json"), past, past);
      expect(await store.sweep()).toBe(1);
      expect(await store.get(id("a"))).toEqual(value);
      expect(await store.get(id("b"))).toBeUndefined();
      expect(lstatSync(join(dir, "responses", "notes.json")).isFile()).toBe(true);
    } finally {
      store.close();
    }
  });
});
