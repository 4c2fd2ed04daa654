// Images and files through the real gateway with the official openai SDK: what a vision model,
// a text-only model and the demo agent receive, what a session keeps (file and Redis), and that
// no config lets a remote image come from a private address.
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { dataUri, PNG, pdf } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import OpenAI from "openai";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, hasRedis, startRedis, stopRedis } from "./test/redis-server.js";

const PNG_URI = dataUri("image/png", PNG);
const PNG_B64 = PNG.toString("base64");
const imagePart = (url = PNG_URI) => ({ type: "image_url" as const, image_url: { url } });
const textPart = (text: string) => ({ type: "text" as const, text });
/** A Responses user message: text, then a PNG image. */
const responsesInput = (text: string, imageUrl = PNG_URI) => [
  {
    role: "user" as const,
    content: [
      { type: "input_text" as const, text },
      { type: "input_image" as const, image_url: imageUrl, detail: "auto" as const },
    ],
  },
];
const FILE_TEXT = "SECRET-LINE ".repeat(200);
const filePart = () => ({
  type: "file" as const,
  file: { filename: "a.txt", file_data: dataUri("text/plain", FILE_TEXT) },
});

/** An OpenAI-compatible upstream that records what it is sent and answers "ok". */
function fakeUpstream() {
  const seen: { messages: { role: string; content: unknown }[] }[] = [];
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: "u", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const part of req) raw += part;
    seen.push(JSON.parse(raw));
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(chunk({ role: "assistant", content: "ok" }));
    res.write(chunk({}, "stop"));
    res.end("data: [DONE]\n\n");
  });
  return { server, seen };
}

const config = (port: number, gateway: object = {}) =>
  baseConfig({
    gateway: {
      auth: { mode: "token", token: TOKEN },
      http: {
        endpoints: {
          chatCompletions: {
            enabled: true,
            // Allowlisted, and still refused: no config reaches a private address.
            images: { allowUrl: true, urlAllowlist: ["127.0.0.1", "localhost"] },
          },
          responses: { enabled: true, images: { allowUrl: true, urlAllowlist: ["127.0.0.1", "localhost"] } },
        },
      },
      ...gateway,
    },
    models: {
      providers: {
        up: {
          api: "openai-completions",
          baseUrl: `http://127.0.0.1:${port}/v1`,
          models: [{ id: "vision", input: ["text", "image"] }, { id: "plain" }],
        },
      },
    },
    agents: {
      list: [
        { id: "main", default: true, model: "demo/echo" },
        { id: "beta", model: "demo/recall" },
        { id: "seer", model: "up/vision" },
        { id: "blind", model: "up/plain" },
      ],
    },
  });

