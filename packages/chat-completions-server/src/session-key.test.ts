import { afterAll, beforeAll, describe, expect, it } from "vitest";
import spec from "./generated/spec.js";
import {
  MAX_SESSION_KEY_LENGTH,
  mainSessionKey,
  selectHttpSession,
  selectSocketSession,
  sessionKeyError,
  userSessionKey,
} from "./session-key.js";
import { chatRequest, expectError, postChat, scriptedAgent, startServer, type TestServer } from "./test/harness.js";

describe("session keys over HTTP", () => {
  const agent = scriptedAgent((turn) => [{ type: "text", text: turn.sessionKey }]);
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ runAgent: agent.runAgent });
  });
  afterAll(() => server.close());

  const sessionOf = async (headers: Record<string, string>, body: Record<string, unknown> = {}) => {
    const response = await postChat(server.url, chatRequest(body), headers);
    expect(response.status).toBe(200);
    return (await response.json()).choices[0].message.content as string;
  };

  it("never lets a chosen key name a derived session: a user's, the WebSocket's, another agent's", async () => {
    const alice = await sessionOf({}, { user: "alice" });
    expect(await sessionOf({ "x-openclaw-session-key": alice })).not.toBe(alice);
    expect(await sessionOf({ "x-openclaw-session-key": "agent:main:main" })).not.toBe(mainSessionKey("main"));
    const onMain = await sessionOf({ "x-openclaw-session-key": "shared" });
    const onBeta = await sessionOf({ "x-openclaw-session-key": "shared", "x-openclaw-agent-id": "beta" });
    expect(onMain).not.toBe(onBeta);
  });

  it.each(["subagent:x", "cron:nightly", "acp:run-1", "CRON:upper"])(
    "refuses the reserved key %s with 400 reserved_session_key on the header",
    async (key) => {
      const error = await expectError(
        await postChat(server.url, chatRequest(), { "x-openclaw-session-key": key }),
        400,
      );
      expect(error).toMatchObject({ param: "x-openclaw-session-key", code: "reserved_session_key" });
    },
  );

  it.each([
    ["longer than the limit", "k".repeat(MAX_SESSION_KEY_LENGTH + 1)],
    ["with a control character", "a\tb"],
    ["empty", ""],
  ])("refuses a key %s with 400 on the header", async (_name, key) => {
    const error = await expectError(await postChat(server.url, chatRequest(), { "x-openclaw-session-key": key }), 400);
    expect(error.param).toBe("x-openclaw-session-key");
  });

  it("accepts a key of exactly the limit", async () => {
    const key = "k".repeat(MAX_SESSION_KEY_LENGTH);
    expect(await sessionOf({ "x-openclaw-session-key": key })).toBe(`agent:main:explicit:${key}`);
  });
});

describe("the session-key module", () => {
  it("declares the same limit as the spec's header", () => {
    const header = (spec as { components: { parameters: Record<string, { schema: { maxLength: number } }> } })
      .components.parameters.SessionKeyHeader;
    expect(header?.schema.maxLength).toBe(MAX_SESSION_KEY_LENGTH);
  });

  it("refuses the same keys on the WebSocket's door, naming its field", () => {
    for (const key of ["cron:x", "k".repeat(MAX_SESSION_KEY_LENGTH + 1), "a\u0000b", "\ud800", 1, null, ""])
      expect(() => selectSocketSession(key, "main")).toThrow(
        expect.objectContaining({ status: 400, param: "sessionKey" }),
      );
    expect(sessionKeyError("fine", "sessionKey")).toBeUndefined();
  });

  it("puts chosen keys of every door in one namespace, apart from every derived key", () => {
    const chosen = selectSocketSession("k", "main").sessionKey;
    expect(selectHttpSession("k", undefined, "main").sessionKey).toBe(chosen);
    expect(selectSocketSession(undefined, "main").sessionKey).toBe(mainSessionKey("main"));
    expect(selectHttpSession(undefined, "k", "main").sessionKey).toBe(userSessionKey("main", "k"));
    expect(chosen).not.toBe(userSessionKey("main", "k"));
  });
});
