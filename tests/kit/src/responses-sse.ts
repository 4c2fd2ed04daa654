import { expect } from "vitest";
import { expectSchema } from "./spec.js";

/** One parsed Responses stream event. */
export type ResponsesEvent = { type: string; sequence_number: number } & Record<string, unknown>;

export interface ResponsesSseResult {
  events: ResponsesEvent[];
  comments: string[];
  /** The terminal event's response. */
  response: Record<string, unknown> & { status: string; output: Record<string, unknown>[] };
  /** Every `response.output_text.delta`, joined. */
  text: string;
}

const TERMINAL = new Set(["response.completed", "response.incomplete", "response.failed"]);

/**
 * Checks a whole Responses SSE body by the contract: frames of `event: <type>` and
 * `data: <JSON>` separated by blank lines (`: ` comments allowed), each event valid against
 * `ResponseStreamEvent` with `type` equal to its event line, `sequence_number` 0, 1, 2…, no
 * `[DONE]`, and the event state machine: `response.created`, `response.in_progress`, items
 * added at the next output index, content and argument events only inside their open item,
 * text and arguments `done` equal to their deltas joined, every item done before the end, and
 * exactly one terminal event, last, whose response holds the items as they were done.
 */
export function checkResponsesSse(text: string): ResponsesSseResult {
  expect(text.endsWith("\n\n"), `stream must end with a blank line: ${JSON.stringify(text.slice(-120))}`).toBe(true);
  expect(text, "the Responses stream has no [DONE]").not.toContain("[DONE]");
  const frames = text.slice(0, -2).split("\n\n");
  const events: ResponsesEvent[] = [];
  const comments: string[] = [];
  for (const [i, frame] of frames.entries()) {
    if (frame.startsWith(":")) {
      expect(frame, "one line per comment").not.toContain("\n");
      comments.push(frame);
      continue;
    }
    const lines = frame.split("\n");
    expect(lines.length, `frame ${i}: event and data lines`).toBe(2);
    const [eventLine = "", dataLine = ""] = lines;
    expect(eventLine.startsWith("event: "), `frame ${i}: ${eventLine.slice(0, 80)}`).toBe(true);
    expect(dataLine.startsWith("data: "), `frame ${i}: ${dataLine.slice(0, 80)}`).toBe(true);
    const event = JSON.parse(dataLine.slice(6)) as ResponsesEvent;
    expectSchema("ResponseStreamEvent", event);
    expect(event.type, "event line = JSON type").toBe(eventLine.slice(7));
    expect(event.sequence_number, "sequence_number rises from 0 by one").toBe(events.length);
    events.push(event);
  }
  expect(events[0]?.type).toBe("response.created");
  expect(events[1]?.type).toBe("response.in_progress");
  const terminals = events.filter((e) => TERMINAL.has(e.type));
  expect(terminals.length, "exactly one terminal event").toBe(1);
  expect(events.at(-1), "the terminal event is last").toBe(terminals[0]);

  const ids = new Set(events.filter((e) => "response" in e).map((e) => (e.response as { id: string }).id));
  expect(ids.size, "one response id per stream").toBe(1);

  type Open = { item: Record<string, unknown>; text: string; args: string; part: boolean; textDone: boolean };
  const open = new Map<number, Open>();
  const done: Record<string, unknown>[] = [];
  let joined = "";
  for (const event of events.slice(2, -1)) {
    const index = event.output_index as number;
    const current = open.get(index);
    switch (event.type) {
      case "response.output_item.added":
        expect(index, "items are added at the next output index").toBe(done.length + open.size);
        open.set(index, {
          item: event.item as Record<string, unknown>,
          text: "",
          args: "",
          part: false,
          textDone: false,
        });
        break;
      case "response.content_part.added":
        expect(current?.item.type, "a content part belongs to an open message").toBe("message");
        expect(current?.part, "one content part per message").toBe(false);
        if (current) current.part = true;
        break;
      case "response.output_text.delta":
        expect(current?.part && !current.textDone, "text deltas inside an open content part").toBe(true);
        if (current) current.text += event.delta as string;
        joined += event.delta as string;
        break;
      case "response.output_text.done":
        expect(current?.part, "text done inside a content part").toBe(true);
        expect(event.text, "text done = its deltas joined").toBe(current?.text);
        if (current) current.textDone = true;
        break;
      case "response.content_part.done":
        expect(current?.textDone, "part done after its text done").toBe(true);
        break;
      case "response.function_call_arguments.delta":
        expect(current?.item.type, "arguments belong to an open function call").toBe("function_call");
        if (current) current.args += event.delta as string;
        break;
      case "response.function_call_arguments.done":
        expect(current?.item.type).toBe("function_call");
        expect(event.arguments, "arguments done = their deltas joined").toBe(current?.args);
        break;
      case "response.output_item.done":
        expect(current, "done for an open item").toBeDefined();
        expect((event.item as { id: unknown }).id).toBe(current?.item.id);
        open.delete(index);
        done[index] = event.item as Record<string, unknown>;
        break;
      default:
        throw new Error(`unexpected event ${event.type} before the terminal event`);
    }
  }
  expect(open.size, "every item done before the terminal event").toBe(0);
  const response = (terminals[0] as unknown as { response: ResponsesSseResult["response"] }).response;
  expect(response.output, "the final response holds the items as done").toEqual(done);
  const status = {
    "response.completed": "completed",
    "response.incomplete": "incomplete",
    "response.failed": "failed",
  };
  expect(response.status).toBe(status[terminals[0]?.type as keyof typeof status]);
  return { events, comments, response, text: joined };
}

/** Reads a streamed Responses answer: status 200, SSE headers, then {@link checkResponsesSse}. */
export async function readResponsesSse(response: Response): Promise<ResponsesSseResult> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  return checkResponsesSse(await response.text());
}
