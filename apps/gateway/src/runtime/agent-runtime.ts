import {
  type AgentDirectory,
  AgentError,
  type AgentEvent,
  type AgentTurn,
  type ConversationMessage,
  type RunAgent,
  type ServerObserver,
  ToolCallAccumulator,
} from "@openclaw/chat-completions-server";
import type { Config } from "../config/schema.js";
import type { Logger } from "../logger.js";
import type { SessionStore } from "../store/types.js";
import { LoadBudget } from "./load-budget.js";
import { createProviders, type ModelProvider } from "./providers/index.js";

interface ResolvedAgent {
  id: string;
  provider: ModelProvider;
  model: string;
  systemPrompt?: string;
}

/** The turn's messages a persistent session has not seen: those after the last assistant message. */
export function newMessages(messages: ConversationMessage[]): ConversationMessage[] {
  const lastAssistant = messages.findLastIndex((m) => m.role === "assistant");
  return messages.slice(lastAssistant + 1);
}

/** A failed store read as the client sees it: retry later. */
function unavailable(error: unknown): never {
  throw new AgentError("The session store is unavailable; try again shortly.", {
    status: 503,
    code: "session_store_unavailable",
    cause: error,
  });
}

type DoneEvent = Extract<AgentEvent, { type: "done" }>;

/** What a turn needs of its runtime. */
interface TurnServices {
  sessions: SessionStore;
  /** Reserves the session's stored size of `session.maxLoadedBytes`; resolves its release. */
  reserve(sessionKey: string, signal: AbortSignal): Promise<() => void>;
  /** Appends the finished turn to its session. */
  store(
    agentId: string,
    sessionKey: string,
    added: ConversationMessage[],
    text: string,
    calls: ToolCallAccumulator,
  ): Promise<void>;
  observer?: Pick<ServerObserver, "tokens">;
}

const OVER: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

// biome-ignore lint/correctness/useYield: a turn that fails at its first `next()`, before any event.
async function* unknownAgent(agentId: string): AsyncGenerator<AgentEvent> {
  throw new AgentError(`Unknown agent '${agentId}'.`, { status: 404, code: "model_not_found" });
}

/**
 * One turn's events, from the provider's iterator to the caller's: a plain iterator rather than
 * an async generator, which would cost every event of every run a suspension, a resumption and
 * an await of what it yields on top of the provider's own promise. Each event is handed on as
 * the provider's own iterator result. A `next()` asked while another waits is answered after
 * it, in order, as a generator's is.
 *
 * A persistent turn loads its session at the first `next()`; the finished turn is stored before
 * `done` is handed on. The turn's share of `session.maxLoadedBytes` is released however it ends:
 * finished, failed, aborted or returned by its caller (even while it still waits to load).
 */
