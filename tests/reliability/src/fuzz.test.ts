// Generated and hostile input, against the server package alone (fast, thousands of cases) and
// through the real gateway CLI. On failure fast-check prints the seed; rerun with FUZZ_SEED=<seed>.
// FUZZ_RUNS multiplies the number of cases.
import { MemoryResponsesStore } from "@openclaw/chat-completions-server";
import {
  BMP,
  checkResponsesSse,
  checkSse,
  dataUri,
  expectCompletion,
  expectError,
  expectSchema,
  PNG,
  pngOfSize,
} from "@openclaw/contract-kit";
import { baseConfig, TOKEN as GATEWAY_TOKEN, type RunningGateway, startGateway } from "@openclaw/contract-kit/gateway";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUZZ_MEDIA_LIMITS, jsonContentType, mutations, validRequest } from "./requests.js";
import { post, startServerPackage, TOKEN } from "./servers.js";

const scale = Number(process.env.FUZZ_RUNS ?? 1);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (numRuns: number) => ({ numRuns: Math.ceil(numRuns * scale), seed, endOnFailure: true });

/** A valid request must get a 200 whose body or every chunk the spec accepts. */
async function expectServed(url: string, body: Record<string, unknown>, token?: string, contentType?: string) {
  const response = await post(url, JSON.stringify(body), { token, contentType });
  if (!body.stream) return void (await expectCompletion(response));
  expect(response.status).toBe(200);
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  expect(checkSse(await response.text(), { includeUsage }).errors).toEqual([]);
}

/** A mutated request must get a 4xx OpenAI error, never a 5xx, a hang or a crash. */
async function expectRefused(url: string, base: Record<string, unknown>, which: number, pick: number, token?: string) {
  const mutation = mutations[which];
  if (!mutation) throw new Error(`no mutation ${which}`);
  const raw = mutation(base, pick);
  // Half of them with Content-Type parameters no request sent before.
  const contentType = raw.contentType ?? (pick % 2 === 0 ? jsonContentType(pick) : undefined);
  const response = await post(url, raw.body, { token, contentType });
  expect(response.status, raw.name).toBeGreaterThanOrEqual(400);
  expect(response.status, raw.name).toBeLessThan(500);
  await expectError(response, response.status);
}

const mutation = () => fc.tuple(validRequest(), fc.nat(mutations.length - 1), fc.nat());
/** A valid request, and half the time a Content-Type with parameters no request sent before. */
const served = () =>
  fc.tuple(
    validRequest(),
    fc.option(fc.nat().map(jsonContentType), { freq: 2 }).map((type) => type ?? undefined),
  );

function heapAfterGc(): number {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) throw new Error("run with --expose-gc (tests/reliability/vitest.config.ts sets it)");
  gc();
  return process.memoryUsage().heapUsed;
}

describe("the server package alone", () => {
  let server: Awaited<ReturnType<typeof startServerPackage>>;
  let heapAtStart: number;
  beforeAll(async () => {
    server = await startServerPackage(FUZZ_MEDIA_LIMITS);
    await expectServed(server.url, { model: "openclaw", messages: [{ role: "user", content: "warm" }] });
    heapAtStart = heapAfterGc();
  });
  afterAll(() => server.close());

  it("serves every valid generated request with schema-valid answers", async () => {
    await fc.assert(
      fc.asyncProperty(served(), ([body, contentType]) => expectServed(server.url, body, undefined, contentType)),
      params(1500),
    );
  });

  it("answers every mutation with a 4xx OpenAI error", async () => {
    await fc.assert(
      fc.asyncProperty(mutation(), ([base, which, pick]) => expectRefused(server.url, base, which, pick)),
      params(2000),
    );
  });

  it("tries every mutation at least once", async () => {
    for (let which = 0; which < mutations.length; which++) {
      await expectRefused(server.url, { model: "openclaw", messages: [{ role: "user", content: "x" }] }, which, which);
    }
  });

  it("still serves a good request afterwards", async () => {
    await expectServed(server.url, { model: "openclaw", messages: [{ role: "user", content: "still here" }] });
  });

  // Thousands of made-up Content-Type parameters went by: nothing may be kept per value (the
  // validator once compiled and kept a new validator pair for each, ~0.35 MB apiece).
  it("keeps its heap flat across all of it", () => {
    expect(heapAfterGc() - heapAtStart).toBeLessThan(16 * 1024 * 1024);
  });
});

/** A valid Responses request: string or item input, optional settings, tools hosted or not. */
const validResponsesRequest = () =>
  fc.record(
    {
      model: fc.constantFrom("openclaw", "openclaw/main", "agent:beta"),
      input: fc.oneof(
        fc.string(),
        fc
          .array(
            fc.oneof(
              fc.record({ role: fc.constantFrom("user", "system", "developer"), content: fc.string() }),
              fc.record({
                type: fc.constant("message"),
                role: fc.constant("user"),
                content: fc.array(fc.record({ type: fc.constant("input_text"), text: fc.string() }), { minLength: 1 }),
              }),
              fc.record({ type: fc.constant("function_call_output"), call_id: fc.constant("c1"), output: fc.string() }),
              // Real media, which the media policy accepts (the hostile kinds are below).
              fc.record({
                role: fc.constant("user"),
                content: fc.constant([
                  { type: "input_text", text: "look" },
                  { type: "input_image", image_url: dataUri("image/png", PNG), detail: "original" },
                  { type: "input_file", file_data: dataUri("text/markdown", "# notes"), filename: "n.md" },
                ]),
              }),
            ),
            { maxLength: 3 },
          )
          // At least one message the agent can answer: system text alone is a 400.
          .map((items) => [...items, { role: "user", content: "go" }]),
      ),
      stream: fc.boolean(),
      store: fc.boolean(),
      instructions: fc.string(),
      temperature: fc.double({ min: 0, max: 2, noNaN: true }),
      tools: fc.array(
        fc.oneof(
          fc.record({ type: fc.constant("function"), name: fc.stringMatching(/^[a-z_]{1,20}$/) }),
          fc.record({ type: fc.constantFrom("web_search", "file_search", "namespace", "x-future") }),
        ),
        { maxLength: 3 },
      ),
      client_metadata: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    },
    { requiredKeys: ["model", "input"] },
  );

