import { expect } from "vitest";
import { expectSchema } from "./spec.js";

export interface SseResult {
  chunks: Record<string, unknown>[];
  errors: { error: { message: string; type: string; param: string | null; code: string | null } }[];
  comments: string[];
}

export interface SseExpectations {
  /** Whether a usage chunk (`choices: []`, `usage`) must be there; default: it must not. */
  includeUsage?: boolean;
}

/**
 * Checks a whole SSE body by the contract's framing: `data: ` events separated by blank lines,
 * `: ` comments allowed, `[DONE]` last and once, every chunk valid against the spec, one id per
 * stream, exactly one finish chunk unless the stream ended with an error event, and a usage
 * chunk exactly when asked for.
 */
export function checkSse(text: string, expectations: SseExpectations = {}): SseResult {
  expect(text.endsWith("data: [DONE]\n\n"), `stream must end with [DONE]: ${JSON.stringify(text.slice(-120))}`).toBe(
    true,
  );
  const frames = text.slice(0, -2).split("\n\n");
  const result: SseResult = { chunks: [], errors: [], comments: [] };
  for (const [i, frame] of frames.entries()) {
    expect(frame, "one line per event").not.toContain("\n");
    if (frame.startsWith(":")) {
      result.comments.push(frame);
      continue;
    }
    expect(frame.startsWith("data: "), `frame ${i}: ${frame.slice(0, 80)}`).toBe(true);
    const data = frame.slice(6);
    if (data === "[DONE]") {
      expect(i, "[DONE] only at the end").toBe(frames.length - 1);
      continue;
    }
    const parsed = JSON.parse(data);
    if ("error" in parsed) {
      expectSchema("ErrorResponse", parsed);
      result.errors.push(parsed);
    } else {
      expectSchema("CreateChatCompletionStreamResponse", parsed);
      result.chunks.push(parsed);
    }
  }
  expect(new Set(result.chunks.map((c) => c.id)).size, "one id per stream").toBeLessThanOrEqual(1);
  const finishes = result.chunks.filter((c) =>
    (c.choices as { finish_reason: unknown }[]).some((choice) => choice.finish_reason !== null),
  );
  expect(finishes.length, "finish chunks").toBe(result.errors.length > 0 ? 0 : 1);
  const usageChunks = result.chunks.filter((c) => (c.choices as unknown[]).length === 0);
  const wantUsage = expectations.includeUsage === true && result.errors.length === 0;
  expect(usageChunks.length, "usage chunks").toBe(wantUsage ? 1 : 0);
  if (wantUsage) expect(result.chunks.at(-1)).toBe(usageChunks[0]);
  return result;
}

/** Reads a streamed answer: status 200, SSE headers, then {@link checkSse}. */
export async function readSse(response: Response, expectations?: SseExpectations): Promise<SseResult> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  return checkSse(await response.text(), expectations);
}

/** The text of a stream's content deltas, joined. */
export function streamedText(chunks: Record<string, unknown>[]): string {
  return chunks
    .flatMap((c) => (c.choices as { delta: { content?: string | null } }[]).map((choice) => choice.delta.content ?? ""))
    .join("");
}
