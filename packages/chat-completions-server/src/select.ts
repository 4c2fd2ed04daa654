import { randomUUID } from "node:crypto";
import { modelNotFound, unknownAgentHeader } from "./errors.js";
import type { AgentDirectory, SessionKind } from "./types.js";

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

export interface SessionChoice {
  sessionKey: string;
  sessionKind: SessionKind;
}

/** `x-openclaw-session-key` as given; else a stable key from `user`; else a fresh one. */
export function selectSession(
  headerSessionKey: string | undefined,
  user: string | undefined,
  agentId: string,
): SessionChoice {
  if (headerSessionKey) return { sessionKey: headerSessionKey, sessionKind: "explicit" };
  if (user) return { sessionKey: `agent:${agentId}:openai-user:${user}`, sessionKind: "user" };
  return { sessionKey: `agent:${agentId}:openai:${randomUUID()}`, sessionKind: "ephemeral" };
}
