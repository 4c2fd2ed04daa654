import { AgentError, type AgentEvent, type FinishReason } from "@openclaw/chat-completions-server";
import { createParser } from "eventsource-parser";
import { redactUrl } from "../../redact.js";
import { withoutImages } from "./media.js";
import type { ModelProvider } from "./types.js";

export interface OpenAiCompletionsOptions {
  /** The provider's name in the config, for messages. */
  name: string;
  baseUrl: string;
  apiKey?: string;
  /** Longest wait for the upstream's answer, or between two of its events, before giving up with 504. */
  timeoutMs: number;
  /** Most bytes of the upstream's stream read for one turn; past it the turn ends with `finish_reason: "length"`. */
  maxReplyBytes: number;
  /** Longest a turn may take in all, however busy the upstream stays; past it 504. */
  maxTurnMs: number;
  /** Models that take images (`input: ["text", "image"]`); the others get the text of image messages. */
  imageModels?: readonly string[];
}

interface UpstreamChunk {
  choices?: {
    delta?: {
      content?: string | null;
      tool_calls?: { index: number; id?: string; function?: { name?: string; arguments?: string } }[];
    };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  error?: { message?: string };
}

const FINISH_REASONS = new Set<FinishReason>(["stop", "length", "tool_calls", "content_filter"]);

/** Most bytes of an upstream's error body read: enough for its message, never a flood. */
export const ERROR_BODY_BYTES = 16 * 1024;
/** Most characters of an upstream's error message passed on to the client. */
export const ERROR_DETAIL_CHARS = 300;

/** C0/C1 controls and DEL: an upstream's text is shown in terminals and logs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

/**
 * What of an upstream's error body the client sees: its `error.message` when it is OpenAI-shaped
 * JSON, else the text, controls collapsed to a space and cut at {@link ERROR_DETAIL_CHARS}.
 */
function errorDetail(body: string): string {
  let text = body;
  try {
    const message = (JSON.parse(body) as UpstreamChunk).error?.message;
    if (typeof message === "string") text = message;
  } catch {
    // Not JSON (or cut short at ERROR_BODY_BYTES): the text itself.
  }
  text = text.replace(CONTROLS, " ").trim();
  return text.length > ERROR_DETAIL_CHARS ? `${text.slice(0, ERROR_DETAIL_CHARS)}…` : text;
}

/**
 * Maps the upstream's HTTP status to what our client sees, keeping its meaning. The `cause`
 * (what the router logs) holds the upstream's status and the length of its text, never the text:
 * it may quote the user's messages.
 */
function upstreamError(name: string, status: number, body: string): AgentError {
  const cause = { upstreamStatus: status, upstreamErrorChars: body.length };
  if (status === 401 || status === 403) {
    return new AgentError(
      `Upstream provider '${name}' rejected its API key (${status}). Check models.providers.${name}.apiKey.`,
      { status: 502, code: "upstream_auth_failed", cause },
    );
  }
  if (status === 429) {
    return new AgentError(`Upstream provider '${name}' is rate limiting requests.`, { status: 429, cause });
  }
  if (status === 408 || status === 504) {
    return new AgentError(`Upstream provider '${name}' timed out.`, { status: 504, code: "upstream_timeout", cause });
  }
  const detail = errorDetail(body);
  return new AgentError(`Upstream provider '${name}' failed with HTTP ${status}${detail ? `: ${detail}` : ""}`, {
    status: 502,
    code: "upstream_error",
    cause,
  });
}

const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Absent, or a string. */
const isText = (value: unknown): value is string | undefined => value === undefined || typeof value === "string";

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The upstream's token counts, or `undefined` when any is not a count. */
function tokenCounts(usage: NonNullable<UpstreamChunk["usage"]>): UpstreamChunk["usage"] {
  const { prompt_tokens, completion_tokens, total_tokens } = usage;
  if (!isCount(prompt_tokens) || !isCount(completion_tokens) || !isCount(total_tokens)) return undefined;
  return { prompt_tokens, completion_tokens, total_tokens };
}

/** An upstream answer the gateway cannot read; the log gets its length, never its text. */
function badResponse(name: string, what: string, data: string): AgentError {
  return new AgentError(`Upstream provider '${name}' sent ${what}.`, {
    status: 502,
    code: "upstream_bad_response",
    cause: { upstreamEventChars: data.length },
  });
}

/** The first `max` bytes of a body as text; the rest is never read (the body is cancelled). */
async function readPrefix(body: ReadableStream<Uint8Array>, max: number): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let left = max;
  try {
    while (left > 0) {
      const read = await reader.read();
      if (read.done) break;
      const bytes = read.value.subarray(0, left);
      left -= bytes.length;
      text += decoder.decode(bytes, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text + decoder.decode();
}

/**
 * Any OpenAI-compatible upstream (OpenAI, Ollama, vLLM, llama.cpp, LM Studio): streams its
 * `/chat/completions` with usage, passing the turn's parameters and the abort signal.
 *
 * What it sends is bounded: at most `maxReplyBytes` of its stream are read (so no SSE line or
 * event can be longer either), at most {@link ERROR_BODY_BYTES} of an error body, the turn
 * lasts at most `maxTurnMs`, and only events (not comments or blank lines) count as progress
 * against `timeoutMs`.
 */
export function openAiCompletionsProvider(options: OpenAiCompletionsOptions): ModelProvider {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const imageModels = new Set(options.imageModels ?? []);
  return {
    async *stream(request, signal) {
      const idle = new AbortController();
      const overtime = new AbortController();
      // Ends the upstream request however the turn ends, so its socket is never left open.
      const done = new AbortController();
      const idleTimer = setTimeout(() => idle.abort(), options.timeoutMs);
      const turnTimer = setTimeout(() => overtime.abort(), options.maxTurnMs);
      const abort = AbortSignal.any([signal, idle.signal, overtime.signal, done.signal]);
      // A vision model gets the turn's images as OpenAI image parts; a text-only one their text.
      const conversation = imageModels.has(request.model) ? request.messages : withoutImages(request.messages);
      const messages = [...(request.system ? [{ role: "system", content: request.system }] : []), ...conversation];
      const headers: Record<string, string> = { "content-type": "application/json", accept: "text/event-stream" };
      if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
      const failed = (error: unknown): AgentError => {
        if (error instanceof AgentError) return error;
        if (overtime.signal.aborted) {
          return new AgentError(`Upstream provider '${options.name}' did not finish within ${options.maxTurnMs} ms.`, {
            status: 504,
            code: "upstream_timeout",
          });
        }
        if (idle.signal.aborted) {
          return new AgentError(`Upstream provider '${options.name}' did not answer within ${options.timeoutMs} ms.`, {
            status: 504,
            code: "upstream_timeout",
          });
        }
        return new AgentError(`Upstream provider '${options.name}' is unreachable at ${redactUrl(options.baseUrl)}.`, {
          status: 502,
          code: "upstream_unreachable",
          cause: error,
        });
      };
      try {
        const response = await fetch(url, {
          method: "POST",
          headers,
          // A redirect is not followed: it would send the conversation (and, same-origin, the key)
          // wherever the upstream says, and show that place's answer to the client. A 3xx is a 502.
          redirect: "manual",
          body: JSON.stringify({
            ...request.params,
            model: request.model,
            messages,
            stream: true,
            stream_options: { include_usage: true },
          }),
          signal: abort,
        }).catch((error: unknown) => {
          throw failed(error);
        });
        if (!response.ok || !response.body) {
          const body = response.body ? await readPrefix(response.body, ERROR_BODY_BYTES).catch(() => "") : "";
          throw upstreamError(options.name, response.status, body);
        }
        const events: string[] = [];
        const parser = createParser({
          onEvent: (event) => {
            // Only an event is progress: comments and blank lines do not hold the idle timeout off.
            idleTimer.refresh();
            events.push(event.data);
          },
        });
        const decoder = new TextDecoder();
        let finishReason: FinishReason | undefined;
        let usage: NonNullable<UpstreamChunk["usage"]> | undefined;
        let left = options.maxReplyBytes;
        const reader = response.body.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          const bytes = read.value.subarray(0, left);
          left -= bytes.length;
          parser.feed(decoder.decode(bytes, { stream: left > 0 }));
          for (let data = events.shift(); data !== undefined; data = events.shift()) {
            if (data === "[DONE]") {
              yield { type: "done", finishReason, usage } satisfies AgentEvent;
              return;
            }
            let chunk: UpstreamChunk;
            try {
              chunk = JSON.parse(data) as UpstreamChunk;
            } catch {
              throw badResponse(options.name, "an event that is not JSON", data);
            }
            // Anything but an object (or choices but an array) is no chunk: a bad answer, not a crash
            // reported as "unreachable".
            if (!isObject(chunk)) throw badResponse(options.name, "an event that is not a chunk", data);
            if (chunk.error) {
              const message = isObject(chunk.error) ? chunk.error.message : undefined;
              throw upstreamError(options.name, 502, typeof message === "string" ? message : "");
            }
            // Only the three counts, and only when they are counts: anything else would reach
            // clients as is (a 100 KB string, a negative number, the upstream's own fields).
            if (isObject(chunk.usage)) usage = tokenCounts(chunk.usage) ?? usage;
            if (chunk.choices !== undefined && chunk.choices !== null && !Array.isArray(chunk.choices)) {
              throw badResponse(options.name, "choices that are not a list", data);
            }
            for (const choice of chunk.choices ?? []) {
              if (!isObject(choice)) throw badResponse(options.name, "a choice that is not an object", data);
              const delta = isObject(choice.delta) ? choice.delta : undefined;
              // Only text is content: a number or an object would reach clients as is (or as "[object Object]").
              if (typeof delta?.content === "string" && delta.content) yield { type: "text", text: delta.content };
              for (const call of Array.isArray(delta?.tool_calls) ? delta.tool_calls : []) {
                // A call's index is a count and its id, name and arguments text: anything else would
                // reach clients as is (an object id) or as "[object Object]" arguments.
                const fn = isObject(call) && isObject(call.function) ? call.function : {};
                if (
                  !isObject(call) ||
                  !isCount(call.index) ||
                  !isText(call.id) ||
                  !isText((fn as { name?: unknown }).name) ||
                  !isText((fn as { arguments?: unknown }).arguments)
                ) {
                  throw badResponse(options.name, "a tool call of the wrong shape", data);
                }
                yield {
                  type: "tool_call",
                  index: call.index,
                  id: call.id,
                  name: call.function?.name,
                  arguments: call.function?.arguments,
                };
              }
              if (choice.finish_reason && FINISH_REASONS.has(choice.finish_reason as FinishReason)) {
                finishReason = choice.finish_reason as FinishReason;
              }
            }
          }
          // The reply reached its bound: what came so far is the answer, cut short as by max_tokens.
          if (left === 0) {
            yield { type: "done", finishReason: "length", usage } satisfies AgentEvent;
            return;
          }
        }
        throw new AgentError(`Upstream provider '${options.name}' ended its stream early.`, {
          status: 502,
          code: "upstream_truncated",
        });
      } catch (error) {
        if (signal.aborted) return;
        throw failed(error);
      } finally {
        clearTimeout(idleTimer);
        clearTimeout(turnTimer);
        done.abort();
      }
    },
  };
}
