// A loopback HTTP server that answers each request with the next reply of a script, and records
// when each arrived and whether its connection closed: for retries, timeouts and error classes.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server does with one request. */
export type Reply =
  /** A JSON answer. */
  | { status: number; headers?: Record<string, string>; body?: unknown }
  /** A 200 event stream with these frames; then its end, or (`hold`) nothing more until told. */
  | { sse: string[]; hold?: boolean }
  /** No answer at all, until the client gives up or the server closes. */
  | "hang"
  /** The connection is destroyed without an answer. */
  | "reset";

export interface Recorded {
  /** `performance.now()` when the request arrived. */
  at: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Whether its connection closed (the client gave up on it, or the answer ended). */
  closed: boolean;
}

/** A `chat.completion` answer with `content`. */
export const completion = (content = "ok") => ({
  status: 200,
  body: {
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1,
    model: "openclaw",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
  },
});

/** A `data:` frame of a chunk with `content`. */
export const chunkFrame = (content: string) =>
  `data: ${JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "openclaw",
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  })}\n\n`;

/** An OpenAI error answer with `status`, and `headers` (e.g. `retry-after-ms`). */
export const failure = (status: number, headers: Record<string, string> = {}, code: string | null = null) => ({
  status,
  headers,
  body: { error: { message: `failed with ${status}`, type: "api_error", param: null, code } },
});

/**
 * Starts the server. Request n (from 1) gets `replies[n - 1]` (the last reply once the script
 * ran out) and the header `x-request-id: req-<n>`.
 */
export async function startScripted(replies: Reply[]) {
  const requests: Recorded[] = [];
  const held = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const record: Recorded = {
      at: performance.now(),
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      closed: false,
    };
    requests.push(record);
    res.once("close", () => {
      record.closed = true;
      held.delete(res);
    });
    req.resume();
    const reply = replies[requests.length - 1] ?? replies.at(-1);
    if (reply === "reset") return void req.socket.destroy();
    res.setHeader("x-request-id", `req-${requests.length}`);
    if (reply === "hang" || reply === undefined) return void held.add(res);
    if ("sse" in reply) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const frame of reply.sse) res.write(frame);
      if (reply.hold) return void held.add(res);
      return void res.end();
    }
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Sends `frames` on every held answer, then ends it. */
    finish(frames: string[] = []) {
      for (const res of held) {
        for (const frame of frames) res.write(frame);
        res.end();
      }
    },
    /** Cuts every held connection mid-answer. */
    breakHeld() {
      for (const res of held) res.socket?.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Scripted = Awaited<ReturnType<typeof startScripted>>;