/** Any JSON value, or a valid request with one field replaced by any JSON value. */
const hostileResponsesBody = () =>
  fc.oneof(
    fc.jsonValue(),
    fc
      .tuple(
        validResponsesRequest(),
        fc.constantFrom(
          "model",
          "input",
          "tools",
          "tool_choice",
          "text",
          "store",
          "stream",
          "previous_response_id",
          "background",
          "metadata",
          "instructions",
        ),
        fc.jsonValue(),
      )
      .map(([body, key, value]) => ({ ...body, [key]: value })),
    fc.tuple(validResponsesRequest(), fc.jsonValue()).map(([body, item]) => ({ ...body, input: [item] })),
  );

/** `input_image` and `input_file` parts the media policy refuses, each a 400 naming the part. */
const hostileMediaParts = [
  ...[
    dataUri("image/bmp", BMP),
    dataUri("image/png", "plain text"),
    `data:image/png;base64,${PNG.toString("base64")}!`,
    "data:image/png,raw",
    "data:image/png;base64,",
    dataUri("image/png", pngOfSize(FUZZ_MEDIA_LIMITS.images.maxBytes + 1)),
    "https://example.com/a.png",
    "http://127.0.0.1/a.png",
    "file:///etc/passwd",
    "//x",
  ].map((image_url) => ({ type: "input_image", image_url })),
  { type: "input_image", file_id: "file-1" },
  { type: "input_image", image_url: null },
  ...[
    { file_id: "file-1" },
    { file_url: "https://example.com/a.pdf" },
    { file_data: "@@@" },
    { file_data: dataUri("application/zip", "PK\x03\x04\x14\x00") },
    { file_data: dataUri("image/png", PNG) },
    { file_data: "A".repeat(Math.ceil((FUZZ_MEDIA_LIMITS.files.maxBytes + 3) / 3) * 4), filename: "big.txt" },
    { filename: "a.txt" },
  ].map((fields) => ({ type: "input_file", ...fields })),
];

describe("the Responses door of the server package", () => {
  let server: Awaited<ReturnType<typeof startServerPackage>>;
  beforeAll(async () => {
    server = await startServerPackage({
      enabled: false,
      responses: { enabled: true, store: new MemoryResponsesStore() },
      ...FUZZ_MEDIA_LIMITS,
    });
  });
  afterAll(() => server.close());
  const send = (body: unknown) =>
    fetch(`${server.url}/v1/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("serves every valid generated request with a spec-valid response or stream", async () => {
    await fc.assert(
      fc.asyncProperty(validResponsesRequest(), async (body) => {
        const response = await send(body);
        expect(response.status, await response.clone().text()).toBe(200);
        if (body.stream) checkResponsesSse(await response.text());
        else expectSchema("Response", await response.json());
      }),
      params(300),
    );
  });

  it("answers any hostile body with a spec-valid 200 or a 4xx OpenAI error, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(hostileResponsesBody(), async (body) => {
        const response = await send(body);
        if (response.status === 200) {
          const text = await response.text();
          if (response.headers.get("content-type")?.startsWith("text/event-stream")) checkResponsesSse(text);
          else expectSchema("Response", JSON.parse(text));
          return;
        }
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        await expectError(response, response.status);
      }),
      params(600),
    );
  });

  it("refuses every hostile input_image and input_file with a 400 naming the part", async () => {
    await fc.assert(
      fc.asyncProperty(validResponsesRequest(), fc.constantFrom(...hostileMediaParts), async (body, part) => {
        const items = typeof body.input === "string" ? [{ role: "user", content: body.input }] : body.input;
        const input = [...items, { role: "user", content: [{ type: "input_text", text: "and" }, part] }];
        const response = await send({ ...body, input });
        const error = await expectError(response, 400);
        expect(error.param).toMatch(new RegExp(`^input\\[${items.length}\\]\\.content\\[1\\]`));
      }),
      params(150),
    );
  });
});

describe("through the gateway CLI", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    // A small heap: anything kept per request ends the process quickly instead of filling the machine.
    const config = baseConfig({
      gateway: { http: { endpoints: { chatCompletions: { enabled: true, ...FUZZ_MEDIA_LIMITS } } } },
    });
    gateway = await startGateway(config, { env: { NODE_OPTIONS: "--max-old-space-size=64" } });
  });
  afterAll(() => gateway.stop());

  it("serves valid generated requests and refuses mutations, then still serves", async () => {
    await fc.assert(
      fc.asyncProperty(served(), ([body, contentType]) => expectServed(gateway.url, body, GATEWAY_TOKEN, contentType)),
      params(200),
    );
    await fc.assert(
      fc.asyncProperty(mutation(), ([base, which, pick]) =>
        expectRefused(gateway.url, base, which, pick, GATEWAY_TOKEN),
      ),
      params(300),
    );
    await expectServed(
      gateway.url,
      { model: "openclaw", messages: [{ role: "user", content: "still here" }] },
      GATEWAY_TOKEN,
    );
    expect(gateway.child.exitCode).toBeNull();
  });
});
