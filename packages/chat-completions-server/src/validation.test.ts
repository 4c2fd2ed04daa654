import { request as httpRequest } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as OpenApiValidator from "express-openapi-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatRequest, expectError, postChat, startServer, type TestServer, TOKEN } from "./test/harness.js";
import { toParam, VALIDATING_MIDDLEWARES, validatorOptions } from "./validation.js";
import { directValidator } from "./validator-direct.js";

const BODY_TIMEOUT_MS = 800;
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ maxBodyBytes: 64 * 1024, bodyTimeoutMs: BODY_TIMEOUT_MS });
});
afterAll(() => server.close());

describe("toParam", () => {
  it.each([
    ["/body/messages/0/role", "messages[0].role"],
    ["/body/temperature", "temperature"],
    ["/headers/x-openclaw-agent-id", "x-openclaw-agent-id"],
    ["/body", ""],
  ])("%s -> %s", (path, param) => expect(toParam(path)).toBe(param));
});

describe("the validator's middlewares", () => {
  // The router runs only these; were they renamed, it would fall back to running all of them.
  it("include the two that validate, by the names the router picks", () => {
    const names = OpenApiValidator.middleware({
      apiSpec: { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {} } as never,
      validateSecurity: false,
      fileUploader: false,
    }).map((middleware) => middleware.name);
    expect(names).toEqual(expect.arrayContaining([...VALIDATING_MIDDLEWARES]));
    expect(names).toHaveLength(VALIDATING_MIDDLEWARES.length + 2);
  });
});

describe("the direct validator's start-up guard", () => {
  const withParameter = (parameter: object) => {
    const options = validatorOptions();
    const document = options.apiSpec as unknown as { paths: Record<string, { post: { parameters: object[] } }> };
    const operation = document.paths["/v1/chat/completions"]?.post;
    operation?.parameters.push(parameter);
    return options;
  };
  const build = (options = validatorOptions()) =>
    directValidator(options, "POST", "/v1/chat/completions", "application/json");

  it("drives the compiled validators for our spec", async () => {
    expect(await build()).toBeTypeOf("function");
  });

  it.each([
    ["a query parameter", { name: "q", in: "query", schema: { type: "string" } }],
    ["an array header", { name: "x-list", in: "header", schema: { type: "array", items: { type: "string" } } }],
    ["a parameter with content", { name: "x-json", in: "header", content: { "application/json": { schema: {} } } }],
  ])("leaves %s to the stock middleware, whose mutator handles it", async (_name, parameter) => {
    expect(await build(withParameter(parameter))).toBeUndefined();
  });
});

describe("request validation", () => {
  const user = (content: unknown) => ({ role: "user", content });
  it.each([
    ["missing messages", { model: "openclaw" }, "messages", /required/],
    ["missing model", { messages: [user("hi")] }, "model", /required/],
    ["empty messages", { model: "openclaw", messages: [] }, "messages", /fewer than 1/],
    [
      "unknown role",
      chatRequest({ messages: [{ role: "robot", content: "x" }] }),
      "messages[0].role",
      /unsupported value "robot"/,
    ],
    ["missing role", chatRequest({ messages: [{ content: "x" }] }), "messages[0].role", /required/],
    ["user without content", chatRequest({ messages: [{ role: "user" }] }), "messages[0].content", /required/],
    ["content of a wrong type", chatRequest({ messages: [user(5)] }), "messages[0].content", /must be string or array/],
    [
      "unknown content part",
      chatRequest({ messages: [user([{ type: "video", url: "x" }])] }),
      "messages[0].content[0].type",
      /unsupported value/,
    ],
    [
      "tool message without tool_call_id",
      chatRequest({ messages: [{ role: "tool", content: "x" }] }),
      "messages[0].tool_call_id",
      /required/,
    ],
    ["temperature above 2", chatRequest({ temperature: 2.5 }), "temperature", /<= 2/],
    ["top_p as a string", chatRequest({ top_p: "high" }), "top_p", /must be number/],
    ["stream as a string", chatRequest({ stream: "yes" }), "stream", /boolean/],
    [
      "five stop sequences",
      chatRequest({ stop: ["a", "b", "c", "d", "e"] }),
      "stop",
      /^Invalid request: 'stop' must NOT have more than 4 items\.$/,
    ],
    ["a body that is an array", [chatRequest()], "", /object/],
  ])("%s: 400 naming the field", async (_name, body, param, message) => {
    const error = await expectError(await postChat(server.url, body), 400);
    expect(error.type).toBe("invalid_request_error");
    expect(error.param ?? "").toBe(param);
    expect(error.message).toMatch(message);
    expect(error.message.length).toBeLessThan(300);
  });

  it("accepts unknown properties, as OpenAI does", async () => {
    expect((await postChat(server.url, chatRequest({ some_future_field: { x: 1 } }))).status).toBe(200);
  });

  it("accepts every message role and content part", async () => {
    const body = chatRequest({
      messages: [
        { role: "developer", content: "d" },
        { role: "system", content: [{ type: "text", text: "s" }] },
        {
          role: "user",
          content: [
            { type: "text", text: "u" },
            { type: "image_url", image_url: { url: "data:image/png;base64,AAAA", detail: "low" } },
            { type: "input_audio", input_audio: { data: "AAAA", format: "wav" } },
            { type: "file", file: { filename: "a.txt", file_data: "AAAA" } },
          ],
        },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "c1", content: "42" },
        { role: "function", name: "f", content: "legacy" },
        { role: "assistant", content: [{ type: "refusal", refusal: "no" }] },
        { role: "user", content: "go on" },
      ],
    });
    expect((await postChat(server.url, body)).status).toBe(200);
  });
});

