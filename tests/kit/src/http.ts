import { createServer, type RequestListener, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { expectSchema } from "./spec.js";

export interface Listening {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:0 and returns the URL and a close that drops open connections. */
export async function listen(handler: RequestListener | Server): Promise<Listening> {
  const server = handler instanceof Server ? handler : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface OpenAIErrorFields {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** Reads an error response: the status, a JSON content type, and an `ErrorResponse` body. */
export async function expectError(response: Response, status: number): Promise<OpenAIErrorFields> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = await response.json();
  expectSchema("ErrorResponse", body);
  return body.error;
}

/** Reads a successful non-streamed answer and checks it against the spec. */
export async function expectCompletion(response: Response): Promise<{
  id: string;
  model: string;
  choices: { message: { content: string | null; tool_calls?: unknown[] }; finish_reason: string }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}> {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const body = JSON.parse(text);
  expectSchema("CreateChatCompletionResponse", body);
  return body;
}
