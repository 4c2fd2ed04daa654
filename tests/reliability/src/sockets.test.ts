// Raw socket abuse against the real gateway CLI: it must keep serving others throughout.
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { baseConfig, type RunningGateway, reply, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BODY_TIMEOUT_MS = 1000;
const HEADERS_TIMEOUT_MS = 1500;

let gateway: RunningGateway;
let port: number;
beforeAll(async () => {
  gateway = await startGateway(
    baseConfig({
      gateway: {
        headersTimeoutMs: HEADERS_TIMEOUT_MS,
        // The 30 MB bodies below are past this limit (set here, not left to the 32 MiB default).
        http: {
          endpoints: {
            chatCompletions: { enabled: true, bodyTimeoutMs: BODY_TIMEOUT_MS, maxBodyBytes: 20 * 1024 * 1024 },
            responses: { enabled: true },
          },
        },
      },
    }),
  );
  port = Number(new URL(gateway.url).port);
});
afterAll(() => gateway.stop());

/** The gateway process's resident memory, from /proc. */
function rssBytes(): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${gateway.child.pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

/** A raw connection that collects what the server answers and when it closes. */
function rawConnection() {
  const socket: Socket = connect(port, "127.0.0.1");
  let received = "";
  socket.setEncoding("latin1");
  socket.on("data", (d) => (received += d));
  socket.on("error", () => {});
  const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now())));
  const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  /** Writes `piece` up to `times` times, honouring backpressure, until the server answers or closes. */
  const sendUntilAnswered = async (piece: string | Buffer, times: number) => {
    for (let i = 0; i < times && !socket.destroyed && received === ""; i++) {
      if (!socket.write(piece)) await Promise.race([new Promise((r) => socket.once("drain", r)), closed]);
    }
  };
  return { socket, connected, closed, received: () => received, sendUntilAnswered };
}

const head = (extra: string, path = "/v1/chat/completions") =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n${extra}`;

const stillServing = async () =>
  expect(await reply(gateway.url, { messages: [{ role: "user", content: "alive" }] })).toBe("echo: alive");

describe("raw socket abuse", () => {
  it("answers oversized headers with 431", async () => {
    const c = rawConnection();
    await c.connected;
    c.socket.write(head(`X-Padding: ${"a".repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`));
    await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 431/);
    await stillServing();
  });

  it("answers a body that never ends with 408 within the body timeout", async () => {
    const c = rawConnection();
    await c.connected;
    const started = Date.now();
    c.socket.write(`${head("Content-Length: 1000\r\n\r\n")}{"model":`);
    const closedAt = await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(c.received()).toContain('"code":"request_timeout"');
    expect(closedAt - started).toBeLessThan(BODY_TIMEOUT_MS + 2000);
    await stillServing();
  });

  it("refuses a 30 MB body with 413 at once, without spending memory on it or resetting the connection", async () => {
    const before = rssBytes();
    const c = rawConnection();
    await c.connected;
    const size = 30 * 1024 * 1024;
    c.socket.write(head(`Content-Length: ${size}\r\n\r\n`));
    const piece = Buffer.alloc(64 * 1024, 0x61);
    await c.sendUntilAnswered(piece, size / piece.length);
    const answered = Date.now();
    const closedAt = await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 413/);
    // The rest is read and discarded, not reset, until the body timeout; then the connection goes.
    expect(closedAt - answered).toBeLessThan(BODY_TIMEOUT_MS + 2000);
    expect(rssBytes() - before).toBeLessThan(15 * 1024 * 1024);
    await stillServing();
  });

  it("refuses a chunked 30 MB body with 413 once past the limit", async () => {
    const c = rawConnection();
    await c.connected;
    c.socket.write(head("Transfer-Encoding: chunked\r\n\r\n"));
    await c.sendUntilAnswered(`${(1024 * 1024).toString(16)}\r\n${"a".repeat(1024 * 1024)}\r\n`, 30);
    await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 413/);
    await stillServing();
  });

  it("gives /v1/responses the same door: 408 for a body that never ends, 413 for a 30 MB one", async () => {
    const slow = rawConnection();
    await slow.connected;
    slow.socket.write(`${head("Content-Length: 1000\r\n\r\n", "/v1/responses")}{"model":`);
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    const before = rssBytes();
    const big = rawConnection();
    await big.connected;
    const size = 30 * 1024 * 1024;
    big.socket.write(head(`Content-Length: ${size}\r\n\r\n`, "/v1/responses"));
    const piece = Buffer.alloc(64 * 1024, 0x61);
    await big.sendUntilAnswered(piece, size / piece.length);
    await big.closed;
    expect(big.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(rssBytes() - before).toBeLessThan(15 * 1024 * 1024);
    await stillServing();
  });

  it("drops a slowloris connection trickling its head, and serves others meanwhile", async () => {
    const c = rawConnection();
    await c.connected;
    const started = Date.now();
    const text = head("Content-Length: 2\r\n");
    let i = 0;
    const trickle = setInterval(() => {
      if (!c.socket.destroyed && i < text.length) c.socket.write(text[i++] ?? "");
    }, 100);
    await stillServing();
    const closedAt = await c.closed;
    clearInterval(trickle);
    expect(closedAt - started).toBeLessThan(HEADERS_TIMEOUT_MS + 2500);
    expect(i).toBeLessThan(text.length);
  });

  it("keeps serving with 1,000 half-open connections, and drops them after the header timeout", async () => {
    const connections = Array.from({ length: 1000 }, () => rawConnection());
    await Promise.all(connections.map((c) => c.connected));
    for (const c of connections) c.socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n");
    const started = Date.now();
    for (let i = 0; i < 10; i++) await stillServing();
    await Promise.all(connections.map((c) => c.closed));
    expect(Date.now() - started).toBeLessThan(HEADERS_TIMEOUT_MS + 4000);
    await stillServing();
  });
});
