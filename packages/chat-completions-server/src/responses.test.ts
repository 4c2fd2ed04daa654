// The Responses API through real HTTP: every answer, event and error checked against the spec,
// the official openai SDK as the client where one is natural.
import { checkResponsesSse, readResponsesSse } from "@openclaw/contract-kit";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentError } from "./errors.js";
import { MemoryResponsesStore } from "./responses/store.js";
import type { ResponsesStore } from "./responses/types.js";
import { expectError, expectSchema, startServer, type TestServer, TOKEN } from "./test/harness.js";
import type { AgentTurn, RunAgent } from "./types.js";

const turns: AgentTurn[] = [];
/**
 * An agent that calls the client's `get_weather` tool when it is offered and not yet answered,
 * says what the tool answered once it is, fails on cue, and otherwise echoes.
 */
const runAgent: RunAgent = async function* (turn) {
  turns.push(turn);
  const last = turn.messages.at(-1);
  const text = typeof last?.content === "string" ? last.content : "";
  if (last?.role === "tool") {
    yield { type: "text", text: `The weather: ${text}` };
    yield { type: "done" };
    return;
  }
  if (turn.params.tools?.some((tool) => tool.type === "function" && tool.function.name === "get_weather")) {
    yield { type: "tool_call", index: 0, id: "call_w1", name: "get_weather", arguments: "" };
    yield { type: "tool_call", index: 0, arguments: '{"city":' };
    yield { type: "tool_call", index: 0, arguments: '"Paris"}' };
    yield { type: "done" };
    return;
  }
  if (text === "cut-short") {
    yield { type: "text", text: "and then" };
    yield { type: "done", finishReason: "length" };
    return;
  }
  if (text === "upstream-429") throw new AgentError("Upstream rate limit.", { status: 429 });
  if (text === "fail-midway") {
    yield { type: "text", text: "partial" };
    throw new AgentError("Upstream dropped the stream.", { status: 502 });
  }
  for (const word of ["echo:", ...text.split(" ")]) yield { type: "text", text: `${word} ` };
  yield { type: "done", usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 } };
};

let server: TestServer;
const store = new MemoryResponsesStore();
beforeAll(async () => {
  server = await startServer({ enabled: false, runAgent, responses: { enabled: true, store } });
});
afterAll(() => server.close());

