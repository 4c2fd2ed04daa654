import type { ServerResponse } from "node:http";
import type { Request, RequestHandler } from "express";
import type { AgentEvent, RunAgent } from "./types.js";

/**
 * How an agent run ended: by itself (`completed`), with an error (`failed`: an error answer or
 * an error event), because its client left or cancelled it (`aborted_by_client`), or because a
 * drain ended it at the end of the shutdown grace (`ended_by_shutdown`).
 */
export type RunOutcome = "completed" | "failed" | "aborted_by_client" | "ended_by_shutdown";

/** What the host is told when an HTTP request ends. */
export interface RequestFinishedEvent {
  /**
   * The template of the route that answered (`/v1/chat/completions`, `/v1/models/*model`, a
   * host's `/healthz`), or `"other"` when no route matched: never the request's own path, so
   * the set of values is the host's routes.
   */
  route: string;
  /** The status sent, or 0 when the client left before anything was sent. */
  status: number;
  /** From the request's arrival to its end. */
  seconds: number;
}

/**
 * Hooks a host implements to count what the server does (requests, streams, runs, tokens,
 * failed auth), e.g. as Prometheus metrics, without this package depending on any metrics
 * library. Every hook is optional and called synchronously where the event happens; it must be
 * cheap and must not throw.
 *
 * Where each is called from, so that every door sharing these pieces is counted alike:
 * - `requestFinished`, `streamOpened`, `streamClosed`: {@link observeRequests}, a middleware the
 *   host mounts first, so every route (this package's and the host's own) is seen;
 * - `runEnded`: {@link InFlightRuns}, where every transport registers its runs;
 * - `tokens`: {@link observeAgent}, a wrapper of the host's {@link RunAgent};
 * - `authFailed`, `authLockout`: the {@link AuthGate} every door checks secrets with.
 */
export interface ServerObserver {
  requestFinished?(event: RequestFinishedEvent): void;
  /** A streamed answer (`text/event-stream`) sent its headers: it is open from now. */
  streamOpened?(event: { route: string; firstByteSeconds: number }): void;
  /** An open stream ended, finished or cut. */
  streamClosed?(event: { route: string }): void;
  /** An agent run ended. `door` is the transport it came through (`http`, `websocket`). */
  runEnded?(event: { agentId: string; door: string; outcome: RunOutcome }): void;
  /** A run's `done` event reported token counts. */
  tokens?(event: { agentId: string; input: number; output: number }): void;
  /** A wrong secret was presented at `door` (what the lockout counts). */
  authFailed?(event: { door: string }): void;
  /** A client was locked out, by its wrong secret at `door`. */
  authLockout?(event: { door: string }): void;
}

/**
 * Each route's template, for routers mounted at the root (how hosts mount this package's):
 * a route object is the host's, so this holds one string per route, and no request builds one.
 * Under a prefix, `req.baseUrl` is the request's own text (`/t/acme`, `/aPi`), so those
 * templates are built per request, never kept.
 */
const templates = new WeakMap<object, string>();

/** A route's own path, as its template writes it (several paths joined by `|`). */
const pathOf = (route: { path?: unknown }) => (Array.isArray(route.path) ? route.path.join("|") : String(route.path));

/** The matched route's template, with the prefix of the router it is mounted in. */
function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (!route) return "other";
  if (req.baseUrl) return `${req.baseUrl}${pathOf(route)}`;
  let template = templates.get(route);
  if (template === undefined) {
    template = pathOf(route);
    templates.set(route, template);
  }
  return template;
}

const isContentType = (name: unknown) => String(name).length === 12 && String(name).toLowerCase() === "content-type";

/** Whether the headers being written (or already set) say `text/event-stream`. */
function isEventStream(res: ServerResponse, args: unknown[]): boolean {
  let type: unknown = res.getHeader("content-type");
  for (const headers of args) {
    if (typeof headers !== "object" || headers === null) continue;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) if (isContentType(headers[i])) type = headers[i + 1];
    } else {
      for (const key in headers) if (isContentType(key)) type = (headers as Record<string, unknown>)[key];
    }
    break;
  }
  return typeof type === "string" && type.startsWith("text/event-stream");
}

/** What an {@link observeRequests} middleware keeps of a response it watches for a stream. */
interface Watched {
  observer: ServerObserver;
  req: Request;
  started: number;
  streaming: boolean;
  /** The next middleware watching the same response (a host may mount more than one). */
  next: Watched | undefined;
}

/** Where a watched response keeps its {@link Watched}: one symbol for every middleware. */
const WATCHED = Symbol("observeRequests.watched");
type WatchedResponse = ServerResponse & { [WATCHED]?: Watched };

/** The prototypes whose `writeHead` is hooked; each is hooked once in the process. */
const hooked = new WeakSet<object>();

