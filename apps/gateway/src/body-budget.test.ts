// gateway.http.maxBodyBytesInFlight through the real gateway: while one request's declared body
// holds the budget, another that would pass it is 503 server_busy, unread; once the first
// closes, its bytes are free again.
import { type ClientRequest, request } from "node:http";
import { expectError, until } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MIB = 1024 * 1024;

describe("request bodies in flight", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(
      baseConfig({
        gateway: {
          auth: { mode: "token", token: TOKEN },
          http: { maxBodyBytesInFlight: MIB, endpoints: { chatCompletions: { enabled: true } } },
        },
      }),
    );
  });
  afterAll(() => gateway?.stop());

  /** A valid chat request of about `bytes` bytes. */
  const chat = (bytes: number) =>
    fetch(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "x".repeat(bytes) }] }),
    });

  it("past gateway.http.maxBodyBytesInFlight a request is 503 server_busy with Retry-After, until the holder closes", async () => {
    // Declares 900 KB and sends 10 bytes: its reservation holds while it trickles.
    const holder: ClientRequest = request(`${gateway.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "content-length": 900_000 },
    });
    holder.on("error", () => {});
    holder.write('{"model":"');
    try {
      const busy = await until(
        async () => {
          const response = await chat(300_000);
          if (response.status === 503) return response;
          await response.body?.cancel();
          return undefined;
        },
        { what: "a 503 while the holder's body is in flight" },
      );
      expect(await expectError(busy, 503)).toMatchObject({ type: "api_error", code: "server_busy" });
      expect(busy.headers.get("retry-after")).toBe("1");
      // A small body still fits beside the holder.
      expect((await chat(10_000)).status).toBe(200);
    } finally {
      holder.destroy();
    }
    await until(async () => (await chat(300_000)).status === 200, { what: "the holder's bytes to be freed" });
  });
});
