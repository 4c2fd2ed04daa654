import { type AgentEvent, invalidFrame, type OpenAIError } from "@openclaw/chat-completions-server";
import { z } from "zod";

/** Longest run id; ids are echoed in every frame of their run. */
export const MAX_RUN_ID_LENGTH = 256;
/** Longest `agentId`: agent ids are at most 64 characters. */
const MAX_AGENT_ID_LENGTH = 64;

const runId = z.string().min(1).max(MAX_RUN_ID_LENGTH);

/** `message` needs no bound of its own: the frame's size (`gateway.ws.maxFrameBytes`) is one. */
const runFrame = z.strictObject({
  type: z.literal("agent.run"),
  id: runId,
  message: z.string().min(1),
  agentId: z.string().min(1).max(MAX_AGENT_ID_LENGTH).optional(),
  // Checked by the server package's sessionKeyError, the one check every door applies to keys.
  sessionKey: z.unknown().optional(),
});

const cancelFrame = z.strictObject({ type: z.literal("agent.cancel"), id: runId });

const clientFrame = z.discriminatedUnion("type", [runFrame, cancelFrame]);

/** What a client sends. */
export type ClientFrame = z.infer<typeof clientFrame>;
export type RunFrame = z.infer<typeof runFrame>;

/** An error as a frame carries it: the OpenAI error body plus the HTTP status it stands for. */
export interface WsError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
  status: number;
}

/** What the gateway sends. */
export type GatewayFrame =
  | { type: "agent.event"; id: string; event: AgentEvent }
  | { type: "agent.error"; id: string; error: WsError }
  | { type: "error"; error: WsError };

/**
 * The frame that tells a client about `error`: `agent.error` for the run `id`, else `error`.
 * Every error the WebSocket sends is made here from an {@link OpenAIError}, so a failure reads
 * the same as over HTTP.
 */
export function errorFrame(error: OpenAIError, id?: string): GatewayFrame {
  const body: WsError = { ...error.toJSON().error, status: error.status };
  return id === undefined ? { type: "error", error: body } : { type: "agent.error", id, error: body };
}

const USAGE = 'Send JSON text frames: {"type":"agent.run","id":"…","message":"…"} or {"type":"agent.cancel","id":"…"}.';

/**
 * Reads one frame, or says what is wrong with it: an {@link invalidFrame} error naming the bad
 * field, and the frame's `id` when it has a usable one (so the client can tell which run it was).
 */
export function parseFrame(
  data: Buffer,
  isBinary: boolean,
): { frame: ClientFrame } | { error: OpenAIError; id?: string } {
  if (isBinary) return { error: invalidFrame(null, `Binary frames are not accepted. ${USAGE}`) };
  let value: unknown;
  try {
    value = JSON.parse(data.toString("utf8"));
  } catch {
    return { error: invalidFrame(null, `The frame is not JSON. ${USAGE}`) };
  }
  const result = clientFrame.safeParse(value);
  if (result.success) return { frame: result.data };
  const id = runId.safeParse((value as { id?: unknown } | null)?.id);
  return { error: frameError(result.error.issues[0]), id: id.success ? id.data : undefined };
}

/** The first problem zod found, as an error naming its field. Messages never echo a value. */
function frameError(issue: z.core.$ZodIssue | undefined): OpenAIError {
  if (!issue) return invalidFrame(null, USAGE);
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return invalidFrame(key, `Unknown field '${key}'. ${USAGE}`);
  }
  const param = issue.path.length > 0 ? issue.path.join(".") : null;
  return invalidFrame(param, param ? `\`${param}\`: ${issue.message}` : `${issue.message}. ${USAGE}`);
}
