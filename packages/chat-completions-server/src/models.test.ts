import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, expectSchema, startServer, type TestServer, TOKEN } from "./test/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ agents: { list: () => ["main", "beta"] } });
});
afterAll(() => server.close());

const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe("models", () => {
  it("lists openclaw, openclaw/default and one model per agent", async () => {
    const response = await get("/v1/models");
    expect(response.status).toBe(200);
    const body = await response.json();
    expectSchema("ListModelsResponse", body);
    expect(body.data.map((m: { id: string }) => m.id)).toEqual([
      "openclaw",
      "openclaw/default",
      "openclaw/main",
      "openclaw/beta",
    ]);
    expect(body.data[0]).toEqual({ id: "openclaw", object: "model", created: 0, owned_by: "openclaw" });
  });

  it.each(["/v1/models/openclaw", "/v1/models/openclaw%2Fbeta", "/v1/models/openclaw/beta"])(
    "retrieves %s",
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      const body = await response.json();
      expectSchema("Model", body);
      expect(body.id).toBe(decodeURIComponent(path.slice("/v1/models/".length)));
    },
  );

  it("answers an unknown model with 404 model_not_found", async () => {
    expect(await expectError(await get("/v1/models/gpt-4o"), 404)).toMatchObject({ code: "model_not_found" });
  });
});

describe("a malformed percent-escape in the path", () => {
  it.each([
    ["GET", "/v1/models/%E0%A4%A"],
    ["GET", "/v1/models/openclaw/%ZZ"],
    ["POST", "/v1/models/%E0%A4%A"],
  ])("%s %s is a 400 before auth, and logs nothing at error level", async (method, path) => {
    const logged: { level: string; args: unknown[] }[] = [];
    const record =
      (level: string) =>
      (...args: unknown[]) =>
        void logged.push({ level, args });
    const logger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
    const quiet = await startServer({ logger });
    try {
      const error = await expectError(await fetch(`${quiet.url}${path}`, { method }), 400);
      expect(error).toMatchObject({ type: "invalid_request_error", code: "invalid_url" });
      expect(logged.filter((line) => line.level === "error")).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});

describe("a disabled router", () => {
  it("passes every request on to the host, whose 404 answers", async () => {
    const disabled = await startServer({ enabled: false });
    for (const path of ["/v1/chat/completions", "/v1/models"]) {
      const response = await fetch(`${disabled.url}${path}`, { method: path.endsWith("completions") ? "POST" : "GET" });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("invalid_request_error");
    }
    await disabled.close();
  });
});
