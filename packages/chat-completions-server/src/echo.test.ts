// What a client sends that comes back in the answer is bounded by the spec, so a small request
// cannot buy a huge answer (`model` is echoed in every stream chunk).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatRequest, expectError, postChat, readSse, startServer, type TestServer } from "./test/harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("echoed strings", () => {
  it.each([false, true])("a model longer than 256 characters is a 400 naming model (stream: %s)", async (stream) => {
    const response = await postChat(server.url, chatRequest({ model: "m".repeat(257), stream }), {
      "x-openclaw-agent-id": "main",
    });
    expect(await expectError(response, 400)).toMatchObject({ type: "invalid_request_error", param: "model" });
  });

  it("a 4 MB model costs its sender a 400, not a stream that repeats it", async () => {
    const response = await postChat(server.url, chatRequest({ model: "m".repeat(4 * 1024 * 1024), stream: true }), {
      "x-openclaw-agent-id": "main",
    });
    expect(await expectError(response, 400)).toMatchObject({ param: "model" });
  });

  it("a model of 256 characters is still echoed, in every chunk", async () => {
    const model = "m".repeat(256);
    const response = await postChat(server.url, chatRequest({ model, stream: true }), {
      "x-openclaw-agent-id": "main",
    });
    const { chunks } = await readSse(response);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(chunk.model).toBe(model);
  });
});
