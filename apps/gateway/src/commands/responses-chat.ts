import { createParser } from "eventsource-parser";

/** What one `openclaw chat --api responses` exchange needs. */
export interface ResponsesTarget {
  url: string;
  secret: string;
  agentId: string;
  sessionKey?: string;
}

/** An HTTP error the CLI prints with its status (as the client's errors are). */
class ResponsesCliError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * Sends `text` to `POST /v1/responses` as a stream, continuing from `previousId`, writes the
 * text deltas through `show`, and resolves the new response's id (the next turn continues
 * from it). A `response.failed` event is thrown as its error.
 */
export async function sayResponses(
  target: ResponsesTarget,
  text: string,
  previousId: string | undefined,
  write: (delta: string) => void,
): Promise<string> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${target.secret}`,
    "content-type": "application/json",
    "x-openclaw-agent-id": target.agentId,
  };
  if (target.sessionKey) headers["x-openclaw-session-key"] = target.sessionKey;
  let response: Response;
  try {
    response = await fetch(`${target.url}/v1/responses`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        model: `openclaw/${target.agentId}`,
        input: text,
        stream: true,
        ...(previousId ? { previous_response_id: previousId } : {}),
      }),
    });
  } catch (error) {
    throw new ResponsesCliError(`Cannot reach the gateway at ${target.url} (${(error as Error).message}).`);
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new ResponsesCliError(body.error?.message ?? response.statusText, response.status);
  }
  let id: string | undefined;
  let failure: string | undefined;
  const parser = createParser({
    onEvent: (event) => {
      const data = JSON.parse(event.data) as {
        type: string;
        delta?: string;
        response?: { id: string; error?: { message: string } | null };
      };
      if (data.type === "response.output_text.delta" && data.delta) write(data.delta);
      else if (data.type === "response.completed" || data.type === "response.incomplete") id = data.response?.id;
      else if (data.type === "response.failed") failure = data.response?.error?.message ?? "The response failed.";
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    parser.feed(decoder.decode(chunk.value, { stream: true }));
  }
  if (failure !== undefined) throw new ResponsesCliError(failure);
  if (id === undefined) throw new ResponsesCliError("The stream ended before the response did.");
  return id;
}
