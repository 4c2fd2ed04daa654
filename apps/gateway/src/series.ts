import type { RequestHandler } from "express";

/**
 * Middlewares run in order as one Express layer. Each `app.use` costs every request the
 * router's work for a layer (a path match, a parameters pass, closures); the gateway's front
 * door (metrics, request log, Host check, CORS) runs on every request, so it is one layer.
 * What `next` is given, what a middleware throws and what its promise rejects with are taken as
 * Express takes them from separate layers: nothing (or `"route"`, or any other falsy value) runs
 * the next middleware; an error skips the rest and goes to Express's error handlers
 * (`"router"` leaves the router). A middleware that answers and does not call `next` ends the
 * series.
 *
 * @example
 * app.use(series(requestLog(logger), hostGuard, cors));
 */
export function series(...handlers: RequestHandler[]): RequestHandler {
  if (handlers.length === 1) return handlers[0] as RequestHandler;
  return (req, res, next) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error && error !== "route") {
        next(error);
        return;
      }
      const handler = handlers[index++];
      if (handler === undefined) {
        next();
        return;
      }
      try {
        const result: unknown = handler(req, res, step);
        // As Express 5 does for an async middleware: its rejection is an error passed on.
        if (result instanceof Promise)
          result.then(undefined, (reason) => step(reason || new Error("Rejected promise")));
      } catch (thrown) {
        step(thrown);
      }
    };
    step();
  };
}
