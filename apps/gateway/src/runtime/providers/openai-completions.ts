import { AgentError, type AgentEvent, type FinishReason } from "@openclaw/chat-completions-server";
import { createParser } from "eventsource-parser";
import type { ModelProvider } from "./types.js";

export interface OpenAiCompletionsOptions {
  /** The provider's name in the config, for messages. */
  name: string;
  baseUrl: string;
  apiKey?: string;
  /** Longest silence from the upstream before giving up with 504. */
  timeoutMs: number;
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

/** Maps the upstream's HTTP status to what our client sees, keeping its meaning. */
function upstreamError(name: string, status: number, detail: string): AgentError {
  if (status === 401 || status === 403) {
    return new AgentError(
      `Upstream provider '${name}' rejected its API key (${status}). Check models.providers.${name}.apiKey.`,
      { status: 502, code: "upstream_auth_failed" },
    );
  }
  if (status === 429) return new AgentError(`Upstream provider '${name}' is rate limiting requests.`, { status: 429 });
  if (status === 408 || status === 504) {
    return new AgentError(`Upstream provider '${name}' timed out.`, { status: 504, code: "upstream_timeout" });
  }
  const suffix = detail ? `: ${detail.slice(0, 300)}` : "";
  return new AgentError(`Upstream provider '${name}' failed with HTTP ${status}${suffix}`, {
    status: 502,
    code: "upstream_error",
  });
}

/**
 * Any OpenAI-compatible upstream (OpenAI, Ollama, vLLM, llama.cpp, LM Studio): streams its
 * `/chat/completions` with usage, passing the turn's parameters and the abort signal.
 */
export function openAiCompletionsProvider(options: OpenAiCompletionsOptions): ModelProvider {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  return {
    async *stream(request, signal) {
      const idle = new AbortController();
      const timer = setTimeout(() => idle.abort(), options.timeoutMs);
      const abort = AbortSignal.any([signal, idle.signal]);
      const messages = [...(request.system ? [{ role: "system", content: request.system }] : []), ...request.messages];
      const headers: Record<string, string> = { "content-type": "application/json", accept: "text/event-stream" };
      if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
      const failed = (error: unknown): AgentError => {
        if (error instanceof AgentError) return error;
        if (idle.signal.aborted) {
          return new AgentError(`Upstream provider '${options.name}' did not answer within ${options.timeoutMs} ms.`, {
            status: 504,
            code: "upstream_timeout",
          });
        }
        return new AgentError(`Upstream provider '${options.name}' is unreachable at ${options.baseUrl}.`, {
          status: 502,
          code: "upstream_unreachable",
          cause: error,
        });
      };
      try {
        const response = await fetch(url, {
          method: "POST",
          headers,
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
          const detail = await response.text().catch(() => "");
          throw upstreamError(options.name, response.status, detail);
        }
        const events: string[] = [];
        const parser = createParser({ onEvent: (event) => void events.push(event.data) });
        const decoder = new TextDecoder();
        let finishReason: FinishReason | undefined;
        let usage: NonNullable<UpstreamChunk["usage"]> | undefined;
        const reader = response.body.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          const bytes = read.value;
          timer.refresh();
          parser.feed(decoder.decode(bytes, { stream: true }));
          for (let data = events.shift(); data !== undefined; data = events.shift()) {
            if (data === "[DONE]") {
              yield { type: "done", finishReason, usage } satisfies AgentEvent;
              return;
            }
            const chunk = JSON.parse(data) as UpstreamChunk;
            if (chunk.error) throw upstreamError(options.name, 502, chunk.error.message ?? "");
            if (chunk.usage) usage = chunk.usage;
            for (const choice of chunk.choices ?? []) {
              if (choice.delta?.content) yield { type: "text", text: choice.delta.content };
              for (const call of choice.delta?.tool_calls ?? []) {
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
        }
        throw new AgentError(`Upstream provider '${options.name}' ended its stream early.`, {
          status: 502,
          code: "upstream_truncated",
        });
      } catch (error) {
        if (signal.aborted) return;
        throw failed(error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
