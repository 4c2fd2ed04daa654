import { describe, expect, it } from "vitest";
import { APIConnectionError, createChatCompletionsClient } from "./index.js";

const chunk = (content: string) =>
  JSON.stringify({
    id: "chatcmpl-x",
    object: "chat.completion.chunk",
    created: 1,
    model: "openclaw",
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  });

/** A client whose fetch answers with `parts` as the SSE body, one body chunk per part. */
function streaming(parts: Uint8Array[]) {
  return createChatCompletionsClient({
    baseUrl: "http://stub",
    token: "t",
    fetch: async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      ),
  });
}

async function textOf(parts: Uint8Array[]) {
  const stream = await streaming(parts).chat.completions.create({ model: "openclaw", messages: [], stream: true });
  return stream.finalText();
}

const encode = (text: string) => new TextEncoder().encode(text);
const body = `: keep-alive\n\ndata: ${chunk("héllo ")}\n\n: keep-alive\n\ndata: ${chunk("wörld")}\n\ndata: [DONE]\n\n`;

describe("SSE parsing", () => {
  it("parses a frame split at every byte offset", async () => {
    const bytes = encode(body);
    for (let i = 0; i <= bytes.length; i++) {
      expect(await textOf([bytes.slice(0, i), bytes.slice(i)]), `split at ${i}`).toBe("héllo wörld");
    }
  });

  it("parses one byte at a time", async () => {
    expect(await textOf([...encode(body)].map((b) => Uint8Array.of(b)))).toBe("héllo wörld");
  });

  it("parses CRLF line endings", async () => {
    expect(await textOf([encode(body.replaceAll("\n", "\r\n"))])).toBe("héllo wörld");
  });

  it("joins multi-line data", async () => {
    const json = chunk("multi").replace(',"model"', '\ndata: ,"model"');
    expect(await textOf([encode(`data: ${json}\n\ndata: [DONE]\n\n`)])).toBe("multi");
  });

  it("throws APIConnectionError when the stream ends before [DONE]", async () => {
    await expect(textOf([encode(`data: ${chunk("cut")}\n\n`)])).rejects.toBeInstanceOf(APIConnectionError);
  });
});

describe("named events (the Responses stream)", () => {
  const event = (type: string, sequence: number, extra: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence, ...extra })}\n\n`;
  const responses = (parts: Uint8Array[]) =>
    createChatCompletionsClient({
      baseUrl: "http://stub",
      token: "t",
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (const part of parts) controller.enqueue(part);
              controller.close();
            },
          }),
          { headers: { "content-type": "text/event-stream" } },
        ),
    }).responses;
  // No [DONE]: the terminal event ends it, and nothing after it is read.
  const wire =
    `: keep-alive\n\n${event("response.output_text.delta", 0, { delta: "héllo ", item_id: "m", output_index: 0, content_index: 0 })}` +
    `${event("response.output_text.delta", 1, { delta: "wörld", item_id: "m", output_index: 0, content_index: 0 })}` +
    `${event("response.completed", 2, { response: { id: "resp_1", status: "completed" } })}` +
    `${event("response.output_text.delta", 3, { delta: "after the end" })}`;

  async function deltas(parts: Uint8Array[]) {
    let text = "";
    const stream = await responses(parts).create({ model: "openclaw", input: "x", stream: true });
    for await (const e of stream) if (e.type === "response.output_text.delta") text += e.delta;
    return text;
  }

  it("parses them split at every byte offset, and ends at the terminal event", async () => {
    const bytes = encode(wire);
    for (let i = 0; i <= bytes.length; i++) {
      expect(await deltas([bytes.slice(0, i), bytes.slice(i)]), `split at ${i}`).toBe("héllo wörld");
    }
  });

  it("throws APIConnectionError when the stream ends before a terminal event", async () => {
    await expect(deltas([encode(event("response.output_text.delta", 0, { delta: "cut" }))])).rejects.toBeInstanceOf(
      APIConnectionError,
    );
  });
});