const client = () => new OpenAI({ apiKey: TOKEN, baseURL: `${server.url}/v1`, maxRetries: 0 });
const post = (body: unknown, headers: Record<string, string> = {}, url = server.url) =>
  fetch(`${url}/v1/responses`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const get = (path: string, method = "GET") =>
  fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` } });

describe("POST /v1/responses", () => {
  it("answers a string input with a spec-valid response (openai SDK)", async () => {
    const response = await client().responses.create({ model: "openclaw", input: "hi there" });
    expectSchema("Response", response);
    expect(response.status).toBe("completed");
    expect(response.output_text).toBe("echo: hi there ");
    expect(response.usage?.total_tokens).toBe(6);
    expect(response.model).toBe("openclaw");
  });

  it("streams the event sequence the contract names (raw SSE, then the SDK's stream helper)", async () => {
    const raw = await readResponsesSse(await post({ model: "openclaw", input: "a b", stream: true }));
    expect(raw.text).toBe("echo: a b ");
    expect(raw.events.map((e) => e.type)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      ...Array(3).fill("response.output_text.delta"),
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    const stream = client().responses.stream({ model: "openclaw", input: "c d" });
    let deltas = "";
    stream.on("response.output_text.delta", (event) => {
      deltas += event.delta;
    });
    const final = await stream.finalResponse();
    expectSchema("Response", final);
    expect(deltas).toBe("echo: c d ");
    expect(final.output[0]).toMatchObject({ type: "message", content: [{ type: "output_text", text: "echo: c d " }] });
  });

  it("streams text deltas that JSON must escape as sent, each delta with the fields of every other event's order", async () => {
    const input = 'say "hi" \\ back\u2028slash \u00e9 \ud83d\ude00 </script>';
    const raw = await readResponsesSse(await post({ model: "openclaw", input, stream: true }));
    expect(raw.text).toBe(`echo: ${input} `);
    const deltas = raw.events.filter((event) => event.type === "response.output_text.delta");
    expect(deltas).toHaveLength(input.split(" ").length + 1);
    const item = raw.events.find((event) => event.type === "response.output_item.added")?.item as { id: string };
    for (const delta of deltas) {
      expect(Object.keys(delta)).toEqual([
        "type",
        "item_id",
        "output_index",
        "content_index",
        "delta",
        "logprobs",
        "sequence_number",
      ]);
      expect(delta).toMatchObject({ item_id: item.id, output_index: 0, content_index: 0, logprobs: [] });
    }
  });

  it("maps instructions, system/developer messages and the conversation into the agent's turn", async () => {
    turns.length = 0;
    // The shape the Vercel AI SDK sends: typed messages with parts, an assistant's as output_text.
    const response = await post({
      model: "openclaw/main",
      instructions: "Be brief.",
      input: [
        { role: "developer", content: "Speak French." },
        { role: "user", content: "one" },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "un", annotations: [] }] },
        { type: "message", role: "user", content: [{ type: "input_text", text: "two" }] },
      ],
    });
    expectSchema("Response", await response.json());
    expect(turns[0]?.system).toBe("Be brief.\n\nSpeak French.");
    expect(turns[0]?.messages).toEqual([
      { role: "user", content: "one" },
      { role: "assistant", content: "un" },
      { role: "user", content: [{ type: "text", text: "two" }] },
    ]);
  });

  it("continues a stored chain with previous_response_id; unknown, deleted and unstored ids are 404", async () => {
    const first = await client().responses.create({ model: "openclaw", input: "one" });
    turns.length = 0;
    const second = await client().responses.create({ model: "openclaw", input: "two", previous_response_id: first.id });
    expect(second.previous_response_id).toBe(first.id);
    expect(turns[0]?.messages).toEqual([
      { role: "user", content: "one" },
      { role: "assistant", content: "echo: one " },
      { role: "user", content: "two" },
    ]);
    const third = await client().responses.create({ model: "openclaw", input: "3", previous_response_id: second.id });
    expect(turns[1]?.messages).toHaveLength(5);

    const unstored = await client().responses.create({ model: "openclaw", input: "x", store: false });
    expect((await get(`/v1/responses/${unstored.id}`)).status).toBe(404);
    await get(`/v1/responses/${third.id}`, "DELETE");
    for (const id of ["resp_nope", unstored.id, third.id]) {
      const error = await expectError(await post({ model: "openclaw", input: "y", previous_response_id: id }), 404);
      expect(error).toMatchObject({ code: "previous_response_not_found", param: "previous_response_id" });
    }
    // Another agent's response is not this agent's history.
    const other = await expectError(
      await post({ model: "openclaw/beta", input: "y", previous_response_id: second.id }),
      404,
    );
    expect(other.code).toBe("previous_response_not_found");
  });

  it("answers previous_response_id without input (the chain as it stands); no input and no chain is 400", async () => {
    const first = await client().responses.create({ model: "openclaw", input: "one" });
    turns.length = 0;
    const answer = await post({ model: "openclaw", previous_response_id: first.id });
    expect(answer.status).toBe(200);
    expectSchema("Response", await answer.json());
    expect(turns[0]?.messages).toEqual([
      { role: "user", content: "one" },
      { role: "assistant", content: "echo: one " },
    ]);
    const none = await expectError(await post({ model: "openclaw" }), 400);
    expect(none.param).toBe("input");
  });

  it("echoes a function tool with parameters and strict, null when not given, as OpenAI's schema requires", async () => {
    const response = await client().responses.create({
      model: "openclaw",
      input: "x",
      tools: [{ type: "function", name: "f" } as OpenAI.Responses.FunctionTool, { type: "web_search" }],
    });
    expectSchema("Response", response);
    expect(response.tools).toEqual([
      { type: "function", name: "f", parameters: null, strict: null },
      { type: "web_search" },
    ]);
  });

  it("round-trips a function tool: function_call out, function_call_output back (openai SDK)", async () => {
    const tools = [
      {
        type: "function" as const,
        name: "get_weather",
        parameters: { type: "object", properties: { city: { type: "string" } } },
        strict: false,
      },
    ];
    const first = await client().responses.create({ model: "openclaw", input: "weather?", tools });
    expectSchema("Response", first);
    const call = first.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ type: "function_call", call_id: "call_w1", name: "get_weather" });
    expect(call?.type === "function_call" && JSON.parse(call.arguments)).toEqual({ city: "Paris" });
    turns.length = 0;
    const second = await client().responses.create({
      model: "openclaw",
      previous_response_id: first.id,
      input: [{ type: "function_call_output", call_id: "call_w1", output: "sunny" }],
    });
    expect(second.output_text).toBe("The weather: sunny");
    expect(turns[0]?.messages.slice(-2)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "call_w1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: "tool", tool_call_id: "call_w1", content: "sunny" },
    ]);
    const streamed = await readResponsesSse(await post({ model: "openclaw", input: "weather?", tools, stream: true }));
    expect(streamed.events.map((e) => e.type)).toContain("response.function_call_arguments.done");
  });

  it("accepts unknown fields and hosted tools, offering only function tools to the agent", async () => {
    turns.length = 0;
    const response = await post({
      model: "openclaw",
      input: [
        { type: "reasoning", id: "rs_1", summary: [] },
        { role: "user", content: "hi" },
      ],
      client_metadata: { agent: "codex" },
      store: false,
      include: ["reasoning.encrypted_content"],
      tools: [
        { type: "web_search" },
        { type: "namespace", name: "ns", tools: [] },
        { type: "function", name: "lookup", parameters: { type: "object" } },
      ],
    });
    expect(response.status).toBe(200);
    expectSchema("Response", await response.json());
    expect(turns[0]?.params.tools).toEqual([
      { type: "function", function: { name: "lookup", parameters: { type: "object" } } },
    ]);
  });

  it.each([
    [
      "a function_call_output without call_id",
      [{ type: "function_call_output", output: "x" }],
      "input[0].call_id",
      "is required",
    ],
    [
      "a function_call without call_id",
      [{ type: "function_call", name: "f", arguments: "{}" }],
      "input[0].call_id",
      "is required",
    ],
    [
      "a function_call_output with a number for call_id",
      [{ type: "function_call_output", call_id: 5, output: "x" }],
      "input[0].call_id",
      "must be string",
    ],
    ["a message without role", [{ type: "message", content: "x" }], "input[0].role", "is required"],
    ["an item without type or role", [{ content: "x" }], "input[0].role", "is required"],
    ["an item whose type is no string", [{ type: 5 }], "input[0].type", "must be string"],
    ["an item that is no object", ["x"], "input[0]", "must be object"],
  ])("names the field the client got wrong in the item it meant: %s", async (_, input, param, problem) => {
    const error = await expectError(await post({ model: "openclaw", input }), 400);
    expect(error).toMatchObject({ param, message: `Invalid request: '${param}' ${problem}.` });
  });

  it("refuses a tool without a type, and takes a tool type it does not know", async () => {
    const untyped = await expectError(await post({ model: "openclaw", input: "x", tools: [{}] }), 400);
    expect(untyped.param).toBe("tools[0].type");
    expect((await post({ model: "openclaw", input: "x", tools: [{ type: "web_search" }], store: false })).status).toBe(
      200,
    );
  });

  it("refuses a malformed function tool, background: true and an empty input with 400 and a param", async () => {
    const noName = await expectError(await post({ model: "openclaw", input: "x", tools: [{ type: "function" }] }), 400);
    expect(noName.param).toBe("tools[0].name");
    const badParams = await expectError(
      await post({ model: "openclaw", input: "x", tools: [{ type: "function", name: "f", parameters: "no" }] }),
      400,
    );
    expect(badParams.param).toBe("tools[0].parameters");
    const background = await expectError(await post({ model: "openclaw", input: "x", background: true }), 400);
    expect(background.param).toBe("background");
    const empty = await expectError(await post({ model: "openclaw", input: [] }), 400);
    expect(empty.param).toBe("input");
    const unknownAgent = await expectError(await post({ model: "gpt-4o", input: "x" }), 404);
    expect(unknownAgent.code).toBe("model_not_found");
  });

  it("ends a turn cut at its length limit as incomplete, streamed with response.incomplete", async () => {
    const plain = await client().responses.create({ model: "openclaw", input: "cut-short" });
    expectSchema("Response", plain);
    expect(plain).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" } });
    const streamed = await readResponsesSse(await post({ model: "openclaw", input: "cut-short", stream: true }));
    expect(streamed.events.at(-1)?.type).toBe("response.incomplete");
    expect(streamed.response.output[0]).toMatchObject({ status: "incomplete" });
  });

  it("answers an agent failure before the stream with its status, and after it with response.failed", async () => {
    const early = await expectError(await post({ model: "openclaw", input: "upstream-429", stream: true }), 429);
    expect(early.code).toBe("rate_limit_exceeded");
    const late = await readResponsesSse(await post({ model: "openclaw", input: "fail-midway", stream: true }));
    expect(late.response.status).toBe("failed");
    expect(late.response.error).toMatchObject({ message: "Upstream dropped the stream." });
  });
});

describe("the kit's Responses stream checker", () => {
  it("refuses streams that break the framing, the numbering or the state machine", async () => {
    const good = await (await post({ model: "openclaw", input: "a b", stream: true })).text();
    expect(() => checkResponsesSse(good)).not.toThrow();
    const frames = good.slice(0, -2).split("\n\n");
    /** Frames back into a stream, numbered 0, 1, 2… so only what the case breaks is wrong. */
    const stream = (list: string[]) =>
      `${list.map((frame, n) => frame.replace(/"sequence_number":\d+/, `"sequence_number":${n}`)).join("\n\n")}\n\n`;
    const [created = "", inProgress = "", added = "", partAdded = "", ...rest] = frames;
    const bad = {
      "a [DONE] at the end": `${good}data: [DONE]\n\n`,
      "no terminal event": stream(frames.slice(0, -1)),
      "an event line that is not its type": good.replace("event: response.in_progress", "event: response.created"),
      "a skipped sequence number": good.replace('"sequence_number":3', '"sequence_number":4'),
      "a delta before its content part": stream([
        created,
        inProgress,
        added,
        ...rest.slice(0, 1),
        partAdded,
        ...rest.slice(1),
      ]),
      "a second terminal event": stream([...frames, frames.at(-1) ?? ""]),
      "an item never done": stream(frames.filter((frame) => !frame.startsWith("event: response.output_item.done"))),
    };
    for (const [name, text] of Object.entries(bad)) expect(() => checkResponsesSse(text), name).toThrow();
  });
});

describe("GET/DELETE /v1/responses/{id} and input_items", () => {
  it("retrieves, lists input items a page at a time, and deletes", async () => {
    const created = await client().responses.create({
      model: "openclaw",
      input: [
        { role: "user", content: "a" },
        { role: "assistant", content: "b" },
        { role: "user", content: "c" },
      ],
    });
    const retrieved = await client().responses.retrieve(created.id);
    expectSchema("Response", retrieved);
    expect(retrieved.output_text).toBe("echo: c ");

    const page1 = await get(`/v1/responses/${created.id}/input_items?limit=2&order=asc`);
    const list1 = await page1.json();
    expectSchema("ResponseItemList", list1);
    expect(list1.has_more).toBe(true);
    const list2 = await (
      await get(`/v1/responses/${created.id}/input_items?limit=2&order=asc&after=${list1.last_id}`)
    ).json();
    expectSchema("ResponseItemList", list2);
    expect(list2.has_more).toBe(false);
    expect(
      [...list1.data, ...list2.data].map((item: { content: { text: string }[] }) => item.content[0]?.text),
    ).toEqual(["a", "b", "c"]);
    const sdkItems = await client().responses.inputItems.list(created.id);
    expect(sdkItems.data).toHaveLength(3);

    const deleted = await get(`/v1/responses/${created.id}`, "DELETE");
    expectSchema("ResponseDeleted", await deleted.json());
    const gone = await expectError(await get(`/v1/responses/${created.id}`), 404);
    expect(gone.code).toBe("response_not_found");
    await expectError(await get(`/v1/responses/${created.id}`, "DELETE"), 404);
    await expectError(await get(`/v1/responses/${created.id}/input_items`), 404);
    const wrongMethod = await expectError(await get("/v1/responses", "GET"), 405);
    expect(wrongMethod.code).toBe("method_not_allowed");
  });

  it("pages input_items to the end when the client's item ids repeat (openai SDK auto-pagination)", async () => {
    const input: OpenAI.Responses.ResponseInputItem[] = [
      { type: "function_call", id: "fc_dup", call_id: "c0", name: "f", arguments: "{}" },
    ];
    for (let i = 0; i < 12; i++)
      input.push({ type: "function_call_output", id: "fco_dup", call_id: "c0", output: `r${i}` });
    input.push({ role: "user", content: "go" });
    const created = await client().responses.create({ model: "openclaw", input });
    const seen: string[] = [];
    for await (const item of client().responses.inputItems.list(created.id, { limit: 5, order: "asc" })) {
      seen.push(item.id ?? "");
      if (seen.length > input.length) break;
    }
    expect(seen).toHaveLength(input.length);
    expect(new Set(seen).size).toBe(input.length);
    expect(seen.slice(0, 2)).toEqual(["fc_dup", "fco_dup"]);
  });

  it("needs the bearer token like every other door", async () => {
    const response = await fetch(`${server.url}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "openclaw", input: "x" }),
    });
    await expectError(response, 401);
    await expectError(await fetch(`${server.url}/v1/responses/resp_x`), 401);
  });
});

