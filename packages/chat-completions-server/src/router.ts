import { type RequestHandler, type Response, Router } from "express";
import { answerErrors } from "./answer-errors.js";
import { authenticate } from "./auth/express.js";
import { type AuthGate, createAuthGate } from "./auth/gate.js";
import type { RateLimitOptions, RateLimitStoreFactory } from "./auth/limiter.js";
import type { AuthOptions } from "./auth/secret.js";
import { DEFAULT_MAX_JSON_DEPTH, jsonBody } from "./body.js";
import { runToCompletion } from "./completion.js";
import { AgentError, fromAgentError, methodNotAllowed, type OpenAIError, sendError } from "./errors.js";
import { chatMediaParts, withCheckedMedia } from "./media/chat.js";
import {
  checkMedia,
  DEFAULT_FILE_POLICY,
  DEFAULT_IMAGE_POLICY,
  type FilePolicy,
  type ImageFetcher,
  type ImagePolicy,
  type MediaPart,
  type MediaPolicy,
} from "./media/policy.js";
import { listModels, retrieveModel } from "./models.js";
import type { ServerObserver } from "./observer.js";
import {
  DEFAULT_MAX_STORED_RESPONSE_BYTES,
  DEFAULT_RESPONSES_TTL_MS,
  responsesHandlers,
} from "./responses/handlers.js";
import type { ResponsesStore } from "./responses/types.js";
import { abortedWith, InFlightRuns, runAnswering } from "./runs.js";
import { selectAgent, selectSession } from "./select.js";
import { sendJson } from "./send.js";
import { streamCompletion } from "./stream.js";
import { toAgentTurn } from "./turn.js";
import type { AgentDirectory, ChatCompletionRequest, Logger, RunAgent } from "./types.js";
import { createRequestValidator, validationErrorHandler, warmValidator } from "./validation.js";

/** The Responses API (`/v1/responses`), served through the same door as chat completions. */
export interface ResponsesOptions {
  /** Serve `/v1/responses`. Default false: its requests pass on, so the host's 404 answers. */
  enabled?: boolean;
  /** Where responses are stored (and read back for `previous_response_id`). */
  store: ResponsesStore;
  /** How long a stored response is kept. Default 30 days. */
  ttlMs?: number;
  /**
   * Largest record a stored response keeps before its answer (its chain's history, its own
   * input with images and files as placeholders, the echoed `instructions` and `tools`), in
   * bytes of JSON; a request over it is 413 `response_chain_too_large`. Default 16 MiB.
   */
  maxStoredBytes?: number;
  /**
   * Limits of `input_image` parts; see {@link DEFAULT_IMAGE_POLICY}. When none of `images`,
   * `files` and `fetchImage` is given here, `input_image`/`input_file` parts take the router's
   * (chat completions') media policy; when any is, these three alone make the Responses API's
   * (defaults for the rest, no fetcher unless given).
   */
  images?: Partial<ImagePolicy>;
  /** Limits of `input_file` parts; see {@link DEFAULT_FILE_POLICY}. */
  files?: Partial<FilePolicy>;
  /** Fetches `input_image` URLs; absent, remote image URLs are refused (`image_url_not_allowed`). */
  fetchImage?: ImageFetcher;
  /**
   * The host's memory budget for loaded history: called with a chain's stored size (from the
   * store's `size`) before `previous_response_id` loads it, and its result called once the
   * request ends. It may wait for room; it gets a signal that aborts when the client leaves.
   * Absent: chains load without waiting.
   */
  reserveLoad?(bytes: number, signal: AbortSignal): Promise<() => void>;
}

