import { type ErrorRequestHandler, type RequestHandler, Router } from "express";
import { authenticate } from "./auth/express.js";
import { type AuthGate, createAuthGate } from "./auth/gate.js";
import type { RateLimitOptions, RateLimitStoreFactory } from "./auth/limiter.js";
import type { AuthOptions } from "./auth/secret.js";
import { jsonBody } from "./body.js";
import { runToCompletion } from "./completion.js";
import {
  AgentError,
  fromAgentError,
  internalError,
  invalidRequest,
  methodNotAllowed,
  OpenAIError,
  sendError,
} from "./errors.js";
import { listModels, retrieveModel } from "./models.js";
import type { ServerObserver } from "./observer.js";
import { abortedWith, InFlightRuns } from "./runs.js";
import { selectAgent, selectSession } from "./select.js";
import { sendJson } from "./send.js";
import { streamCompletion } from "./stream.js";
import { toAgentTurn } from "./turn.js";
import type { AgentDirectory, ChatCompletionRequest, Logger, RunAgent } from "./types.js";
import { createRequestValidator, validationErrorHandler, warmValidator } from "./validation.js";

export interface ChatCompletionsRouterOptions {
  /** Serve the endpoints. Default false: every request passes on, so the host's 404 answers. */
  enabled?: boolean;
  /**
   * The bearer secret, and the failed-auth lockout (`false` turns it off). Give this or
   * `authGate`.
   */
  auth?: AuthOptions & { rateLimit?: RateLimitOptions | false };
  /**
   * A gate the host shares with its other doors (see {@link createAuthGate}), so that one
   * lockout counts wrong secrets everywhere. Replaces `auth` and `rateLimitStore`.
   */
  authGate?: AuthGate;
  /** The agents that can be selected. */
  agents: AgentDirectory;
  /** Runs one agent turn; see {@link RunAgent}. */
  runAgent: RunAgent;
  /** Largest accepted request body, in bytes. Default 20 MiB. */
  maxBodyBytes?: number;
  /** Time allowed for the whole request body to arrive; slower is 408. Default 30 000 ms. */
  bodyTimeoutMs?: number;
  /** Interval of `: keep-alive` comments while a streamed agent is silent. Default 15 000 ms. */
  keepAliveMs?: number;
  /**
   * How long a stream may wait for a client that stopped reading (the socket's buffer full)
   * before its connection is cut and its run aborted. Default 30 000 ms.
   */
  slowReaderTimeoutMs?: number;
  /** Where errors and auth failures are logged. Default: nowhere. */
  logger?: Logger;
  /** Stores for the failed-auth limiter (e.g. Redis, to share counts between processes). Default: bounded memory. */
  rateLimitStore?: RateLimitStoreFactory;
  /**
   * Where runs are registered. Pass the instance your other transports (a WebSocket) register
   * their runs in, and {@link ChatCompletionsRouter.drain} ends theirs too. Default: the router's own.
   */
  runs?: InFlightRuns;
  /**
   * Told of failed auth and of how runs end, when the router makes its own gate and runs (a
   * host passing `authGate` and `runs` gives the observer to those). See {@link ServerObserver}.
   */
  observer?: ServerObserver;
}

