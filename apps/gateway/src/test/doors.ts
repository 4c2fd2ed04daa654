// Test helpers: the two doors of a gateway (HTTP and the WebSocket upgrade), with a secret
// and a client address as a proxy on loopback would forward it.
import { expectError, expectSchema } from "@openclaw/contract-kit";
import { expect } from "vitest";
import WebSocket from "ws";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** How {@link upgrade} presents itself besides the secret. */
export interface UpgradeAs {
  /** The client address, as a proxy on loopback would say (`X-Forwarded-For`). */
  ip?: string;
  /** Default `/ws`. */
  path?: string;
  /** `Origin`, as a browser page would send it. */
  origin?: string;
  /** `Host`, as a rebound name would arrive. */
  host?: string;
}

/** A WebSocket upgrade with `secret`, presented as `as` says: 101, or the refusal. */
export function upgrade(
  url: string,
  secret: string,
  { ip, path = "/ws", origin, host }: UpgradeAs = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${secret}` };
    if (ip) headers["x-forwarded-for"] = ip;
    if (origin) headers.origin = origin;
    if (host) headers.host = host;
    const ws = new WebSocket(`${url.replace("http", "ws")}${path}`, { headers });
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    ws.on("open", () => {
      ws.close();
      resolve({ status: 101, headers: {}, body: "" });
    });
    ws.on("error", (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

/** A chat request over HTTP with `secret`, from `ip`. */
export function post(url: string, secret: string, ip?: string) {
  return fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${secret}`,
      "content-type": "application/json",
      ...(ip ? { "x-forwarded-for": ip } : {}),
    },
    body: JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "x" }] }),
  });
}

/** Checks a refused upgrade like an HTTP error: status, OpenAI body by the spec, and its code. */
export function expectRefused(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body);
  expectSchema("ErrorResponse", body);
  expect(body.error.code).toBe(code);
  if (status === 429) expect(Number(answer.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  if (status === 401) expect(answer.headers["www-authenticate"]).toBe("Bearer");
}

/** Four wrong secrets, at the doors named, from `ip`. */
export async function guess(doors: ("http" | "ws")[], url: string | string[], ip: string) {
  for (const [i, door] of doors.entries()) {
    const at = Array.isArray(url) ? (url[i % url.length] as string) : url;
    if (door === "http") await expectError(await post(at, `guess-${i}`, ip), 401);
    else expectRefused(await upgrade(at, `guess-${i}`, { ip }), 401, "invalid_api_key");
  }
}
