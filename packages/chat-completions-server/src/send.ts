import type { Response } from "express";

/**
 * Writes `body` as the JSON answer. Straight to the socket rather than through `res.json`: an
 * answer to a POST is never cached, so Express's ETag (a SHA-1 of every body) and freshness
 * checks would be work for nothing on the hot path.
 */
export function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(json),
  });
  res.end(json);
}
