import type { Request, RequestHandler, Response } from "express";
import {
  invalidRequest,
  OpenAIError,
  previousResponseNotFound,
  responseChainTooLarge,
  responseNotFound,
  responsesStoreUnavailable,
  sendError,
} from "../errors.js";
import type { CheckedMedia, MediaPart } from "../media/policy.js";
import { responsesMediaParts } from "../media/responses.js";
import { abortedWith, type InFlightRuns, runAnswering } from "../runs.js";
import { selectAgent, selectSession } from "../select.js";
import { sendJson } from "../send.js";
import type { SseOptions } from "../sse.js";
import type { AgentDirectory, ConversationMessage, Logger, RunAgent } from "../types.js";
import { initialResponse, responseId } from "./output.js";
import { runToResponse, streamResponse, type TurnEnding } from "./stream.js";
import { type ReadInput, readInput, toResponsesTurn } from "./turn.js";
import type { CreateResponseRequest, ResponsesStore, StoredResponse } from "./types.js";

/** Default time a stored response is kept: 30 days. */
export const DEFAULT_RESPONSES_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Default bound of one stored response's conversation (its chain's history and its own turn). */
export const DEFAULT_MAX_STORED_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The ids this gateway makes (`resp_` and 32 hex digits); anything else cannot be stored here. */
const RESPONSE_ID = /^resp_[0-9a-f]{32}$/;
/** The scope of a response made without a persistent session (`user`, `x-openclaw-session-key`). */
const NO_SESSION = "none";

export interface ResponsesHandlerOptions {
  agents: AgentDirectory;
  runAgent: RunAgent;
  runs: InFlightRuns;
  store: ResponsesStore;
  ttlMs: number;
  maxStoredBytes: number;
  /** The host's load budget, for a chain before it is loaded; see `ResponsesOptions.reserveLoad`. */
  reserveLoad?(bytes: number, signal: AbortSignal): Promise<() => void>;
  stream: Omit<SseOptions, "signal">;
  logger: Logger;
  /** Maps (and logs) what the agent threw, as chat completions does. */
  toError(error: unknown, agentId: string): OpenAIError;
  /**
   * Checks the current turn's images and files by the router's media policy (chat completions',
   * unless the host gave the Responses API its own); throws the 400 of the first refused part.
   * Stops when `res` closes.
   */
  checkMedia(parts: readonly MediaPart[], res: Response): Promise<CheckedMedia[]>;
}