/** The Express router, with what its host needs to know about it. */
export interface ChatCompletionsRouter extends Router {
  /** Resolves once the request validator is compiled; await it before listening. */
  readonly ready: Promise<void>;
  /**
   * Whether {@link ready} has resolved: the validator's warm-up is over (a failed warm-up is
   * logged, and the first request compiles it instead). For a readiness probe.
   */
  readonly warm: boolean;
  /** Agent runs in progress now (of every transport sharing {@link ChatCompletionsRouterOptions.runs}). */
  readonly activeRuns: number;
  /**
   * Drains for a shutdown: new runs get 503 `shutting_down`; the runs in progress have up to
   * `graceMs` to end by themselves, then the rest end cleanly with the shutting-down error (a
   * stream: one error event and `data: [DONE]`; a request not yet answered: 503). Resolves once
   * every run has ended. Runs of other transports sharing `runs` drain alike.
   */
  drain(graceMs: number): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
export const DEFAULT_KEEP_ALIVE_MS = 15_000;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
export const DEFAULT_SLOW_READER_TIMEOUT_MS = 30_000;

const CHAT = "/v1/chat/completions";
const MODELS = "/v1/models";
const MODEL = "/v1/models/*model";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Builds the OpenAI-compatible router: `POST /v1/chat/completions`, `GET /v1/models` and
 * `GET /v1/models/{model}`. Mount it at the root of an Express 5 app.
 *
 * @example
 * const app = express();
 * const router = createChatCompletionsRouter({
 *   enabled: true,
 *   auth: { mode: "token", token: process.env.OPENCLAW_GATEWAY_TOKEN },
 *   agents: { list: () => ["main"] },
 *   runAgent: async function* (turn) {
 *     yield { type: "text", text: "hello" };
 *     yield { type: "done" };
 *   },
 * });
 * app.use(router);
 * await router.ready;
 * app.listen(18789, "127.0.0.1");
 */
export function createChatCompletionsRouter(options: ChatCompletionsRouterOptions): ChatCompletionsRouter {
  const router = Router();
  const runs = options.runs ?? new InFlightRuns({ observer: options.observer });
  const drain = { value: (graceMs: number) => runs.drain(graceMs) };
  const activeRuns = { get: () => runs.size };
  if (!options.enabled) {
    return Object.defineProperties(router, {
      ready: { value: Promise.resolve() },
      warm: { value: true },
      activeRuns,
      drain,
    }) as ChatCompletionsRouter;
  }
  const { agents, runAgent } = options;
  const logger = options.logger ?? silent;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const keepAliveMs = options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
  const slowReaderTimeoutMs = options.slowReaderTimeoutMs ?? DEFAULT_SLOW_READER_TIMEOUT_MS;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const { auth: authOptions, rateLimitStore, observer } = options;
  const gate =
    options.authGate ?? (authOptions && createAuthGate({ auth: authOptions, rateLimitStore, logger, observer }));
  if (!gate) throw new TypeError("createChatCompletionsRouter needs `auth` or `authGate`");
  const auth = authenticate(gate, bodyTimeoutMs);
  const validator = createRequestValidator();

  const complete: RequestHandler = async (req, res) => {
    const body = req.body as ChatCompletionRequest;
    const agentId = selectAgent(req.get("x-openclaw-agent-id"), body.model, agents);
    const session = selectSession(req.get("x-openclaw-session-key"), body.user, agentId);
    const turn = toAgentTurn(body, agentId, session);
    const controller = runs.start({ agentId, door: "http" });
    let failed = false;
    const fail = (error: unknown) => {
      failed = true;
      return logAgentError(error, agentId);
    };
    const onClose = () => {
      if (!res.writableFinished) controller.abort();
    };
    res.once("close", onClose);
    try {
      if (body.stream) {
        await streamCompletion(res, runAgent, turn, {
          includeUsage: body.stream_options?.include_usage === true,
          keepAliveMs,
          slowReaderTimeoutMs,
          signal: controller.signal,
          toError: fail,
        });
      } else {
        const completion = await runToCompletion(runAgent, turn, controller.signal);
        if (completion) sendJson(res, 200, completion);
        else {
          const stopped = abortedWith(controller.signal);
          if (stopped && !res.headersSent) sendError(res, stopped);
        }
      }
    } catch (error) {
      throw fail(error);
    } finally {
      runs.end(controller, failed);
      res.off("close", onClose);
    }
  };

  function logAgentError(error: unknown, agentId: string): OpenAIError {
    const mapped = fromAgentError(error);
    // An AgentError's message is for the client and may quote upstream (so user) text: the log
    // gets its status, code and cause instead, never the message.
    const detail = error instanceof AgentError ? { code: mapped.code, err: error.cause } : { err: error };
    logger.error({ ...detail, agentId, status: mapped.status }, "agent run failed");
    return mapped;
  }

  const answerErrors: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof OpenAIError) return sendError(res, error);
    // Express could not decode a path parameter (`/v1/models/%E0%A4%A`): the client's mistake,
    // answered before auth as any malformed request is; the request log line is its only trace.
    if (error instanceof URIError && (error as { status?: unknown }).status === 400) {
      return sendError(res, invalidRequest("The URL path is not valid percent-encoding.", null, "invalid_url"));
    }
    logger.error({ err: error }, "chat completions request failed");
    sendError(res, internalError());
  };

  router.post(CHAT, auth, jsonBody(maxBodyBytes, bodyTimeoutMs), validator, complete);
  router.all(CHAT, (_req, _res, next) => next(methodNotAllowed("POST")));
  router.get(MODELS, auth, listModels(agents));
  router.get(MODEL, auth, retrieveModel(agents));
  router.all([MODELS, MODEL], (_req, _res, next) => next(methodNotAllowed("GET")));
  router.use(validationErrorHandler, answerErrors);

  let warm = false;
  // A failed warm-up only costs the first request its compile time; it must not crash the host.
  const ready = warmValidator(validator)
    .catch((err) => logger.warn({ err }, "validator warm-up failed"))
    .then(() => {
      warm = true;
    });
  return Object.defineProperties(router, {
    ready: { value: ready },
    warm: { get: () => warm },
    activeRuns,
    drain,
  }) as ChatCompletionsRouter;
}
