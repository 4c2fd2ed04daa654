// The observer hooks a host counts with: every event, with its labels, from the shared places
// (observeRequests, InFlightRuns, observeAgent, the auth gate).

import { EventEmitter } from "node:events";
import { ServerResponse } from "node:http";
import { until } from "@openclaw/contract-kit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AgentError } from "./errors.js";
import { observeAgent, observeRequests, type ServerObserver } from "./observer.js";
import { InFlightRuns } from "./runs.js";
import { chatRequest, expectError, postChat, readSse, startServer, type TestServer, TOKEN } from "./test/harness.js";
import type { AgentTurn, RunAgent } from "./types.js";

/** An observer that records every event as `hook {fields}`. */
function recorder() {
  const events: string[] = [];
  const record =
    (hook: string) =>
    (event: object): void => {
      const { seconds, firstByteSeconds, ...rest } = event as Record<string, unknown>;
      for (const time of [seconds, firstByteSeconds]) if (time !== undefined) expect(time).toBeGreaterThanOrEqual(0);
      events.push(`${hook} ${JSON.stringify(rest)}`);
    };
  const observer: Required<ServerObserver> = {
    requestFinished: record("request"),
    streamOpened: record("streamOpened"),
    streamClosed: record("streamClosed"),
    runEnded: record("run"),
    tokens: record("tokens"),
    authFailed: record("authFailed"),
    authLockout: record("authLockout"),
  };
  return { events, observer };
}

/** By the user message: "fail" throws before anything, "stall" waits for its signal, else one word and usage. */
const agent: RunAgent = async function* (turn: AgentTurn, { signal }) {
  const said = turn.messages.at(-1)?.content;
  if (said === "fail") throw new AgentError("upstream down", { status: 502, code: "upstream_unreachable" });
  if (said === "stall") {
    yield { type: "text", text: "…" };
    await new Promise((resolve) => signal.addEventListener("abort", resolve));
    return;
  }
  yield { type: "text", text: "ok" };
  yield { type: "done", usage: { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5 } };
};

let server: TestServer;
afterEach(() => server?.close());

