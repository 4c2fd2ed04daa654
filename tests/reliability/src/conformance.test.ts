// Real clients nobody here wrote, against the real gateway: the official openai SDK v6, and v7
// where the runtime allows it (Node 22+, so on CI's Node 24 leg). Every answer is checked
// against the spec. The seed's curl commands are run with real curl in apps/gateway/src/gateway.test.ts.
import { expectSchema } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import OpenAI6 from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const nodeMajor = Number(process.versions.node.split(".")[0]);

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(
    baseConfig({
      gateway: {
        trustProxy: ["loopback"],
        auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 1, exemptLoopback: false } },
      },
    }),
  );
});
afterAll(() => gateway.stop());

type SDK = typeof OpenAI6;

function sdkSuite(name: string, clientIp: string, load: () => Promise<SDK>) {
  describe(name, () => {
    let OpenAI: SDK;
    beforeAll(async () => {
      OpenAI = await load();
    });
    const client = (apiKey = TOKEN, headers: Record<string, string> = {}) =>
      new OpenAI({ apiKey, baseURL: `${gateway.url}/v1`, maxRetries: 0, defaultHeaders: headers });

    it("creates a completion", async () => {
      const completion = await client().chat.completions.create({
        model: "openclaw:beta",
        messages: [{ role: "user", content: "from the sdk" }],
      });
      expectSchema("CreateChatCompletionResponse", completion);
      expect(completion.choices[0]?.message.content).toBe("recall: from the sdk");
    });

    it("streams, every chunk valid, with usage", async () => {
      const stream = await client().chat.completions.create({
        model: "openclaw",
        messages: [{ role: "user", content: "a b c" }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = "";
      let usage: unknown;
      for await (const chunk of stream) {
        expectSchema("CreateChatCompletionStreamResponse", chunk);
        text += chunk.choices[0]?.delta.content ?? "";
        usage = chunk.usage ?? usage;
      }
      expect(text).toBe("echo: a b c");
      expect(usage).toMatchObject({ completion_tokens: 4 });
    });

    it("maps errors to the SDK's classes", async () => {
      const bad = await client()
        .chat.completions.create({ model: "openclaw", messages: [] })
        .catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
      const missing = await client()
        .chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] })
        .catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
      const wrong = await client("wrong", { "x-forwarded-for": clientIp })
        .models.list()
        .catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(OpenAI.AuthenticationError);
      const locked = await client(TOKEN, { "x-forwarded-for": clientIp })
        .models.list()
        .catch((e: unknown) => e);
      expect(locked).toBeInstanceOf(OpenAI.RateLimitError);
    });

    it("lists the agents as models", async () => {
      const ids: string[] = [];
      for await (const model of client().models.list()) {
        expectSchema("Model", model);
        ids.push(model.id);
      }
      expect(ids).toEqual(["openclaw", "openclaw/default", "openclaw/main", "openclaw/beta"]);
    });
  });
}

sdkSuite("openai SDK v6", "198.51.100.6", async () => OpenAI6);

if (nodeMajor >= 22) {
  sdkSuite("openai SDK v7", "198.51.100.7", async () => (await import("openai7")).default as unknown as SDK);
} else {
  it.skip(`openai SDK v7 needs Node 22+ (this is Node ${process.versions.node}); CI runs it on the Node 24 leg`);
}
