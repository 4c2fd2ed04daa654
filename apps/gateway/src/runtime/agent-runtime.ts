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

  // One generator from the provider's events to the caller: each `yield*` between them would
  // cost every event of every run another suspension and resumption.
  async function* runTurn(turn: AgentTurn, { signal }: { signal: AbortSignal }): AsyncGenerator<AgentEvent> {
    const agent = agents.get(turn.agentId);
    if (!agent) throw new AgentError(`Unknown agent '${turn.agentId}'.`, { status: 404, code: "model_not_found" });
    const persistent = turn.sessionKind !== "ephemeral";
    const added = persistent ? newMessages(turn.messages) : turn.messages;
    // Ephemeral turns load nothing, so they never wait for the budget.
    const release = persistent ? await reserve(turn.sessionKey, signal) : undefined;
    try {
      const stored = persistent ? await sessions.load(turn.sessionKey).catch(unavailable) : [];
      const history = stored.flatMap((t) => t.messages);
      const system = [agent.systemPrompt, turn.system].filter(Boolean).join("\n\n") || undefined;

      // The reply is only put together for a session to store: an open ephemeral stream holds none of it.
      let text = "";
      const calls = persistent ? new ToolCallAccumulator() : undefined;
      let done: Extract<AgentEvent, { type: "done" }> = { type: "done" };
      const request = { model: agent.model, system, messages: [...history, ...added], params: turn.params };
      for await (const event of agent.provider.stream(request, signal)) {
        if (signal.aborted) return;
        if (event.type === "done") {
          done = event;
          continue;
        }
        if (calls) {
          if (event.type === "text") text += event.text;
          else calls.add(event);
        }
        yield event;
      }
      if (signal.aborted) return;
      if (calls) await store(agent.id, turn.sessionKey, added, text, calls);
      // Counted here, where every door's turns pass, rather than by wrapping each turn's events.
      if (done.usage)
        observer?.tokens?.({
          agentId: agent.id,
          input: done.usage.prompt_tokens,
          output: done.usage.completion_tokens,
        });
      yield done;
    } finally {
      // However the turn ends (done, error, the client gone): its history is no longer held.
      release?.();
    }
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
