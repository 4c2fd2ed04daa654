// Generated and hostile WebSocket frames against the real gateway CLI: every frame is answered
// with a well-formed frame, none ends the process, and a good run works afterwards. On failure
// fast-check prints the seed; rerun with FUZZ_SEED=<seed>. FUZZ_RUNS multiplies the cases.
import { MAX_SESSION_KEY_LENGTH } from "@openclaw/chat-completions-server";
import { until } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway } from "@openclaw/contract-kit/gateway";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, connect, expectWellFormed, runText } from "./ws-client.js";

const scale = Number(process.env.FUZZ_RUNS ?? 1);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (numRuns: number) => ({ numRuns: Math.ceil(numRuns * scale), seed, endOnFailure: true });

/** A frame the gateway must run: a known agent (any case), a session key of the client's own. */
const validRun = () =>
  fc.record(
    {
      type: fc.constant("agent.run"),
      id: fc.string({ minLength: 1, maxLength: 256 }),
      message: fc.string({ minLength: 1, maxLength: 200 }),
      agentId: fc.constantFrom("main", "beta", "MAIN", "Beta"),
      sessionKey: fc.stringMatching(/^fuzz-[a-z0-9]{1,40}$/),
    },
    { requiredKeys: ["type", "id", "message"] },
  );

type Json = Record<string, unknown>;
const deep = (levels: number, open: string, close: string) => open.repeat(levels) + close.repeat(levels);
const hostileValues = [1, -1, 0.5, null, true, false, [], {}, ["main"], { a: 1 }, ""];

/**
 * Hostile frames, each made from a valid run frame and a pick: mistyped, missing, empty, unknown
 * and over-long fields, unknown types and agents, non-objects, not JSON, deep nesting, binary.
 */
const mutations: { name: string; make(base: Json, pick: number): string | Buffer }[] = [
  {
    name: "a field of the wrong type",
    make: (base, pick) => {
      const field = ["type", "id", "message", "agentId", "sessionKey"][pick % 5] as string;
      return JSON.stringify({ ...base, [field]: hostileValues[pick % hostileValues.length] });
    },
  },
  {
    name: "a required field missing",
    make: (base, pick) => {
      const copy = { ...base };
      delete copy[["type", "id", "message"][pick % 3] as string];
      return JSON.stringify(copy);
    },
  },
  {
    name: "an unknown field",
    make: (base, pick) =>
      `{${["__proto__", "constructor", "x".repeat(10_000), "sessionkey", "agent_id"]
        .slice(pick % 5, (pick % 5) + 1)
        .map((key) => `${JSON.stringify(key)}:{"polluted":true},`)
        .join("")}${JSON.stringify(base).slice(1)}`,
  },
  {
    name: "an over-long field",
    make: (base, pick) => {
      const [field, length] = [
        ["id", 257],
        ["agentId", 65],
        ["sessionKey", MAX_SESSION_KEY_LENGTH + 1],
      ][pick % 3] as [string, number];
      return JSON.stringify({ ...base, [field]: "k".repeat(length + (pick % 1000)) });
    },
  },
  {
    name: "an unknown type",
    make: (base, pick) => JSON.stringify({ ...base, type: ["agent.runs", "", "AGENT.RUN"][pick % 3] }),
  },
  { name: "an unknown agent", make: (base, pick) => JSON.stringify({ ...base, agentId: `nobody${pick}` }) },
  { name: "a cancel without id", make: () => JSON.stringify({ type: "agent.cancel" }) },
  {
    name: "not an object",
    make: (_base, pick) => ["{}", "[]", "null", '["main"]', "42", '"agent.run"', "true"][pick % 7] as string,
  },
  {
    name: "not JSON",
    make: (base, pick) =>
      [JSON.stringify(base).slice(0, -1), "{type: 'agent.run'}", '{"id":NaN}', "", "\u0000", '{"a":1,}'][
        pick % 6
      ] as string,
  },
  {
    name: "deep nesting",
    make: (base, pick) =>
      pick % 2 === 0
        ? deep(50_000, "[", "]")
        : `{"nested":${'{"a":'.repeat(50_000)}0${"}".repeat(50_000)},${JSON.stringify(base).slice(1)}`,
  },
  { name: "a binary frame", make: (base) => Buffer.from(JSON.stringify(base)) },
];

