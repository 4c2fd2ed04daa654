// A real `ws` client for the gateway's WebSocket, recording every frame it receives.
import { TOKEN } from "@openclaw/contract-kit/gateway";
import { expect } from "vitest";
import WebSocket, { type ClientOptions } from "ws";

/** A frame from the gateway, as the client sees it. */
export interface Frame {
  type: string;
  id?: string;
  event?: { type: string; text?: string };
  error?: { message: string; type: string; param: string | null; code: string | null; status: number };
}

export interface Client {
  ws: WebSocket;
  /** Every frame received so far, in order. */
  frames: Frame[];
  /** Resolves with the close code once the connection is closed (1006: cut off without a close frame). */
  closed: Promise<number>;
  send(frame: unknown): void;
  /** The frames of run `id` so far. */
  of(id: string): Frame[];
}

/** Opens a WebSocket to the gateway at `url` (http://…) with the test secret; `options` go to `ws`. */
export async function connect(url: string, options: ClientOptions = {}): Promise<Client> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`, {
    ...options,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const frames: Frame[] = [];
  ws.on("message", (data) => frames.push(JSON.parse(data.toString()) as Frame));
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  ws.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
  return {
    ws,
    frames,
    closed,
    send: (frame) => ws.send(typeof frame === "string" ? frame : JSON.stringify(frame)),
    of: (id) => frames.filter((frame) => frame.id === id),
  };
}

/**
 * Tries an upgrade that should be refused: resolves with the status and the JSON body of the
 * answer, or `undefined` if the gateway upgraded after all (that connection is closed again).
 */
export function refusedUpgrade(
  url: string,
  secret = TOKEN,
): Promise<{ status: number; headers: Record<string, unknown>; body: unknown } | undefined> {
  const ws = new WebSocket(`${url.replace(/^http/, "ws")}/ws`, { headers: { authorization: `Bearer ${secret}` } });
  ws.on("error", () => {});
  return new Promise((resolve, reject) => {
    ws.once("open", () => {
      ws.close();
      resolve(undefined);
    });
    ws.once("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: JSON.parse(Buffer.concat(chunks).toString()),
        }),
      );
      res.on("error", reject);
    });
    ws.once("error", reject);
  });
}

/** Checks that `frame` is one the protocol defines: an event of a run, or a well-formed error. */
export function expectWellFormed(frame: Frame): void {
  expect(["agent.event", "agent.error", "error"]).toContain(frame.type);
  if (frame.type === "agent.event") {
    expect(typeof frame.id).toBe("string");
    expect(["text", "tool_call", "done"]).toContain(frame.event?.type);
    return;
  }
  if (frame.type === "agent.error") expect(typeof frame.id).toBe("string");
  else expect(frame.id).toBeUndefined();
  expect(frame.error).toEqual({
    message: expect.any(String),
    type: expect.any(String),
    param: frame.error?.param === null ? null : expect.any(String),
    code: expect.any(String),
    status: expect.any(Number),
  });
  expect(frame.error?.message.length).toBeLessThan(1000);
}

/** The text a finished run streamed; fails unless its last frame is its `done` event. */
export function runText(frames: Frame[]): string {
  expect(frames.at(-1)?.event?.type).toBe("done");
  return frames.map((frame) => frame.event?.text ?? "").join("");
}