/** The handlers of `POST /v1/responses`, `GET`/`DELETE /v1/responses/{id}` and its `input_items`. */
export function responsesHandlers(
  options: ResponsesHandlerOptions,
): Record<"create" | "retrieve" | "remove" | "inputItems", RequestHandler> {
  const { agents, runAgent, runs, store, ttlMs, maxStoredBytes, logger } = options;

  /** A store call; its failure is a 503 the client may retry, never a half-done answer. */
  async function stored<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      logger.error({ err }, "responses store failed");
      throw responsesStoreUnavailable();
    }
  }

  const load = (id: string) => (RESPONSE_ID.test(id) ? stored(() => store.get(id)) : Promise.resolve(undefined));

  async function history(id: string, agentId: string, scope: string): Promise<ConversationMessage[]> {
    const previous = await load(id);
    // Another agent's or another session's response is not this caller's history: as unknown
    // as any other id, so a continuation cannot even tell that it exists. Records stored before
    // scopes were kept have none: they were made without a session ("none").
    if (!previous || previous.agentId !== agentId || (previous.scope ?? NO_SESSION) !== scope) {
      throw previousResponseNotFound(id);
    }
    return previous.conversation;
  }

  /**
   * Refuses, before the agent runs, a response whose record would be over `maxStoredBytes`
   * without its answer: the record as stored (the chain's history and the input, twice as
   * conversation and as items, and the echoed `instructions` and `tools`), so nothing is
   * stored that the store cannot read back. The error names the largest part.
   */
  function checkStoredSize(
    id: string,
    body: CreateResponseRequest,
    read: ReadInput,
    conversation: ConversationMessage[],
    previous: ConversationMessage[],
  ): void {
    const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));
    const record = { response: initialResponse(id, body), input: read.items, conversation };
    if (bytes(record) <= maxStoredBytes) return;
    const parts: [string, number][] = [
      ["previous_response_id", bytes(previous)],
      ["input", bytes(read.items)],
      ["instructions", bytes(body.instructions)],
      ["tools", bytes(body.tools)],
    ];
    const [param] = parts.reduce((largest, part) => (part[1] > largest[1] ? part : largest));
    throw responseChainTooLarge(maxStoredBytes, param);
  }

  /**
   * Reserves the chain's stored size of the host's load budget before it is loaded, so that
   * concurrent continuations of a large chain wait for room instead of each holding a copy.
   * Resolves the release, or undefined when the client left while waiting.
   */
  async function reserveChain(id: string, res: Response): Promise<(() => void) | undefined> {
    const { reserveLoad } = options;
    const size = store.size?.bind(store);
    if (!reserveLoad || !size || !RESPONSE_ID.test(id)) return () => {};
    const bytes = await stored(() => size(id));
    const left = new AbortController();
    const onClose = () => left.abort();
    res.once("close", onClose);
    try {
      return await reserveLoad(bytes, left.signal);
    } catch (error) {
      if (left.signal.aborted) return undefined;
      throw error;
    } finally {
      res.off("close", onClose);
    }
  }

  const create: RequestHandler = async (req, res) => {
    const previousId = (req.body as CreateResponseRequest).previous_response_id || undefined;
    const release = previousId ? await reserveChain(previousId, res) : () => {};
    if (!release) return; // the client left while waiting for room: nobody to answer
    try {
      await answer(req, res);
    } finally {
      // The chain is no longer held, however the request ended.
      release();
    }
  };

  /** Answers `POST /v1/responses` (its chain's memory reserved by {@link create}). */
  async function answer(req: Request, res: Response): Promise<void> {
    const body = req.body as CreateResponseRequest;
    const agentId = selectAgent(req.get("x-openclaw-agent-id"), body.model, agents);
    const chosen = selectSession(req.get("x-openclaw-session-key"), body.user, agentId);
    // The session a response belongs to: who may continue it (the key already names the agent).
    const scope = chosen.sessionKind === "ephemeral" ? NO_SESSION : chosen.sessionKey;
    // Named and shaped before anything is read or checked: a file id or URL is a 400 at once.
    const media = responsesMediaParts(body.input);
    const previousId = body.previous_response_id || undefined;
    const chained = previousId !== undefined;
    const previous = chained ? await history(previousId, agentId, scope) : [];
    const read = readInput(body.input, logger, media.length > 0 ? await options.checkMedia(media, res) : []);
    // A chain is the turn's whole conversation (as on OpenAI): the agent sees the chain and the
    // new input, and the persistent session is neither loaded nor appended to; it only scopes
    // the chain. Told to the agent by running the turn in a fresh ephemeral session.
    const session = chained ? selectSession(undefined, undefined, agentId) : chosen;
    const turn = toResponsesTurn(body, read, previous, agentId, session, logger);
    const keep = body.store !== false;
    // What is stored holds the media as placeholders: an image's bytes never count here.
    const conversation = [...previous, ...read.kept];
    const id = responseId();
    if (keep) checkStoredSize(id, body, read, conversation, previous);
    await runAnswering(runs, res, { agentId, door: "http" }, async (signal, failed) => {
      const ending: TurnEnding = {
        save: async (builder, response) => {
          if (!keep) return;
          const value: StoredResponse = {
            response,
            input: read.items,
            conversation: [...conversation, ...builder.answer()],
            agentId,
            scope,
          };
          await stored(() => store.put(id, value, ttlMs));
        },
        toError: (error) => {
          failed();
          return options.toError(error, agentId);
        },
      };
      try {
        if (body.stream) {
          // Spelled out, not `{ ...options.stream, signal }`: on Node 20, where every AbortSignal
          // has a map of its own, that spread made a new hidden class for every stream.
          const { keepAliveMs, slowReaderTimeoutMs } = options.stream;
          await streamResponse(res, runAgent, turn, id, body, { keepAliveMs, slowReaderTimeoutMs, signal }, ending);
          return;
        }
        const response = await runToResponse(runAgent, turn, id, body, signal, ending);
        if (response) return sendJson(res, 200, response);
        const stopped = abortedWith(signal);
        if (stopped && !res.headersSent) sendError(res, stopped);
      } catch (error) {
        // The store's 503 and the like are already answers; anything else is the agent's failure.
        throw error instanceof OpenAIError ? error : ending.toError(error);
      }
    });
  }

  const responseIdOf = (params: unknown) => String((params as { response_id?: unknown }).response_id ?? "");

  const retrieve: RequestHandler = async (req, res) => {
    const id = responseIdOf(req.params);
    const found = await load(id);
    if (!found) throw responseNotFound(id);
    sendJson(res, 200, found.response);
  };

  const remove: RequestHandler = async (req, res) => {
    const id = responseIdOf(req.params);
    const deleted = RESPONSE_ID.test(id) && (await stored(() => store.delete(id)));
    if (!deleted) throw responseNotFound(id);
    sendJson(res, 200, { id, object: "response.deleted", deleted: true });
  };

  const inputItems: RequestHandler = async (req, res) => {
    const id = responseIdOf(req.params);
    const query = req.query as Record<string, unknown>;
    const limit = query.limit === undefined ? 20 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw invalidRequest("Invalid request: 'limit' must be an integer from 1 to 100.", "limit");
    }
    const order = query.order ?? "desc";
    if (order !== "asc" && order !== "desc") {
      throw invalidRequest("Invalid request: 'order' must be 'asc' or 'desc'.", "order");
    }
    const found = await load(id);
    if (!found) throw responseNotFound(id);
    const items = order === "asc" ? found.input : [...found.input].reverse();
    let start = 0;
    if (query.after !== undefined) {
      const at = items.findIndex((item) => item.id === query.after);
      if (at < 0) throw invalidRequest("Invalid request: 'after' names no item of this response.", "after");
      start = at + 1;
    }
    const data = items.slice(start, start + limit);
    sendJson(res, 200, {
      object: "list",
      data,
      has_more: start + limit < items.length,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    });
  };

  return { create, retrieve, remove, inputItems };
}