class TurnEvents implements AsyncIterableIterator<AgentEvent> {
  readonly #persistent: boolean;
  /** The request's messages the session has not seen. */
  readonly #added: ConversationMessage[];
  /** The reply, put together only for a session to store: an open ephemeral stream holds none of it. */
  #text = "";
  readonly #calls: ToolCallAccumulator | undefined;
  #done: DoneEvent = { type: "done" };
  /** The provider's events, once asked. */
  #events: AsyncIterator<AgentEvent> | undefined;
  /** The answer to the last `next()`, until it settles. */
  #pending: Promise<IteratorResult<AgentEvent>> | undefined;
  #release: (() => void) | undefined;
  /** The provider has no more events: it is not asked to return. */
  #finished = false;
  #over = false;
  readonly #onEvent = (result: IteratorResult<AgentEvent>) => this.#take(result);
  readonly #onError = (error: unknown): never => {
    throw this.#closed(error);
  };
  readonly #answered = () => {
    this.#pending = undefined;
  };

  constructor(
    private readonly services: TurnServices,
    private readonly agent: ResolvedAgent,
    private readonly turn: AgentTurn,
    private readonly signal: AbortSignal,
  ) {
    this.#persistent = turn.sessionKind !== "ephemeral";
    this.#added = this.#persistent ? newMessages(turn.messages) : turn.messages;
    this.#calls = this.#persistent ? new ToolCallAccumulator() : undefined;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<AgentEvent>> {
    // Asked again before the last answer came: answered after it, in order, as a generator is.
    if (this.#pending) {
      const after = () => this.next();
      return this.#pending.then(after, after);
    }
    const answer = this.#ask();
    this.#pending = answer;
    answer.then(this.#answered, this.#answered);
    return answer;
  }

  #ask(): Promise<IteratorResult<AgentEvent>> {
    if (this.#over) return Promise.resolve(OVER);
    try {
      if (this.#events === undefined) {
        // Ephemeral turns load nothing, so they never wait for the budget.
        // Loaded once: asked again meanwhile, a next() waits for this one (see next()).
        if (this.#persistent) return this.#load().then(() => this.#ask(), this.#onError);
        this.#open([]);
      }
      return (this.#events as AsyncIterator<AgentEvent>).next().then(this.#onEvent, this.#onError);
    } catch (error) {
      // The provider threw instead of rejecting: the turn fails all the same.
      return Promise.reject(this.#closed(error));
    }
  }

  return(): Promise<IteratorResult<AgentEvent>> {
    this.#close(true);
    return Promise.resolve(OVER);
  }

  /** Reserves the session's size of the budget, then loads it; returned meanwhile, it lets go. */
  async #load(): Promise<void> {
    const { services, turn } = this;
    const release = await services.reserve(turn.sessionKey, this.signal);
    if (this.#over) return release();
    this.#release = release;
    const stored = await services.sessions.load(turn.sessionKey).catch(unavailable);
    if (!this.#over) this.#open(stored.flatMap((t) => t.messages));
  }

  #open(history: ConversationMessage[]): void {
    const { agent, turn } = this;
    const system =
      agent.systemPrompt && turn.system
        ? `${agent.systemPrompt}\n\n${turn.system}`
        : agent.systemPrompt || turn.system || undefined;
    const request = { model: agent.model, system, messages: [...history, ...this.#added], params: turn.params };
    this.#events = agent.provider.stream(request, this.signal)[Symbol.asyncIterator]();
  }

  #take(result: IteratorResult<AgentEvent>): IteratorResult<AgentEvent> | Promise<IteratorResult<AgentEvent>> {
    // Returned by the caller while the provider was asked: its answer has no one to go to.
    if (this.#over) return OVER;
    try {
      // What for-await would refuse: an answer that is no iterator result fails the turn.
      if (typeof result !== "object" || result === null)
        throw new TypeError(`The provider's iterator answered ${String(result)}, not an iterator result.`);
      this.#finished = result.done === true;
      if (this.signal.aborted) {
        this.#close(true);
        return OVER;
      }
      if (result.done) return this.#finish();
      const event = result.value;
      if (event.type === "done") {
        this.#done = event;
        return this.#ask();
      }
      if (this.#calls) {
        if (event.type === "text") this.#text += event.text;
        else this.#calls.add(event);
      }
      return result;
    } catch (error) {
      // A malformed answer or event: the turn fails, and the provider is told to stop.
      throw this.#closed(error, true);
    }
  }

  /** The provider is done: the turn is stored (stored before `done` goes out, so a client that saw the end can rely on it). */
  #finish(): IteratorResult<AgentEvent> | Promise<IteratorResult<AgentEvent>> {
    const calls = this.#calls;
    if (!calls) return this.#end();
    const { agent, turn } = this;
    return this.services
      .store(agent.id, turn.sessionKey, this.#added, this.#text, calls)
      .then(() => this.#end(), this.#onError);
  }

  /** Hands on `done`, counting its tokens here, where every door's turns pass, rather than by wrapping each turn's events. */
  #end(): IteratorResult<AgentEvent> {
    this.#close(false);
    const done = this.#done;
    if (done.usage)
      this.services.observer?.tokens?.({
        agentId: this.agent.id,
        input: done.usage.prompt_tokens,
        output: done.usage.completion_tokens,
      });
    return { done: false, value: done };
  }

  /** Ends the turn for `error`, and returns it. */
  #closed(error: unknown, stopProvider = false): unknown {
    this.#close(stopProvider);
    return error;
  }

  /** However the turn ends: its history is no longer held, and an unfinished provider is asked to return. */
  #close(stopProvider: boolean): void {
    if (this.#over) return;
    this.#over = true;
    const release = this.#release;
    this.#release = undefined;
    release?.();
    if (!stopProvider || !this.#events || this.#finished) return;
    try {
      Promise.resolve(this.#events.return?.()).catch(() => {});
    } catch {
      // A provider whose return() throws has stopped all the same.
    }
  }
}

export interface AgentRuntime {
  /** The agents, for the HTTP router and the WebSocket. */
  agents: AgentDirectory;
  /** The one agent-turn function: HTTP, WebSocket and `openclaw agent` all run turns through it. */
  runTurn: RunAgent;
  /**
   * Reserves `bytes` of `session.maxLoadedBytes` for other history a request loads (a
   * `previous_response_id` chain), in the same budget as sessions; resolves its release.
   */
  reserveLoad(bytes: number, signal: AbortSignal): Promise<() => void>;
}

/**
 * Resolves the agent, loads its session, calls its model, streams the events back and appends
 * the finished turn to the session. A persistent turn (`user`/`explicit`) sees the stored
 * transcript plus the request's messages after its last assistant message, so history the
 * client re-sends is never duplicated; an `ephemeral` turn sees the request alone and stores nothing.
 * A turn larger than `session.maxBytes` is answered but not stored (logged at warn).
 *
 * The history persistent turns hold at once is bounded by `session.maxLoadedBytes`: a turn
 * reserves its session's stored size before loading it and frees it when it ends; while the
 * budget is full, turns wait in order of arrival until room frees or their signal aborts.
 * `observer.tokens` hears each finished turn's token counts (as the server package's
 * `observeAgent` would, without wrapping every event).
 */
export function createAgentRuntime(
  config: Config,
  sessions: SessionStore,
  logger?: Logger,
  observer?: Pick<ServerObserver, "tokens">,
): AgentRuntime {
  const providers = createProviders(config);
  const agents = new Map<string, ResolvedAgent>();
  for (const agent of config.agents.list) {
    const [providerId = "", model = ""] = (agent.model ?? config.agents.defaults.model.primary).split(/\/(.*)/s);
    const provider = providers.get(providerId);
    if (!provider) throw new Error(`agent ${agent.id}: unknown provider ${providerId}`);
    agents.set(agent.id, { id: agent.id, provider, model, systemPrompt: agent.systemPrompt });
  }
  const budget = new LoadBudget(config.session.maxLoadedBytes);
  const ids = [...agents.keys()];
  const defaultAgentId = config.agents.list.find((a) => a.default)?.id ?? (agents.has("main") ? "main" : ids[0]);

  const services: TurnServices = { sessions, reserve, store, observer };
  function runTurn(turn: AgentTurn, { signal }: { signal: AbortSignal }): AsyncIterable<AgentEvent> {
    const agent = agents.get(turn.agentId);
    return agent ? new TurnEvents(services, agent, turn, signal) : unknownAgent(turn.agentId);
  }

  /**
   * Reserves the session's stored size of `session.maxLoadedBytes`, waiting while turns in
   * progress hold too much. Reserved before loading, since loading is what takes the memory.
   */
  async function reserve(sessionKey: string, signal: AbortSignal): Promise<() => void> {
    const bytes = await sessions.size(sessionKey).catch(unavailable);
    if (bytes > 0 && (budget.waiting > 0 || budget.heldBytes + bytes > config.session.maxLoadedBytes))
      logger?.debug(
        { bytes, heldBytes: budget.heldBytes, waiting: budget.waiting },
        "turn waits for session.maxLoadedBytes",
      );
    return budget.acquire(bytes, signal);
  }

  /** Appends the finished turn to its session; stored before `done` goes out, so a client that saw the end can rely on it. */
  async function store(
    agentId: string,
    sessionKey: string,
    added: ConversationMessage[],
    text: string,
    calls: ToolCallAccumulator,
  ): Promise<void> {
    const reply: ConversationMessage = { role: "assistant", content: text || null };
    if (calls.size > 0) reply.tool_calls = calls.toMessageToolCalls();
    const kept = await sessions.append(sessionKey, { messages: [...added, reply] }).catch((error: unknown) => {
      throw new AgentError("The turn finished but could not be saved to its session.", {
        status: 500,
        code: "session_write_failed",
        cause: error,
      });
    });
    // Answered all the same: the session keeps its earlier turns and stays usable.
    if (!kept)
      logger?.warn(
        { agentId, maxBytes: config.session.maxBytes },
        "turn larger than session.maxBytes answered but not kept in its session",
      );
  }

  return {
    agents: { defaultAgentId, list: () => ids },
    runTurn,
    reserveLoad: (bytes, signal) => budget.acquire(bytes, signal),
  };
}