describe("media through the gateway", () => {
  const upstream = fakeUpstream();
  let gateway: RunningGateway;
  let client: OpenAI;
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.server.listen(0, "127.0.0.1", resolve));
    gateway = await startGateway(config((upstream.server.address() as AddressInfo).port));
    client = new OpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.stop();
    upstream.server.closeAllConnections();
    upstream.server.close();
  });

  it("gives a vision model the image as an OpenAI image part", async () => {
    const completion = await client.chat.completions.create({
      model: "openclaw/seer",
      messages: [{ role: "user", content: [textPart("what is this"), imagePart(dataUri("image/jpeg", PNG))] }],
    });
    expect(completion.choices[0]?.message.content).toBe("ok");
    expect(upstream.seen.at(-1)?.messages.at(-1)).toEqual({
      role: "user",
      // The sniffed type, not the declared one.
      content: [textPart("what is this"), { type: "image_url", image_url: { url: PNG_URI, detail: "auto" } }],
    });
  });

  it("gives a text-only model the text, and an image-only message as a sentence", async () => {
    await client.chat.completions.create({
      model: "openclaw/blind",
      messages: [{ role: "user", content: [textPart("what is this"), imagePart()] }],
    });
    expect(upstream.seen.at(-1)?.messages.at(-1)).toEqual({ role: "user", content: [textPart("what is this")] });
    await client.chat.completions.create({
      model: "openclaw/blind",
      messages: [{ role: "user", content: [imagePart()] }],
    });
    expect(upstream.seen.at(-1)?.messages.at(-1)).toEqual({
      role: "user",
      content: "User sent image(s) with no text.",
    });
  });

  it("the demo agent names what it got", async () => {
    const completion = await client.chat.completions.create({
      model: "openclaw",
      messages: [{ role: "user", content: [textPart("what is this"), imagePart()] }],
    });
    expect(completion.choices[0]?.message.content).toBe(`echo: what is this [image/png ${PNG.length} B]`);
  });

  it("gives the agent a file as untrusted text", async () => {
    const completion = await client.chat.completions.create({
      model: "openclaw/seer",
      messages: [
        {
          role: "user",
          content: [
            textPart("summarise"),
            { type: "file", file: { filename: "r.pdf", file_data: dataUri("application/pdf", pdf("Quarterly")) } },
          ],
        },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe("ok");
    const content = upstream.seen.at(-1)?.messages.at(-1)?.content as { type: string; text: string }[];
    expect(content[1]?.text).toMatch(
      /^<<<untrusted file [0-9a-f]+ "r\.pdf" \(application\/pdf, \d+ bytes\)[^\n]*\nQuarterly/,
    );
  });

  it("refuses a bad image with a 400 the SDK reads, naming the part", async () => {
    const error = await client.chat.completions
      .create({
        model: "openclaw",
        messages: [{ role: "user", content: [textPart("x"), imagePart("data:image/png;base64,%%%")] }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, code: "invalid_image_data", param: "messages[0].content[1].image_url" });
  });

  it("refuses an allowlisted loopback image URL: no config lifts the private-address block", async () => {
    const error = await client.chat.completions
      .create({ model: "openclaw", messages: [{ role: "user", content: [imagePart(`${gateway.url}/healthz`)] }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      code: "image_url_not_allowed",
      param: "messages[0].content[0].image_url",
    });
    expect((error as Error).message).toContain("loopback");
  });

  it("gives a vision model a Responses input_image as an image part, and stores no bytes (responses.create)", async () => {
    const response = await client.responses.create({
      model: "openclaw/seer",
      input: responsesInput("what is this", dataUri("image/jpeg", PNG)),
    });
    expect(response.output_text).toBe("ok");
    expect(upstream.seen.at(-1)?.messages.at(-1)).toEqual({
      role: "user",
      content: [textPart("what is this"), { type: "image_url", image_url: { url: PNG_URI, detail: "auto" } }],
    });
    const stored = readFileSync(join(gateway.stateDir, "responses", `${response.id}.json`), "utf8");
    expect(stored).toContain(`[image/png ${PNG.length} B]`);
    expect(stored).not.toContain("base64");
    expect(stored).not.toContain(PNG_B64.slice(0, 20));
  });

  it("the demo agent names a Responses image by its sniffed type", async () => {
    const response = await client.responses.create({
      model: "openclaw",
      input: responsesInput("what is this", dataUri("image/jpeg", PNG)),
    });
    expect(response.output_text).toBe(`echo: what is this [image/png ${PNG.length} B]`);
  });

  it("continues a Responses chain with the earlier image as a placeholder: the upstream never gets it again", async () => {
    const first = await client.responses.create({ model: "openclaw/seer", input: responsesInput("look") });
    await client.responses.create({ model: "openclaw/seer", previous_response_id: first.id, input: "and?" });
    expect(upstream.seen.at(-1)?.messages.slice(-3)).toEqual([
      { role: "user", content: [textPart("look"), textPart(`[image/png ${PNG.length} B]`)] },
      { role: "assistant", content: "ok" },
      { role: "user", content: "and?" },
    ]);
  });

  it("refuses a Responses image with a 400 the SDK reads, naming the part, and one by file_id", async () => {
    const bad = await client.responses
      .create({ model: "openclaw", input: responsesInput("x", "data:image/png;base64,%%%") })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect(bad).toMatchObject({ status: 400, code: "invalid_image_data", param: "input[0].content[1].image_url" });
    const byId = await client.responses
      .create({
        model: "openclaw",
        input: [{ role: "user", content: [{ type: "input_image", file_id: "file-abc", detail: "auto" }] }],
      })
      .catch((e: unknown) => e);
    expect(byId).toMatchObject({ status: 400, code: "invalid_image_data", param: "input[0].content[0].image_url" });
    expect((byId as Error).message).toContain("File ids are not supported");
  });

  it("refuses an allowlisted loopback Responses image URL (responses.images has its own fetcher)", async () => {
    const error = await client.responses
      .create({ model: "openclaw", input: responsesInput("x", `${gateway.url}/healthz`) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: "image_url_not_allowed", param: "input[0].content[1].image_url" });
    expect((error as Error).message).toContain("loopback");
  });

  it("keeps a placeholder, never the bytes, in the session file; re-sent history is not counted twice", async () => {
    const headers = { "x-openclaw-session-key": "media-file-session" };
    const first = [{ role: "user" as const, content: [textPart("look"), imagePart()] }];
    await client.chat.completions.create({ model: "openclaw/beta", messages: first }, { headers });
    // The client re-sends the whole history, image included, with a new message.
    const again = await client.chat.completions.create(
      {
        model: "openclaw/beta",
        messages: [...first, { role: "assistant", content: "recall: look" }, { role: "user", content: "and?" }],
      },
      { headers },
    );
    expect(again.choices[0]?.message.content).toBe(`recall: look [image/png ${PNG.length} B] | and?`);
    const dir = join(gateway.stateDir, "sessions");
    const stored = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    expect(stored).toContain(`[image/png ${PNG.length} B]`);
    expect(stored).not.toContain("base64");
    expect(stored).not.toContain(PNG_B64.slice(0, 20));
  });

  it("keeps a file's name, never its text, in the session file: later turns send upstream the placeholder", async () => {
    const headers = { "x-openclaw-session-key": "media-file-text-session" };
    await client.chat.completions.create(
      { model: "openclaw/seer", messages: [{ role: "user", content: [textPart("read"), filePart()] }] },
      { headers },
    );
    expect(JSON.stringify(upstream.seen.at(-1))).toContain("SECRET-LINE");
    await client.chat.completions.create(
      { model: "openclaw/seer", messages: [{ role: "user", content: "and now?" }] },
      { headers },
    );
    const later = JSON.stringify(upstream.seen.at(-1));
    expect(later).toContain("[file a.txt]");
    expect(later).not.toContain("SECRET-LINE");
    const dir = join(gateway.stateDir, "sessions");
    const stored = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    expect(stored).toContain("[file a.txt]");
    expect(stored).not.toContain("SECRET-LINE");
  });
});

describe.skipIf(!hasRedis)("media in a Redis session", () => {
  let redis: ChildProcess;
  let redisPort: number;
  let gateway: RunningGateway;
  const upstream = fakeUpstream();
  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    await new Promise<void>((resolve) => upstream.server.listen(0, "127.0.0.1", resolve));
    const port = (upstream.server.address() as AddressInfo).port;
    gateway = await startGateway(
      config(port, { store: { redis: { url: `redis://127.0.0.1:${redisPort}`, keyPrefix: "media:" } } }),
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    if (redis) await stopRedis(redis);
    upstream.server.close();
  });

  it("holds no base64 in the session list after the turn", async () => {
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const completion = await client.chat.completions.create(
      { model: "openclaw", messages: [{ role: "user", content: [textPart("what is this"), imagePart()] }] },
      { headers: { "x-openclaw-session-key": "media-redis-session" } },
    );
    expect(completion.choices[0]?.message.content).toBe(`echo: what is this [image/png ${PNG.length} B]`);
    const db = createClient({ url: `redis://127.0.0.1:${redisPort}` });
    await db.connect();
    try {
      const keys = await db.keys("media:session:*");
      expect(keys).toHaveLength(1);
      const items = (await db.lRange(keys[0] as string, 0, -1)).join("\n");
      expect(items).toContain(`[image/png ${PNG.length} B]`);
      expect(items).not.toContain("base64");
    } finally {
      await db.quit();
    }
  });

  it("holds no base64 in a stored response after a Responses turn with an image", async () => {
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    const response = await client.responses.create({ model: "openclaw", input: responsesInput("what is this") });
    expect(response.output_text).toBe(`echo: what is this [image/png ${PNG.length} B]`);
    const db = createClient({ url: `redis://127.0.0.1:${redisPort}` });
    await db.connect();
    try {
      const stored = await db.get(`media:response:${response.id}`);
      expect(stored).toContain(`[image/png ${PNG.length} B]`);
      expect(stored).not.toContain("base64");
      expect(stored).not.toContain(PNG_B64.slice(0, 20));
    } finally {
      await db.quit();
    }
  });

  it("holds no file's text in the session list after the turn", async () => {
    const client = new OpenAI({ apiKey: TOKEN, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await client.chat.completions.create(
      { model: "openclaw/seer", messages: [{ role: "user", content: [textPart("read"), filePart()] }] },
      { headers: { "x-openclaw-session-key": "media-redis-file-session" } },
    );
    const db = createClient({ url: `redis://127.0.0.1:${redisPort}` });
    await db.connect();
    try {
      const keys = await db.keys("media:session:*");
      const items = (await Promise.all(keys.map((key) => db.lRange(key, 0, -1)))).flat().join("\n");
      expect(items).toContain("[file a.txt]");
      expect(items).not.toContain("SECRET-LINE");
    } finally {
      await db.quit();
    }
  });
});