/** Each response prototype's {@link writeHeadOwner}, found once: prototypes are the host's few classes. */
const owners = new WeakMap<object, ServerResponse | null>();

/**
 * The prototype `res` inherits `writeHead` from (Node's `ServerResponse.prototype`, unless a
 * class overrides it), or undefined when nothing in its chain has one (a hand-made response).
 */
function writeHeadOwner(res: ServerResponse): ServerResponse | undefined {
  const first = Object.getPrototypeOf(res) as object | null;
  if (first === null) return undefined;
  let owner = owners.get(first);
  if (owner === undefined) {
    owner = null;
    for (let proto: object | null = first; proto !== null; proto = Object.getPrototypeOf(proto)) {
      if (Object.hasOwn(proto, "writeHead")) {
        owner = proto as ServerResponse;
        break;
      }
    }
    owners.set(first, owner);
  }
  return owner ?? undefined;
}

/**
 * Hooks `proto.writeHead` so each watched response reports its stream opening to every
 * middleware watching it. Once per prototype for the whole process, whatever the number of
 * middlewares (each response carries its observers), and not per response: with a wrapper
 * function stored on each response, every request survived every young-generation collection
 * (at one connection, megabytes promoted per collection and a 10 ms pause each; see
 * young-generation.test.ts). Unwatched responses pass straight through.
 */
function hookWriteHead(proto: ServerResponse): void {
  hooked.add(proto);
  const writeHead = proto.writeHead as (...args: unknown[]) => ServerResponse;
  proto.writeHead = function (this: WatchedResponse, ...args: unknown[]) {
    const result = writeHead.apply(this, args);
    for (let watched = this[WATCHED]; watched !== undefined; watched = watched.next) streamOpened(this, watched, args);
    return result;
  } as typeof proto.writeHead;
}

/** The one moment a stream starts is its writeHead (explicit, or implied by a first write). */
function streamOpened(res: ServerResponse, watched: Watched, args: unknown[]): void {
  if (watched.streaming || !isEventStream(res, args)) return;
  watched.streaming = true;
  watched.observer.streamOpened?.({
    route: routeOf(watched.req),
    firstByteSeconds: (performance.now() - watched.started) / 1000,
  });
}

/**
 * A middleware that reports every request to `observer` when it ends (route template, status,
 * duration) and every streamed answer when its headers go out and when it ends. Mount it
 * before any route (`app.use(observeRequests(observer))`), so the host's own routes and every
 * endpoint of this package are counted without each knowing about it. Streams are seen through
 * a hook on `writeHead` where responses inherit it, installed once per process (see the README).
 */
export function observeRequests(observer: ServerObserver): RequestHandler {
  const watchStreams = observer.streamOpened !== undefined || observer.streamClosed !== undefined;
  return (req, res: WatchedResponse, next) => {
    const watched: Watched = { observer, req, started: performance.now(), streaming: false, next: undefined };
    const proto = watchStreams ? writeHeadOwner(res) : undefined;
    if (proto) {
      if (!hooked.has(proto)) hookWriteHead(proto);
      watched.next = res[WATCHED];
      res[WATCHED] = watched;
    }
    // `on`, not `once`: a response closes once, and `once` wraps the listener per request.
    res.on("close", () => {
      const route = routeOf(req);
      if (watched.streaming) observer.streamClosed?.({ route });
      observer.requestFinished?.({
        route,
        status: res.headersSent ? res.statusCode : 0,
        seconds: (performance.now() - watched.started) / 1000,
      });
    });
    next();
  };
}

/**
 * Wraps the host's {@link RunAgent} so every run's token counts (its `done` event's `usage`)
 * reach `observer.tokens`, whichever door ran it. Wrap once and give the result to every door.
 * A pass-through iterator, not a generator: one `then` per event, no extra awaits.
 */
export function observeAgent(runAgent: RunAgent, observer: ServerObserver): RunAgent {
  const { tokens } = observer;
  if (!tokens) return runAgent;
  return (turn, context) => ({
    [Symbol.asyncIterator]() {
      const iterator = runAgent(turn, context)[Symbol.asyncIterator]();
      const tap = (result: IteratorResult<AgentEvent>) => {
        const event = result.done ? undefined : result.value;
        if (event?.type === "done" && event.usage) {
          tokens({
            agentId: turn.agentId,
            input: event.usage.prompt_tokens,
            output: event.usage.completion_tokens,
          });
        }
        return result;
      };
      return {
        next: () => iterator.next().then(tap),
        return: (value?: unknown) =>
          iterator.return ? iterator.return(value) : Promise.resolve({ done: true as const, value: undefined }),
        throw: (error?: unknown) => (iterator.throw ? iterator.throw(error) : Promise.reject(error)),
      };
    },
  });
}
