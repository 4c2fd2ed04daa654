import type { AddressInfo } from "node:net";
import express, { type RequestHandler } from "express";
import { describe, expect, it } from "vitest";
import { series } from "./series.js";

/** Serves `handlers` as one series, then a route that answers `next`, then an error handler. */
async function serve(...handlers: RequestHandler[]) {
  const app = express();
  app.use(series(...handlers));
  app.get("/", (_req, res) => void res.send("next"));
  app.use(
    ((error, _req, res, _next) =>
      void res.status(500).send(`error: ${(error as Error).message}`)) as express.ErrorRequestHandler,
  );
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const answer = await fetch(url);
    return { status: answer.status, text: await answer.text() };
  } finally {
    server.close();
  }
}

const mark =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.append("x-ran", name);
    next();
  };

describe("series", () => {
  const cases: { name: string; handlers: RequestHandler[]; status: number; text: string }[] = [
    { name: "runs every handler, then the next layer", handlers: [mark("a"), mark("b")], status: 200, text: "next" },
    {
      name: "stops at a handler that answers",
      handlers: [mark("a"), (_req, res) => void res.status(403).send("refused"), mark("c")],
      status: 403,
      text: "refused",
    },
    {
      name: "sends an error passed to next to the error handlers",
      handlers: [(_req, _res, next) => next(new Error("passed")), mark("b")],
      status: 500,
      text: "error: passed",
    },
    {
      name: "sends a thrown error to the error handlers",
      handlers: [
        mark("a"),
        () => {
          throw new Error("thrown");
        },
      ],
      status: 500,
      text: "error: thrown",
    },
    {
      name: "sends an error thrown after a handler called next later to the error handlers",
      handlers: [
        (_req, _res, next) => void setImmediate(next),
        () => {
          throw new Error("late");
        },
      ],
      status: 500,
      text: "error: late",
    },
    {
      name: "sends an async handler's rejection to the error handlers",
      handlers: [
        async () => {
          throw new Error("async");
        },
        mark("b"),
      ],
      status: 500,
      text: "error: async",
    },
    // What Express takes as no error from a layer goes on to the next handler here too.
    ...(["route", false, 0, ""] as const).map((value) => ({
      name: `goes on after next(${JSON.stringify(value)})`,
      handlers: [
        (_req, _res, next) => next(value),
        (_req, res) => void res.status(202).send("second"),
      ] as RequestHandler[],
      status: 202,
      text: "second",
    })),
    {
      name: "goes on after a thrown undefined, as Express does",
      handlers: [
        () => {
          throw undefined;
        },
        (_req, res) => void res.status(202).send("second"),
      ],
      status: 202,
      text: "second",
    },
    {
      name: "runs a handler that calls next later",
      handlers: [(_req, _res, next) => void setImmediate(next), mark("b")],
      status: 200,
      text: "next",
    },
  ];
  it.each(cases)("$name", async ({ handlers, status, text }) => {
    expect(await serve(...handlers)).toEqual({ status, text });
  });

  it("runs the handlers in order", async () => {
    const app = express();
    app.use(series(mark("a"), mark("b"), mark("c")));
    app.get("/", (_req, res) => void res.end());
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.close();
    expect(answer.headers.get("x-ran")).toBe("a, b, c");
  });
});
