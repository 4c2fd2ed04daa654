import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pino } from "pino";

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout, written asynchronously: a synchronous write per line costs a
 * syscall per request; asynchronous writes batch under load and stay prompt when idle. Call
 * `logger.flush()` before exiting.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "openclaw-gateway" } }, pino.destination({ dest: 1, sync: false }));
}

/**
 * One line per request when it ends: id, method, path (never the query), status, duration.
 * Headers and bodies are never logged, so neither secrets nor message text reach the log.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const id = randomUUID();
    res.setHeader("X-Request-Id", id);
    res.once("close", () => {
      logger.info(
        {
          reqId: id,
          method: req.method,
          path: req.originalUrl.split("?")[0],
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
