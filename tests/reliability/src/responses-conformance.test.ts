// Real Responses API clients nobody here wrote, against the real gateway (the CLI as a child
// process): the official openai SDK v6 (and v7), and where the runtime allows it (Node 22+, so
// on CI's Node 24 leg) the Vercel AI SDK's `@ai-sdk/openai` `.responses(...)` and the OpenAI
// Agents SDK. Tool calls come from a real agent: one whose model is a fake OpenAI-compatible
// upstream that calls the client's `get_weather` when offered and answers with its result.
import { createServer } from "node:http";
import { checkResponsesSse, expectSchema, listen } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import OpenAI6 from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const nodeMajor = Number(process.versions.node.split(".")[0]);

/** A chat completions upstream: a tool call when `get_weather` is offered and unanswered, else text. */
function toolUpstream() {
  return createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      const body = JSON.parse(raw) as {
        messages: { role: string; content: unknown }[];
        tools?: { function: { name: string } }[];
      };
      const last = body.messages.at(-1);
      const chunk = (delta: object, finish: string | null = null) =>
        `data: ${JSON.stringify({ id: "u", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.writeHead(200, { "content-type": "text/event-stream" });
      if (last?.role !== "tool" && body.tools?.some((t) => t.function.name === "get_weather")) {
        res.write(
          chunk({
            tool_calls: [
              { index: 0, id: "call_w1", type: "function", function: { name: "get_weather", arguments: '{"city":' } },
            ],
          }),
        );
        res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }));
        res.write(chunk({}, "tool_calls"));
      } else {
        const said = typeof last?.content === "string" ? last.content : JSON.stringify(last?.content);
        res.write(
          chunk({ role: "assistant", content: last?.role === "tool" ? `The weather: ${said}` : `heard ${said}` }),
        );
        res.write(chunk({}, "stop"));
      }
      res.end("data: [DONE]\n\n");
    });
  });
}

let gateway: RunningGateway;
let upstream: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  upstream = await listen(toolUpstream());
  gateway = await startGateway(
    baseConfig({
      gateway: {
        http: { endpoints: { chatCompletions: { enabled: false }, responses: { enabled: true } } },
      },
      models: {
        providers: {
          fake: { api: "openai-completions", baseUrl: `${upstream.url}/v1`, models: [{ id: "tools" }] },
        },
      },
      agents: {
        list: [
          { id: "main", default: true, model: "demo/echo" },
          { id: "beta", model: "demo/recall" },
          { id: "tools", model: "fake/tools" },
        ],
      },
    }),
  );
});
afterAll(async () => {
  await gateway.stop();
  await upstream.close();
});

const weatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "The weather in a city.",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  strict: false,
};

type SDK = typeof OpenAI6;

function sdkSuite(name: string, load: () => Promise<SDK>) {
  describe(name, () => {
    let OpenAI: SDK;
    beforeAll(async () => {
      OpenAI = await load();
    });
    const client = () => new OpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 });

    it("creates a response", async () => {
      const response = await client().responses.create({ model: "openclaw", input: "from the sdk" });
      expectSchema("Response", response);
      expect(response.output_text).toBe("echo: from the sdk");
    });

    it("streams with the stream helper, every event valid", async () => {
      const stream = client().responses.stream({ model: "openclaw", input: "a b c" });
      const types: string[] = [];
      for await (const event of stream) {
        expectSchema("ResponseStreamEvent", event);
        types.push(event.type);
      }
      const final = await stream.finalResponse();
      expect(types.at(-1)).toBe("response.completed");
      expect(final.output[0]).toMatchObject({ content: [{ type: "output_text", text: "echo: a b c" }] });
    });

    it("continues a chain with previous_response_id", async () => {
      const first = await client().responses.create({ model: "openclaw/beta", input: "one" });
      const second = await client().responses.create({
        model: "openclaw/beta",
        input: "two",
        previous_response_id: first.id,
      });
      expect(second.output_text).toBe("recall: one | two");
      const missing = await client()
        .responses.create({ model: "openclaw/beta", input: "x", previous_response_id: "resp_gone" })
        .catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
      expect((missing as { code?: string }).code).toBe("previous_response_not_found");
    });

    it("round-trips a function tool through an agent that calls it", async () => {
      const first = await client().responses.create({
        model: "openclaw/tools",
        input: "weather?",
        tools: [weatherTool],
      });
      expectSchema("Response", first);
      const call = first.output.find((item) => item.type === "function_call");
      expect(call).toMatchObject({ name: "get_weather", call_id: "call_w1", arguments: '{"city":"Paris"}' });
      const second = await client().responses.create({
        model: "openclaw/tools",
        previous_response_id: first.id,
        tools: [weatherTool],
        input: [{ type: "function_call_output", call_id: "call_w1", output: "sunny" }],
      });
      expect(second.output_text).toBe("The weather: sunny");
    });
  });
}

sdkSuite("openai SDK v6 (Responses)", async () => OpenAI6);

describe("a raw streamed response through the gateway", () => {
  it("passes the kit's Responses stream checker, tool call included", async () => {
    const response = await fetch(`${gateway.url}/v1/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw/tools", input: "weather?", tools: [weatherTool], stream: true }),
    });
    const { events, response: final } = checkResponsesSse(await response.text());
    expect(events.map((e) => e.type)).toContain("response.function_call_arguments.delta");
    expect(final.output[0]).toMatchObject({ type: "function_call", arguments: '{"city":"Paris"}' });
  });
});

if (nodeMajor >= 22) {
  sdkSuite("openai SDK v7 (Responses)", async () => (await import("openai7")).default as unknown as SDK);

  describe("the Vercel AI SDK, @ai-sdk/openai .responses()", () => {
    const model = async (id: string) => {
      const { createOpenAI } = await import("@ai-sdk/openai");
      return createOpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1` }).responses(id);
    };

    it("generateText", async () => {
      const { generateText } = await import("ai");
      const result = await generateText({ model: await model("openclaw"), system: "Be brief.", prompt: "hi ai" });
      expect(result.text).toBe("echo: hi ai");
    });

    it("streamText", async () => {
      const { streamText } = await import("ai");
      const result = streamText({ model: await model("openclaw"), prompt: "streamed words" });
      let text = "";
      for await (const part of result.textStream) text += part;
      expect(text).toBe("echo: streamed words");
      expect(await result.finishReason).toBe("stop");
    });
  });

  describe("the OpenAI Agents SDK", () => {
    it("runs one agent turn against the gateway", async () => {
      const { Agent, run, setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled } = await import("@openai/agents");
      const OpenAI7 = (await import("openai7")).default;
      setTracingDisabled(true);
      setOpenAIAPI("responses");
      setDefaultOpenAIClient(new OpenAI7({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 }) as never);
      const agent = new Agent({ name: "Echo", instructions: "Repeat.", model: "openclaw" });
      const result = await run(agent, "agents say hi");
      expect(result.finalOutput).toBe("echo: agents say hi");
    });
  });
} else {
  it.skip(
    `openai SDK v7, the Vercel AI SDK and the Agents SDK need Node 22+ (this is Node ${process.versions.node}); CI runs them on the Node 24 leg`,
  );
}
