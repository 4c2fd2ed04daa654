import type { ErrorRequestHandler } from "express";
import { internalError, invalidRequest, OpenAIError, sendError } from "./errors.js";
import type { Logger } from "./types.js";

/**
 * The Express error handler that answers any error with the OpenAI error body: an
 * {@link OpenAIError} as it is, a path Express could not decode as 400 `invalid_url`, anything
 * else as an opaque 500 (logged, never sent: no message, no stack). The router ends with it;
 * a host mounts it last on its app, so its own routes (static files, say) answer alike and
 * Express's HTML error page is never sent.
 *
 * @example
 * app.use(router);
 * app.use(answerErrors(logger));
 */
export function answerErrors(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof OpenAIError) return sendError(res, error);
    // Express could not decode a path parameter (`/v1/models/%E0%A4%A`): the client's mistake,
    // answered before auth as any malformed request is; the request log line is its only trace.
    if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
      return sendError(res, invalidRequest("The URL path is not valid percent-encoding.", null, "invalid_url"));
    }
    logger.error({ err: error }, "request failed");
    sendError(res, internalError());
  };
}