describe("the responses store", () => {
  it("fails cleanly with 503 store_unavailable, streamed or not", async () => {
    const broken: ResponsesStore = {
      get: () => Promise.reject(new Error("disk gone")),
      put: () => Promise.reject(new Error("disk gone")),
      delete: () => Promise.reject(new Error("disk gone")),
    };
    const other = await startServer({ enabled: false, runAgent, responses: { enabled: true, store: broken } });
    try {
      const plain = await expectError(await post({ model: "openclaw", input: "x" }, {}, other.url), 503);
      expect(plain.code).toBe("store_unavailable");
      const prev = await expectError(
        await post({ model: "openclaw", input: "x", previous_response_id: `resp_${"a".repeat(32)}` }, {}, other.url),
        503,
      );
      expect(prev.code).toBe("store_unavailable");
      const streamed = checkResponsesSse(
        await (await post({ model: "openclaw", input: "x", stream: true }, {}, other.url)).text(),
      );
      expect(streamed.response.error).toMatchObject({ code: "store_unavailable" });
      // Not stored: nothing to fail on.
      expect((await post({ model: "openclaw", input: "x", store: false }, {}, other.url)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("bounds what one stored response keeps: a chain over maxStoredBytes is 413 before the turn runs", async () => {
    const small = await startServer({
      enabled: false,
      runAgent,
      responses: { enabled: true, store: new MemoryResponsesStore(), maxStoredBytes: 200 },
    });
    try {
      turns.length = 0;
      const error = await expectError(await post({ model: "openclaw", input: "x".repeat(300) }, {}, small.url), 413);
      expect(error).toMatchObject({ code: "response_chain_too_large", param: "input" });
      expect(turns).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it("counts the whole record toward maxStoredBytes: large instructions or tools are 413 naming them", async () => {
    const small = await startServer({
      enabled: false,
      runAgent,
      responses: { enabled: true, store: new MemoryResponsesStore(), maxStoredBytes: 4096 },
    });
    try {
      turns.length = 0;
      const instructions = await expectError(
        await post({ model: "openclaw", input: "x", instructions: "i".repeat(5000) }, {}, small.url),
        413,
      );
      expect(instructions).toMatchObject({ code: "response_chain_too_large", param: "instructions" });
      const tool = { type: "function", name: "f", description: "d".repeat(5000) };
      const tools = await expectError(await post({ model: "openclaw", input: "x", tools: [tool] }, {}, small.url), 413);
      expect(tools).toMatchObject({ code: "response_chain_too_large", param: "tools" });
      expect(turns).toHaveLength(0);
      // Not stored, so not bounded.
      expect(
        (await post({ model: "openclaw", input: "x", instructions: "i".repeat(5000), store: false }, {}, small.url))
          .status,
      ).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe("request bodies nested deeper than maxJsonDepth", () => {
  /** A function tool whose JSON Schema `parameters` nest `levels` objects deep. */
  const deepTool = (levels: number) => {
    let schema = '{"type":"object"}';
    for (let i = 0; i < levels; i++) schema = `{"type":"object","properties":{"a":${schema}}}`;
    return `[{"type":"function","name":"f","parameters":${schema}}]`;
  };
  const raw = (url: string, path: string, text: string) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: text,
    });

  it("are 400 json_too_deep on both endpoints, streamed or not, before anything runs or is stored", async () => {
    const both = await startServer({ runAgent, responses: { enabled: true, store: new MemoryResponsesStore() } });
    try {
      turns.length = 0;
      for (const stream of [false, true]) {
        const body = `{"model":"openclaw","stream":${stream},"input":"x","tools":${deepTool(2000)}}`;
        const error = await expectError(await raw(both.url, "/v1/responses", body), 400);
        expect(error).toMatchObject({ code: "json_too_deep", param: null });
        expect(error.message).toMatch(/deeper than 128 levels/);
      }
      const chat = `{"model":"openclaw","messages":[{"role":"user","content":"x"}],"metadata":${"[".repeat(200)}${"]".repeat(200)}}`;
      expect((await expectError(await raw(both.url, "/v1/chat/completions", chat), 400)).code).toBe("json_too_deep");
      expect(turns).toHaveLength(0);
      // A real tool's schema (tens of levels) and brackets inside strings are fine, and stored.
      const fine = `{"model":"openclaw","input":"${"[{".repeat(500)}","tools":${deepTool(50)}}`;
      const answer = await raw(both.url, "/v1/responses", fine);
      expect(answer.status).toBe(200);
      const { id } = (await answer.json()) as { id: string };
      expect(
        (await fetch(`${both.url}/v1/responses/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(200);
    } finally {
      await both.close();
    }
  });
});

describe("enablement", () => {
  it("serves /v1/responses only when enabled (plain 404 otherwise), and /v1/models when either endpoint is", async () => {
    const chatOnly = await startServer({});
    try {
      expect((await post({ model: "openclaw", input: "x" }, {}, chatOnly.url)).status).toBe(404);
    } finally {
      await chatOnly.close();
    }
    const models = await get("/v1/models");
    expect(models.status).toBe(200);
    expect((await fetch(`${server.url}/v1/chat/completions`, { method: "POST" })).status).toBe(404);
  });
});