describe("the observer", () => {
  it("hears every request, stream, run outcome, token count and failed auth, with bounded labels", async () => {
    const { events, observer } = recorder();
    const runs = new InFlightRuns({ observer });
    server = await startServer(
      {
        runAgent: observeAgent(agent, observer),
        runs,
        observer,
        auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 2, exemptLoopback: false } },
      },
      (app) => app.use(observeRequests(observer)),
    );
    const say = (content: string, extra: Record<string, unknown> = {}) =>
      postChat(server.url, chatRequest({ messages: [{ role: "user", content }], ...extra }));

    expect((await say("hello")).status).toBe(200);
    await readSse(await say("hello", { stream: true }));
    await expectError(await say("fail"), 502);
    await expectError(await fetch(`${server.url}/v1/models/secret-agent-name`), 401);
    const controller = new AbortController();
    const stalled = await postChat(
      server.url,
      chatRequest({ stream: true, messages: [{ role: "user", content: "stall" }] }),
      {},
      { signal: controller.signal },
    );
    await stalled.body?.getReader().read();
    controller.abort();
    await until(() => server.router.activeRuns === 0, { what: "the abandoned run to end" });
    await expectError(await postChat(server.url, chatRequest(), { authorization: "Bearer a" }), 401);
    await expectError(await postChat(server.url, chatRequest(), { authorization: "Bearer b" }), 401);
    await expectError(await postChat(server.url, chatRequest(), { authorization: "Bearer c" }), 429);
    await until(() => events.filter((e) => e.startsWith("request")).length === 8, { what: "eight requests" });

    const route = "/v1/chat/completions";
    // Sorted: a disconnect's stream close and run end come from one event, in no promised order.
    expect(events.filter((e) => !e.startsWith("request")).sort()).toEqual(
      [
        ...Array(2).fill(`tokens {"agentId":"main","input":4,"output":1}`),
        ...Array(2).fill(`run {"agentId":"main","door":"http","outcome":"completed"}`),
        `run {"agentId":"main","door":"http","outcome":"failed"}`,
        `run {"agentId":"main","door":"http","outcome":"aborted_by_client"}`,
        ...Array(2).fill(`streamOpened {"route":"${route}"}`),
        ...Array(2).fill(`streamClosed {"route":"${route}"}`),
        ...Array(2).fill(`authFailed {"door":"http"}`),
        `authLockout {"door":"http"}`,
      ].sort(),
    );
    expect(events.filter((e) => e.startsWith("request")).sort()).toEqual(
      [
        ...Array(2).fill(`request {"route":"${route}","status":200}`),
        `request {"route":"${route}","status":502}`,
        `request {"route":"/v1/models/*model","status":401}`,
        `request {"route":"${route}","status":200}`,
        ...Array(2).fill(`request {"route":"${route}","status":401}`),
        `request {"route":"${route}","status":429}`,
      ].sort(),
    );
  });

  it("labels a request no route answered 'other', never with its path", async () => {
    const { events, observer } = recorder();
    server = await startServer({}, (app) => app.use(observeRequests(observer)));
    expect((await fetch(`${server.url}/some/path/a/client/chose`)).status).toBe(404);
    await until(() => events.length === 1);
    expect(events).toEqual([`request {"route":"other","status":404}`]);
  });

  it("sees a stream once per middleware when two watch it, and hooks writeHead once per process", async () => {
    const first = recorder();
    const second = recorder();
    server = await startServer({}, (app) => app.use(observeRequests(first.observer), observeRequests(second.observer)));
    await readSse(await postChat(server.url, chatRequest({ stream: true })));
    const hook = ServerResponse.prototype.writeHead;
    // More apps, more middlewares (a host rebuilding its app on reload): no wrapper on wrapper.
    for (let i = 0; i < 3; i++) {
      await server.close();
      server = await startServer({}, (app) => app.use(observeRequests(recorder().observer)));
      await readSse(await postChat(server.url, chatRequest({ stream: true })));
    }
    expect(ServerResponse.prototype.writeHead).toBe(hook);
    for (const { events } of [first, second]) {
      await until(() => events.some((e) => e.startsWith("request")));
      expect(events.filter((e) => e.startsWith("stream")).sort()).toEqual([
        `streamClosed {"route":"/v1/chat/completions"}`,
        `streamOpened {"route":"/v1/chat/completions"}`,
      ]);
    }
  });

  it("reports a hand-made response with no writeHead to inherit when it closes, without throwing", () => {
    const { events, observer } = recorder();
    const res = Object.assign(new EventEmitter(), { headersSent: true, statusCode: 204, writeHead() {} });
    const next = vi.fn();
    observeRequests(observer)({ route: undefined } as never, res as never, next);
    expect(next).toHaveBeenCalledOnce();
    res.emit("close");
    expect(events).toEqual([`request {"route":"other","status":204}`]);
  });

  it("reports runs a drain ended as ended_by_shutdown, on every transport sharing the runs", async () => {
    const { events, observer } = recorder();
    const runs = new InFlightRuns({ observer });
    const socketRun = runs.start({ agentId: "beta", door: "websocket" });
    socketRun.signal.addEventListener("abort", () => runs.end(socketRun));
    const anonymous = runs.start();
    anonymous.signal.addEventListener("abort", () => runs.end(anonymous));
    await runs.drain(0);
    expect(events).toEqual([`run {"agentId":"beta","door":"websocket","outcome":"ended_by_shutdown"}`]);
  });

  it("does not abort a run that another run's abort ended during the drain", async () => {
    const { events, observer } = recorder();
    const runs = new InFlightRuns({ observer });
    const first = runs.start({ agentId: "a", door: "websocket" });
    const second = runs.start({ agentId: "b", door: "websocket" });
    // The first run's abort ends the second as completed, before the drain reaches it.
    first.signal.addEventListener("abort", () => {
      runs.end(second);
      runs.end(first);
    });
    await runs.drain(0);
    expect(second.signal.aborted).toBe(false);
    expect(events).toEqual([
      `run {"agentId":"b","door":"websocket","outcome":"completed"}`,
      `run {"agentId":"a","door":"websocket","outcome":"ended_by_shutdown"}`,
    ]);
  });
});

describe("observeRequests' route templates", () => {
  it("names a route by its template at the root, and with the request's prefix under a mount", async () => {
    const { default: express } = await import("express");
    const { events, observer } = recorder();
    const routes = express.Router();
    routes.get("/items/:id", (_req, res) => void res.end());
    const app = express();
    app.use(observeRequests({ requestFinished: observer.requestFinished }));
    app.use("/t/:tenant", routes);
    app.use(routes);
    const listening = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    const base = `http://127.0.0.1:${(listening.address() as { port: number }).port}`;
    try {
      for (const path of ["/items/1", "/items/2", "/t/acme/items/3", "/t/other/items/4"])
        await (await fetch(`${base}${path}`)).text();
      await until(() => events.length === 4, { what: "four finished requests" });
    } finally {
      listening.close();
    }
    expect(events).toEqual([
      'request {"route":"/items/:id","status":200}',
      'request {"route":"/items/:id","status":200}',
      'request {"route":"/t/acme/items/:id","status":200}',
      'request {"route":"/t/other/items/:id","status":200}',
    ]);
  });
});
