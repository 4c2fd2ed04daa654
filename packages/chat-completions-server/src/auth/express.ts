import type { RequestHandler, Response } from "express";
import { linger } from "../body.js";
import type { OpenAIError } from "../errors.js";
import { sendJson } from "../send.js";
import type { AuthGate } from "./gate.js";

/**
 * Answers a refused request and ends its connection: a client refused before its body was read
 * must not keep the connection (Node would keep reading a trickled body until its 300 s
 * `requestTimeout`). What the client still sends is read and discarded for at most `lingerMs`,
 * so the close cannot turn into a reset that destroys the answer.
 */
export function refuseAndClose(res: Response, error: OpenAIError, lingerMs: number): void {
  linger(res.req, lingerMs, true);
  sendJson(res, error.status, error.toJSON(), { ...error.headers, Connection: "close" });
}

/**
 * The Express door of an {@link AuthGate}: runs before anything reads the body. The right
 * secret goes on (without waiting for any store, when the client is exempt); anything else
 * is answered with `Connection: close`. A store failure that must not pass reaches Express as
 * `next(error)`. `door` names the door in the log and to the observer (a host guarding its own
 * routes with the same gate, say `/metrics`, gives its own name).
 *
 * @example
 * app.get("/metrics", authenticate(gate, 30_000, "metrics"), (req, res) => { ... });
 */
export function authenticate(gate: AuthGate, lingerMs: number, door = "http"): RequestHandler {
  return (req, res, next) => {
    const refused = gate.check(req, door, () => req.ip);
    if (refused === undefined) return next();
    if (!(refused instanceof Promise)) return refuseAndClose(res, refused, lingerMs);
    refused.then((error) => (error ? refuseAndClose(res, error, lingerMs) : next()), next);
  };
}
