import type { RequestHandler } from "express";

/**
 * Middlewares run in order as one Express layer. Each `app.use` costs every request the
 * router's work for a layer (a path match, a parameters pass, closures); the gateway's front
 * door (metrics, request log, Host check, CORS) runs on every request, so it is one layer.
 * An error passed to `next`, or thrown, skips the rest and goes to Express's error handlers; a
 * middleware that answers and does not call `next` ends the series.
 *
 * @example
 * app.use(series(requestLog(logger), hostGuard, cors));
 */
export function series(...handlers: RequestHandler[]): RequestHandler {
  if (handlers.length === 1) return handlers[0] as RequestHandler;
  return (req, res, next) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) {
        next(error);
        return;
      }
      const handler = handlers[index++];
      if (handler === undefined) {
        next();
        return;
      }
      try {
        handler(req, res, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