export interface ChatCompletionsRouterOptions {
  /**
   * Serve `POST /v1/chat/completions`. Default false: its requests pass on, so the host's 404
   * answers. `/v1/models` is served when this or `responses.enabled` is on.
   */
  enabled?: boolean;
  /** The Responses API; see {@link ResponsesOptions}. Default: not served. */
  responses?: ResponsesOptions;
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
  /**
   * Largest accepted request body, in bytes. Default 32 MiB: room for `images.maxTotalBytes`
   * (20 MiB) of images as base64 (about 27 MiB) and the rest of the request.
   */
  maxBodyBytes?: number;
  /**
   * Deepest nesting of objects and arrays a request body may have; deeper is 400
   * `json_too_deep` before it is parsed. Default {@link DEFAULT_MAX_JSON_DEPTH} (128).
   */
  maxJsonDepth?: number;
  /** Time allowed for the whole request body to arrive; slower is 408. Default 30 000 ms. */
  bodyTimeoutMs?: number;
  /** Interval of `: keep-alive` comments while a streamed agent is silent. Default 15 000 ms. */
  keepAliveMs?: number;
  /**
   * How long a stream may wait for a client that stopped reading (the socket's buffer full)
   * before its connection is cut and its run aborted. Default 30 000 ms.
   */
  slowReaderTimeoutMs?: number;
  /** Limits of image parts (`image_url`); see {@link DEFAULT_IMAGE_POLICY} for the defaults. */
  images?: Partial<ImagePolicy>;
  /** Limits of file parts (`file` with `file_data`); see {@link DEFAULT_FILE_POLICY} for the defaults. */
  files?: Partial<FilePolicy>;
  /**
   * Fetches `http(s)` image URLs (the host's network rules live in it). Absent: remote image
   * URLs are refused with `image_url_not_allowed`; only base64 data URIs are accepted.
   */
  fetchImage?: ImageFetcher;
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

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
export const DEFAULT_KEEP_ALIVE_MS = 15_000;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
export const DEFAULT_SLOW_READER_TIMEOUT_MS = 30_000;

const CHAT = "/v1/chat/completions";
const RESPONSES = "/v1/responses";
const RESPONSE = "/v1/responses/:response_id";
const RESPONSE_INPUT_ITEMS = "/v1/responses/:response_id/input_items";
const MODELS = "/v1/models";
const MODEL = "/v1/models/*model";

const WARM_CHAT = { model: "openclaw", messages: [{ role: "user", content: "warm-up" }] };
const WARM_RESPONSES = { model: "openclaw", input: "warm-up" };

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** The media policy of `limits` (the router's options, or the Responses API's), defaults filled in. */
const mediaPolicy = (limits: Pick<ChatCompletionsRouterOptions, "images" | "files" | "fetchImage">): MediaPolicy => ({
  images: { ...DEFAULT_IMAGE_POLICY, ...limits.images },
  files: { ...DEFAULT_FILE_POLICY, ...limits.files },
  fetchImage: limits.fetchImage,
});

/**
 * Builds the OpenAI-compatible router: `POST /v1/chat/completions`, `GET /v1/models`,
 * `GET /v1/models/{model}`, and with `responses` the Responses API (`/v1/responses`). Both
 * endpoints go through one door: the same auth gate, body reader, spec validation, agent
 * selection, run registry (abort on disconnect, drain) and SSE channel (keep-alive, slow
 * readers). Mount it at the root of an Express 5 app.
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
  const responses = options.responses?.enabled ? options.responses : undefined;
  if (!options.enabled && !responses) {
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
  const readBody = jsonBody(maxBodyBytes, bodyTimeoutMs, options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH);
  // One media policy for both endpoints; the Responses API has its own only when its host gives it other limits.
  const media = mediaPolicy(options);
  const responsesMedia =
    responses?.images || responses?.files || responses?.fetchImage ? mediaPolicy(responses) : media;

  const complete: RequestHandler = async (req, res) => {
    const body = req.body as ChatCompletionRequest;
    const agentId = selectAgent(req.get("x-openclaw-agent-id"), body.model, agents);
    const session = selectSession(req.get("x-openclaw-session-key"), body.user, agentId);
    const parts = chatMediaParts(body.messages);
    const messages = withCheckedMedia(body.messages, parts.length > 0 ? await checkMediaOf(parts, res, media) : []);
    const turn = toAgentTurn(messages === body.messages ? body : { ...body, messages }, agentId, session);
    await runAnswering(runs, res, { agentId, door: "http" }, async (signal, failed) => {
      try {
        if (body.stream) {
          await streamCompletion(res, runAgent, turn, {
            includeUsage: body.stream_options?.include_usage === true,
            keepAliveMs,
            slowReaderTimeoutMs,
            signal,
            toError: (error) => {
              failed();
              return logAgentError(error, agentId);
            },
          });
        } else {
          const completion = await runToCompletion(runAgent, turn, signal);
          if (completion) sendJson(res, 200, completion);
          else {
            const stopped = abortedWith(signal);
            if (stopped && !res.headersSent) sendError(res, stopped);
          }
        }
      } catch (error) {
        throw logAgentError(error, agentId);
      }
    });
  };

  /** Checks a request's media (either endpoint's); a remote fetch or a PDF stops when the client goes. */
  async function checkMediaOf(parts: readonly MediaPart[], res: Response, policy: MediaPolicy) {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    res.once("close", onClose);
    try {
      return await checkMedia(parts, policy, gone.signal);
    } finally {
      res.off("close", onClose);
    }
  }

