import type { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import type { Request, RequestHandler } from "express";
import getRawBody from "raw-body";
import { invalidRequest, payloadTooLarge, requestTimeout, unsupportedMediaType } from "./errors.js";

/**
 * Default deepest nesting of objects and arrays in a request body. A tool's JSON Schema is
 * rarely 20 deep; a few thousand levels would overflow the stack of the code that copies a request.
 */
export const DEFAULT_MAX_JSON_DEPTH = 128;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/** `application/json`, any case, with or without parameters: what `req.is` matched, without parsing. */
const JSON_MEDIA_TYPE = /^application\/json[ \t]*(?:;|$)/i;

/**
 * Reads and discards the rest of a refused body for at most `timeoutMs`, then drops the
 * connection. Closing at once would make the kernel answer the client's unread bytes with a
 * reset, which can destroy our answer before the client reads it; discarding costs no memory.
 *
 * `close`: the answer says `Connection: close`. Node would destroy the socket as soon as the
 * answer is written; instead its sending side is closed (the client reads the answer and an
 * end of stream) and the connection dropped once the body has ended, or at `timeoutMs`.
 */
export function linger(req: IncomingMessage, timeoutMs: number, close = false): void {
  const socket = req.socket;
  // The body is all in: nothing unread can turn the close into a reset.
  if (close && req.complete) return;
  const timer = setTimeout(() => socket.destroy(), timeoutMs);
  const stop = () => clearTimeout(timer);
  if (close) {
    socket.destroySoon = () => socket.end();
    req.once("end", () => {
      stop();
      Socket.prototype.destroySoon.call(socket);
    });
  } else req.once("end", stop);
  socket.once("close", stop);
  req.resume();
}

/**
 * Whether the JSON text nests objects and arrays deeper than `maxDepth`. A linear scan with a
 * counter, no recursion, so it cannot itself overflow: run before `JSON.parse`, it keeps values
 * that would crash the recursive code after it (`structuredClone`, `JSON.stringify`, the
 * validator) from ever being parsed. Brackets inside strings do not count.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character (\" or \\)
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function hasBody(req: Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/**
 * Reads and parses the JSON body within `maxBodyBytes` and `timeoutMs`. Unlike express.json,
 * which reads an oversized body to its end before answering, this stops reading at the limit
 * and answers with `Connection: close`, so a huge or endless body costs neither memory nor time.
 * A body nesting objects and arrays deeper than `maxJsonDepth` is a 400 before it is parsed.
 */
export function jsonBody(
  maxBodyBytes: number,
  timeoutMs: number,
  maxJsonDepth = DEFAULT_MAX_JSON_DEPTH,
): RequestHandler {
  return (req, _res, next) => {
    if (!hasBody(req)) {
      return next(invalidRequest("The request body is empty; send a JSON object with `model` and `messages`."));
    }
    if (!JSON_MEDIA_TYPE.test(req.headers["content-type"] ?? "")) {
      return next(unsupportedMediaType(req.headers["content-type"]));
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers["content-type"] ?? "")?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
      return next(unsupportedMediaType(req.headers["content-type"]));
    }
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding !== "identity")
      return next(unsupportedMediaType(`${req.headers["content-type"]} (${encoding})`));

    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error && !req.readableFlowing) req.pause();
      next(error);
    };
    const timer = setTimeout(() => finish(requestTimeout()), timeoutMs);
    getRawBody(req, { length: req.headers["content-length"], limit: maxBodyBytes }).then(
      (bytes) => {
        let text: string;
        try {
          // Fatal: invalid UTF-8 is refused, not silently turned into U+FFFD. A BOM is ignored.
          text = utf8.decode(bytes);
        } catch {
          return finish(invalidRequest("The request body is not valid UTF-8.", null, "invalid_json"));
        }
        if (nestsDeeperThan(text, maxJsonDepth)) {
          return finish(
            invalidRequest(
              `The request body nests JSON objects and arrays deeper than ${maxJsonDepth} levels.`,
              null,
              "json_too_deep",
            ),
          );
        }
        try {
          req.body = JSON.parse(text);
          finish();
        } catch {
          finish(invalidRequest("Could not parse the request body as JSON.", null, "invalid_json"));
        }
      },
      (error: { type?: string }) => {
        if (error.type === "entity.too.large") {
          linger(req, timeoutMs);
          finish(payloadTooLarge(maxBodyBytes));
        } else if (error.type === "request.aborted") finish(requestTimeout());
        else finish(invalidRequest("Could not read the request body.", null, "invalid_body"));
      },
    );
  };
}