describe("malformed requests", () => {
  it("bad JSON: 400", async () => {
    expect(await expectError(await postChat(server.url, '{"model": "openclaw",'), 400)).toMatchObject({
      code: "invalid_json",
    });
  });

  it("an empty body: 400", async () => {
    await expectError(await postChat(server.url, ""), 400);
  });

  it.each([
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonx",
    "application/json-patch+json",
  ])("Content-Type %s: 415", async (contentType) => {
    await expectError(await postChat(server.url, JSON.stringify(chatRequest()), { "content-type": contentType }), 415);
  });

  it.each(["Application/JSON", "application/json ; charset=utf-8", "application/json;charset=utf8"])(
    "Content-Type %s: accepted",
    async (contentType) => {
      const response = await postChat(server.url, JSON.stringify(chatRequest()), { "content-type": contentType });
      expect(response.status).toBe(200);
    },
  );

  it("a body over maxBodyBytes: 413 at once, without reading the rest", async () => {
    const big = JSON.stringify(chatRequest({ padding: "x".repeat(200 * 1024) }));
    await expectError(await postChat(server.url, big), 413);
  });

  it("a chunked body over maxBodyBytes that never ends: 413 at once, the connection dropped after the body timeout", async () => {
    const { status, lingeredMs } = await new Promise<{ status: number; lingeredMs: number }>((resolve, reject) => {
      const url = new URL(`${server.url}/v1/chat/completions`);
      const req = httpRequest(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${TOKEN}`,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        },
      });
      let answered = false;
      req.on("response", (res) => {
        answered = true;
        const answeredAt = Date.now();
        res.resume();
        req.socket?.once("close", () => resolve({ status: res.statusCode ?? 0, lingeredMs: Date.now() - answeredAt }));
      });
      req.on("error", () => {});
      req.on("close", () => {
        if (!answered) reject(new Error("closed before an answer"));
      });
      req.write(`{"model":"openclaw","messages":[],"p":"`);
      // Well past the limit, and never ended: the server must answer without waiting for the end.
      const piece = "x".repeat(16 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && req.write(piece)) sent++;
        if (sent < 40) req.once("drain", pump);
      };
      pump();
    });
    expect(status).toBe(413);
    expect(lingeredMs).toBeGreaterThan(BODY_TIMEOUT_MS / 2);
    expect(lingeredMs).toBeLessThan(BODY_TIMEOUT_MS + 2000);
  });

  it.each(["GET", "PUT", "DELETE", "PATCH"])(
    "%s on the chat path: 405 with Allow: POST, before auth",
    async (method) => {
      const response = await fetch(`${server.url}/v1/chat/completions`, { method });
      expect(response.headers.get("allow")).toBe("POST");
      expect(await expectError(response, 405)).toMatchObject({ type: "invalid_request_error" });
    },
  );

  it("POST on /v1/models: 405 with Allow: GET", async () => {
    const response = await fetch(`${server.url}/v1/models`, { method: "POST" });
    expect(response.headers.get("allow")).toBe("GET");
    await expectError(response, 405);
  });

  it("still answers a good request afterwards", async () => {
    expect((await postChat(server.url, chatRequest())).status).toBe(200);
  });
});

describe("values a client chooses, Content-Type parameters first", () => {
  // A collection on demand, without --expose-gc on the whole run: exposed for one context, hidden again.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  setFlagsFromString("--no-expose-gc");
  const heapAfterGc = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  /** The charset spellings we accept, each with a parameter no request sent before. */
  const distinct = (i: number) =>
    [
      `application/json; v=${i}`,
      `application/json; charset=utf-8; v=${i}`,
      `application/json;charset=UTF-8;x-${i}=1`,
      `Application/JSON; charset="utf-8"; q=${i}`,
      `application/json ; charset=utf8 ; a=${i}; b=${i}`,
    ][i % 5] as string;
  /** 1,000 requests, 25 at a time, each answered with `status`. */
  const sendAll = async (send: (i: number) => Promise<Response>, status = 200) => {
    for (let i = 0; i < 1000; i += 25) {
      const batch = Array.from({ length: 25 }, async (_, j) => {
        const response = await send(i + j);
        expect(response.status).toBe(status);
        await response.arrayBuffer();
      });
      await Promise.all(batch);
    }
  };
  const plainRequest = () => postChat(server.url, chatRequest());
  /** Heap kept by 1,000 requests made by `send`, beyond what 1,000 plain ones keep. */
  const heapKeptBy = async (send: (i: number) => Promise<Response>, status?: number) => {
    await sendAll(plainRequest);
    const before = heapAfterGc();
    await sendAll(plainRequest);
    const plain = Math.max(heapAfterGc() - before, 0);
    await sendAll(send, status);
    return heapAfterGc() - before - plain;
  };

  // The validator library keys its compiled validators by the request's media type with its
  // parameters; each new parameter value used to compile and keep a new pair (~0.35 MB each).
  it("1,000 distinct parameter values cost no more heap than 1,000 plain requests", async () => {
    const kept = await heapKeptBy((i) => postChat(server.url, chatRequest(), { "content-type": distinct(i) }));
    expect(kept).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);

  // The same check for every other value a client chooses on this router (docs/reliability.md,
  // "Caches keyed by client input"): nothing may be compiled or kept per value.
  it.each([
    ["agent id headers", (i: number) => postChat(server.url, chatRequest(), { "x-openclaw-agent-id": `a-${i}` }), 404],
    [
      "session key headers",
      (i: number) => postChat(server.url, chatRequest(), { "x-openclaw-session-key": `s-${i}` }),
      200,
    ],
    ["user fields", (i: number) => postChat(server.url, chatRequest({ user: `u-${i}` })), 200],
    ["model names", (i: number) => postChat(server.url, chatRequest({ model: `openclaw:m-${i}` })), 404],
    [
      "model paths",
      (i: number) => fetch(`${server.url}/v1/models/m-${i}`, { headers: { authorization: `Bearer ${TOKEN}` } }),
      404,
    ],
  ])(
    "1,000 distinct %s cost no more heap than 1,000 plain requests",
    async (_name, send, status) => {
      expect(await heapKeptBy(send, status)).toBeLessThan(8 * 1024 * 1024);
    },
    120_000,
  );

  it.each(["application/json; charset=utf-16; v=1", 'application/json; v=1; charset="latin1"'])(
    "a charset other than UTF-8 stays 415, whatever else comes with it: %s",
    async (type) => {
      await expectError(await postChat(server.url, chatRequest(), { "content-type": type }), 415);
    },
  );
});

describe("encodings", () => {
  const raw = (bytes: Uint8Array<ArrayBuffer>, contentType = "application/json") =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": contentType },
      body: bytes,
    });
  const good = new TextEncoder().encode(JSON.stringify(chatRequest()));

  it("refuses invalid UTF-8 with 400 instead of replacing it", async () => {
    const json = JSON.stringify(chatRequest({ user: "XX" }));
    const bytes = new TextEncoder().encode(json);
    const at = json.indexOf("XX");
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    expect(await expectError(await raw(bytes), 400)).toMatchObject({ code: "invalid_json", message: /UTF-8/ });
  });

  it("ignores a UTF-8 byte order mark", async () => {
    expect((await raw(new Uint8Array([0xef, 0xbb, 0xbf, ...good]))).status).toBe(200);
  });

  it.each(["application/json; charset=utf-16", "application/json; charset=latin1"])(
    "refuses %s with 415",
    async (type) => {
      await expectError(await raw(good, type), 415);
    },
  );

  it("accepts an explicit charset=utf-8", async () => {
    expect((await raw(good, "application/json; charset=UTF-8")).status).toBe(200);
  });
});