  function logAgentError(error: unknown, agentId: string): OpenAIError {
    const mapped = fromAgentError(error);
    // An AgentError's message is for the client and may quote upstream (so user) text: the log
    // gets its status, code and cause instead, never the message.
    const detail = error instanceof AgentError ? { code: mapped.code, err: error.cause } : { err: error };
    logger.error({ ...detail, agentId, status: mapped.status }, "agent run failed");
    return mapped;
  }

  const warming: Promise<void>[] = [];
  /** The spec's validator for `path`'s POST body, compiled before the host listens. */
  const validatorFor = (path: string, sample: unknown) => {
    const validator = createRequestValidator(path);
    warming.push(warmValidator(validator, path, sample));
    return validator;
  };
  const only =
    (allow: string): RequestHandler =>
    (_req, _res, next) =>
      next(methodNotAllowed(allow));

  if (options.enabled) {
    router.post(CHAT, auth, readBody, validatorFor(CHAT, WARM_CHAT), complete);
    router.all(CHAT, only("POST"));
  }
  if (responses) {
    const handlers = responsesHandlers({
      agents,
      runAgent,
      runs,
      store: responses.store,
      ttlMs: responses.ttlMs ?? DEFAULT_RESPONSES_TTL_MS,
      maxStoredBytes: responses.maxStoredBytes ?? DEFAULT_MAX_STORED_RESPONSE_BYTES,
      reserveLoad: responses.reserveLoad,
      stream: { keepAliveMs, slowReaderTimeoutMs },
      logger,
      toError: logAgentError,
      checkMedia: (parts, res) => checkMediaOf(parts, res, responsesMedia),
    });
    router.post(RESPONSES, auth, readBody, validatorFor(RESPONSES, WARM_RESPONSES), handlers.create);
    router.all(RESPONSES, only("POST"));
    router.get(RESPONSE, auth, handlers.retrieve);
    router.delete(RESPONSE, auth, handlers.remove);
    router.all(RESPONSE, only("GET, DELETE"));
    router.get(RESPONSE_INPUT_ITEMS, auth, handlers.inputItems);
    router.all(RESPONSE_INPUT_ITEMS, only("GET"));
  }
  router.get(MODELS, auth, listModels(agents));
  router.get(MODEL, auth, retrieveModel(agents));
  router.all([MODELS, MODEL], only("GET"));
  router.use(validationErrorHandler, answerErrors(logger));

  let warm = false;
  // A failed warm-up only costs the first request its compile time; it must not crash the host.
  const ready = Promise.all(warming)
    .then(
      () => undefined,
      (err) => logger.warn({ err }, "validator warm-up failed"),
    )
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
