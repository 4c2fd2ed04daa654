import type { ChatCompletionsClient } from "@openclaw/chat-completions-client";

/**
 * Sends `text` to `POST /v1/responses` as a stream with the typed client, continuing from
 * `previousId`, writes the text deltas through `write`, and resolves the new response's id (the
 * next turn continues from it). A `response.failed` event is thrown by the client as its error
 * class, whose `status` (for an HTTP error) the CLI prints.
 */
export async function sayResponses(
  client: ChatCompletionsClient,
  agentId: string,
  text: string,
  previousId: string | undefined,
  write: (delta: string) => void,
): Promise<string> {
  const stream = await client.responses.create({
    model: `openclaw/${agentId}`,
    input: text,
    stream: true,
    ...(previousId ? { previous_response_id: previousId } : {}),
  });
  for await (const event of stream) {
    if (event.type === "response.output_text.delta") write(event.delta);
    else if (event.type === "response.completed" || event.type === "response.incomplete") return event.response.id;
  }
  // The client ends a stream only at its terminal event (above), or throws.
  throw new Error("The stream ended before the response did.");
}
