import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pino } from "pino";

export type Logger = pino.Logger;

/** Lines are written once this much is buffered, or {@link FLUSH_MS} after the first, whichever is first. */
const BATCH_BYTES = 4096;
/** How long a line may wait in the buffer: the log stays prompt when the gateway is idle. */
const FLUSH_MS = 100;

/**
 * Structured JSON logs on stdout, written asynchronously and in batches: a write per line (a
 * system call through libuv's thread pool each) cost more CPU than building the line. A line
 * waits at most {@link FLUSH_MS}. Call `logger.flush()` before exiting.
 */
export function createLogger(level: string): Logger {
  return pino(
    { level, base: { service: "openclaw-gateway" } },
    pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES, periodicFlush: FLUSH_MS }),
  );
}

const withoutQuery = (url: string) => {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
};

/**
 * One line per request when it ends: id, method, path (never the query), status, duration.
 * Headers and bodies are never logged, so neither secrets nor message text reach the log.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const id = randomUUID();
    res.setHeader("X-Request-Id", id);
    // `on`, not `once`: a response closes once, and `once` wraps the listener per request.
    res.on("close", () => {
      logger.info(
        {
          reqId: id,
          method: req.method,
          path: withoutQuery(req.originalUrl),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
          aborted: !res.writableFinished,
        },
        "request",
      );
    });
    next();
  };
}
