import { IncomingMessage, ServerResponse } from "node:http";
import type { Express } from "express";

/**
 * Request and response classes whose prototypes are the app's own `app.request` and
 * `app.response`, for `http.createServer`. Express otherwise gives every request and response
 * its prototype with `Object.setPrototypeOf` as it enters the app; V8 pays for that on every
 * request with a map transition whose bookkeeping survives into the old generation, so the
 * young-generation collections copy megabytes and pause for milliseconds. Objects born with
 * the right prototype make that call a no-op (expressjs/express#5998).
 *
 * The app's prototypes are replaced by the classes' prototypes, carrying the same properties
 * and the same chain (Express's request and response, then Node's), so `req.app`, `res.json`
 * and everything else behave as before. Only for an app that is the server's handler; a
 * sub-app mounted in it still sets its own prototypes.
 *
 * @example
 * const app = express();
 * app.use(createChatCompletionsRouter(options));
 * const server = http.createServer({ ...expressClasses(app), maxHeaderSize: 16_384 }, app);
 */
export function expressClasses(app: Express): {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
} {
  class Request extends IncomingMessage {}
  class Response extends ServerResponse {}
  adopt(Request.prototype, app.request);
  adopt(Response.prototype, app.response);
  app.request = Request.prototype as typeof app.request;
  app.response = Response.prototype as typeof app.response;
  return { IncomingMessage: Request, ServerResponse: Response as typeof ServerResponse };
}

/** Makes `target` a stand-in for `source`: its parent and its own properties. */
function adopt(target: object, source: object): void {
  Object.setPrototypeOf(target, Object.getPrototypeOf(source));
  Object.defineProperties(target, Object.getOwnPropertyDescriptors(source));
}