/** The frame itself, or its text: binary frames stay binary. */
const send = (client: Client, frame: string | Buffer) => client.ws.send(frame, { binary: Buffer.isBuffer(frame) });

/** Sends `frame`, which must be answered with exactly one well-formed error frame. */
async function expectRefused(client: Client, frame: string | Buffer, name: string) {
  const before = client.frames.length;
  send(client, frame);
  await until(() => client.frames.length > before, { what: `an answer to ${name}` });
  const [answer] = client.frames.slice(before);
  if (!answer) throw new Error(`no answer to ${name}`);
  expectWellFormed(answer);
  expect(answer.type, name).not.toBe("agent.event");
  expect(answer.error?.status, name).toBeGreaterThanOrEqual(400);
  expect(answer.error?.status, name).toBeLessThan(500);
}

/** Runs `frame`, which must stream its events and end with `done`. */
async function expectRun(client: Client, frame: Json) {
  const id = frame.id as string;
  client.send(frame);
  await until(() => client.of(id).some((f) => f.type !== "agent.event" || f.event?.type === "done"), {
    what: `the end of run ${JSON.stringify(id).slice(0, 40)}`,
  });
  for (const answer of client.of(id)) expectWellFormed(answer);
  expect(runText(client.of(id))).toMatch(/^(echo|recall):/);
  // Ids are reused by later cases: forget this run's frames.
  client.frames.length = 0;
}

describe("WebSocket frames through the gateway CLI", () => {
  let gateway: RunningGateway;
  let client: Client;
  beforeAll(async () => {
    gateway = await startGateway(baseConfig());
    client = await connect(gateway.url);
  });
  afterAll(async () => {
    client?.ws.close();
    await gateway?.stop();
  });

  it("refuses the frames that ended the process, each with an error naming the field", async () => {
    // Session keys are checked by the one check every door applies to them (session-key.ts).
    const cases: [string, string | null, string][] = [
      ['{"type":"agent.run","id":"x","message":"hi","agentId":1}', "agentId", "invalid_frame"],
      ['{"type":"agent.run","id":"x","message":"hi","sessionKey":{"a":1}}', "sessionKey", "invalid_session_key"],
      ["{}", "type", "invalid_frame"],
      ['["main"]', null, "invalid_frame"],
      ["null", null, "invalid_frame"],
    ];
    for (const [frame, param, code] of cases) {
      await expectRefused(client, frame, frame);
      expect(client.frames.at(-1)?.error).toMatchObject({ code, param });
    }
    expect(client.frames.at(0)).toMatchObject({ type: "agent.error", id: "x" });
    expect(gateway.child.exitCode).toBeNull();
  });

  it("runs every valid generated frame", async () => {
    await fc.assert(
      fc.asyncProperty(validRun(), (frame) => expectRun(client, frame)),
      params(150),
    );
  });

  it("answers every mutated frame with one well-formed 4xx error frame", async () => {
    await fc.assert(
      fc.asyncProperty(validRun(), fc.nat(mutations.length - 1), fc.nat(), async (base, which, pick) => {
        const mutation = mutations[which];
        if (!mutation) throw new Error(`no mutation ${which}`);
        await expectRefused(client, mutation.make(base, pick), mutation.name);
      }),
      params(400),
    );
  });

  it("tries every mutation with each field and value it picks from", async () => {
    // 60 picks cover every combination of the lists above (the longest cycle is 5 × 11 = 55).
    for (const mutation of mutations) {
      for (let pick = 0; pick < 60; pick++) {
        await expectRefused(client, mutation.make({ type: "agent.run", id: "m", message: "x" }, pick), mutation.name);
      }
    }
  });

  it("closes a connection that sends a frame over the size limit (1009), and stays up", async () => {
    const big = await connect(gateway.url);
    big.send({ type: "agent.run", id: "big", message: "x".repeat(1024 * 1024) });
    expect(await big.closed).toBe(1009);
    expect(gateway.child.exitCode).toBeNull();
  });

  it("still runs a good frame afterwards, on the same connection and a new one", async () => {
    client.frames.length = 0;
    await expectRun(client, { type: "agent.run", id: "after", message: "still here" });
    const fresh = await connect(gateway.url);
    await expectRun(fresh, { type: "agent.run", id: "after", message: "still here" });
    fresh.ws.close();
    expect(gateway.child.exitCode).toBeNull();
  });
});
