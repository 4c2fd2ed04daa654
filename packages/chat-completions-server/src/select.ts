import { modelNotFound, unknownAgentHeader } from "./errors.js";
import { selectHttpSession } from "./session-key.js";
import type { AgentDirectory } from "./types.js";

/** Agent ids, as OpenClaw spells them. Matching is case-insensitive; ids are lowercased. */
export const AGENT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The agent a `model` string names: `openclaw` / `openclaw/default` -> the default agent;
 * `openclaw:<id>`, `openclaw/<id>`, `agent:<id>` -> that agent; anything else -> undefined.
 */
export function agentIdFromModel(model: string, defaultAgentId: string): string | undefined {
  const lower = model.trim().toLowerCase();
  if (lower === "openclaw" || lower === "openclaw/default") return defaultAgentId;
  const id = /^(?:openclaw[:/]|agent:)(.*)$/.exec(lower)?.[1];
  return id !== undefined && AGENT_ID.test(id) ? id : undefined;
}

/** The header `x-openclaw-agent-id` beats `model`; unknown agents are 404 `model_not_found`. */
export function selectAgent(headerAgentId: string | undefined, model: string, agents: AgentDirectory): string {
  const defaultAgentId = agents.defaultAgentId ?? "main";
  const known = agents.list();
  if (headerAgentId !== undefined && headerAgentId !== "") {
    const id = headerAgentId.trim().toLowerCase();
    if (!known.includes(id)) throw unknownAgentHeader(id);
    return id;
  }
  const id = agentIdFromModel(model, defaultAgentId);
  if (id === undefined || !known.includes(id)) throw modelNotFound(model);
  return id;
}

export type { SessionChoice } from "./session-key.js";

/**
 * `x-openclaw-session-key` in its agent's namespace for chosen keys; else a stable key from
 * `user`; else a fresh one. Keys are built in one module for every door: see ./session-key.ts.
 */
export const selectSession = selectHttpSession;
