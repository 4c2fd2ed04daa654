import type { RequestHandler } from "express";
import { modelNotFound } from "./errors.js";
import type { components } from "./generated/openapi.js";
import type { AgentDirectory } from "./types.js";

type Model = components["schemas"]["Model"];

const model = (id: string): Model => ({ id, object: "model", created: 0, owned_by: "openclaw" });

/** `openclaw`, `openclaw/default`, then `openclaw/<id>` per agent: what Open WebUI & co. list. */
export function listModelIds(agents: AgentDirectory): string[] {
  return ["openclaw", "openclaw/default", ...agents.list().map((id) => `openclaw/${id}`)];
}

export const listModels =
  (agents: AgentDirectory): RequestHandler =>
  (_req, res) => {
    res.json({ object: "list", data: listModelIds(agents).map(model) });
  };

/** `GET /v1/models/:model`, where the id's `/` may arrive encoded or as a path segment. */
export const retrieveModel =
  (agents: AgentDirectory): RequestHandler =>
  (req, res) => {
    const raw = (req.params as { model?: string | string[] }).model;
    const id = Array.isArray(raw) ? raw.join("/") : (raw ?? "");
    if (!listModelIds(agents).includes(id)) throw modelNotFound(id);
    res.json(model(id));
  };
