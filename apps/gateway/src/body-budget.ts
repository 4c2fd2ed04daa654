import { sendError, serverBusy } from "@openclaw/chat-completions-server";
import type { RequestHandler } from "express";

/**
 * A per-process budget of request-body bytes in flight (`gateway.http.maxBodyBytesInFlight`).
 * Each request with a body reserves its declared `Content-Length` (or `maxBodyBytes` when it
 * declares none: chunked) before a byte is read, and frees it when its response closes: the
 * body, its parsed JSON and the strings taken from it live that long. A request that would
 * pass the budget is 503 `server_busy` with `Retry-After`, unread. One request larger than the
 * whole budget is let through alone (when nothing else is in flight), so the budget never
 * refuses what `maxBodyBytes` allows; `maxBodyBytes` still bounds it.
 */
export function bodyBudget(maxBytesInFlight: number, maxBodyBytes: number): RequestHandler {
  let inFlight = 0;
  return (req, res, next) => {
    const declared = req.headers["content-length"];
    const chunked = req.headers["transfer-encoding"] !== undefined;
    if (declared === undefined && !chunked) return next();
    // A declared length past maxBodyBytes is refused (413) by the body reader: reserve no more than that.
    const bytes = Math.min(declared === undefined ? maxBodyBytes : Number(declared) || 0, maxBodyBytes);
    if (bytes === 0) return next();
    if (inFlight > 0 && inFlight + bytes > maxBytesInFlight) {
      // Unread: the connection closes, so the body the client is sending is not kept either.
      res.set("Connection", "close");
      return sendError(res, serverBusy("Too many request bodies are in flight; try again shortly."));
    }
    inFlight += bytes;
    // `on`, not `once`: a response closes once, and `once` wraps the listener per request.
    res.on("close", () => {
      inFlight -= bytes;
    });
    next();
  };
}
