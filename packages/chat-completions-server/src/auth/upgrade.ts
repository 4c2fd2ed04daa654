import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { OpenAIError } from "../errors.js";

/**
 * Answers an HTTP upgrade request (a WebSocket handshake) with `error` instead of `101`: its
 * status, its headers (`Retry-After`, `WWW-Authenticate`) and the OpenAI error body, then
 * closes the socket once the answer is written.
 *
 * @example
 * server.on("upgrade", async (req, socket, head) => {
 *   const refused = await gate.check(req, "websocket");
 *   if (refused) return refuseUpgrade(socket, refused);
 *   wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
 * });
 */
export function refuseUpgrade(socket: Duplex, error: OpenAIError): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(error.toJSON());
  const headers = {
    ...error.headers,
    Connection: "close",
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ""}\r\n${head}\r\n${body}`);
}
