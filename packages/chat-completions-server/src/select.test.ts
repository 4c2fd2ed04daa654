import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentIdFromModel } from "./select.js";
import {
  chatRequest,
  expectError,
  expectSchema,
  postChat,
  scriptedAgent,
  startServer,
  type TestServer,
} from "./test/harness.js";

describe("agentIdFromModel", () => {
  it.each([
    ["openclaw", "main"],
    ["openclaw/default", "main"],
    ["OpenClaw", "main"],
    ["openclaw:beta", "beta"],
    ["openclaw/beta", "beta"],
    ["agent:beta", "beta"],
    ["agent:BETA", "beta"],
    ["openclaw:", undefined],
    ["openclaw:-bad", undefined],
    [`openclaw:${"a".repeat(65)}`, undefined],
    ["gpt-4o", undefined],
    ["agent", undefined],
  ])("%s -> %s", (model, id) => expect(agentIdFromModel(model, "main")).toBe(id));
});

describe("agent and session selection over HTTP", () => {
  const agent = scriptedAgent((turn) => [
    { type: "text", text: `${turn.agentId}|${turn.sessionKind}|${turn.sessionKey}` },
  ]);
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      runAgent: agent.runAgent,
      agents: { defaultAgentId: "main", list: () => ["main", "beta"] },
    });
  });
  afterAll(() => server.close());

  const ask = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await postChat(server.url, chatRequest(body), headers);
    expect(response.status).toBe(200);
    const completion = await response.json();
    expectSchema("CreateChatCompletionResponse", completion);
    return { model: completion.model as string, reply: completion.choices[0].message.content as string };
  };

  it("routes by model and echoes the model", async () => {
    expect(await ask({ model: "agent:beta" })).toMatchObject({
      model: "agent:beta",
      reply: expect.stringMatching(/^beta\|/),
    });
    expect((await ask({ model: "openclaw" })).reply).toMatch(/^main\|/);
  });

  it("lets the header beat the model, which is then only echoed", async () => {
    expect(await ask({ model: "gpt-4o" }, { "x-openclaw-agent-id": "Beta" })).toMatchObject({
      model: "gpt-4o",
      reply: expect.stringMatching(/^beta\|/),
    });
  });

  it.each([
    ["an unknown agent in model", { model: "openclaw:ghost" }, {}],
    ["a model of no OpenClaw form", { model: "gpt-4o" }, {}],
    ["an unknown agent in the header", { model: "openclaw" }, { "x-openclaw-agent-id": "ghost" }],
  ])("answers %s with 404 model_not_found on param model", async (_name, body, headers) => {
    const error = await expectError(await postChat(server.url, chatRequest(body), headers), 404);
    expect(error).toMatchObject({ code: "model_not_found", param: "model", type: "invalid_request_error" });
  });

  it("quotes at most 100 characters of an unknown model back", async () => {
    const error = await expectError(await postChat(server.url, chatRequest({ model: "m".repeat(256) })), 404);
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toContain(`'${"m".repeat(100)}…'`);
  });

  it("answers a malformed agent header with 400", async () => {
    const error = await expectError(
      await postChat(server.url, chatRequest(), { "x-openclaw-agent-id": "bad id!" }),
      400,
    );
    expect(error.param).toBe("x-openclaw-agent-id");
  });

  it("uses the session header in its agent's explicit namespace, else a stable key from user, else a fresh key", async () => {
    expect((await ask({}, { "x-openclaw-session-key": "my-session" })).reply).toBe(
      "main|explicit|agent:main:explicit:my-session",
    );
    expect((await ask({ user: "Alice" })).reply).toBe("main|user|agent:main:openai-user:Alice");
    const first = (await ask({})).reply;
    const second = (await ask({})).reply;
    expect(first).toMatch(/^main\|ephemeral\|agent:main:openai:[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
  });
});
