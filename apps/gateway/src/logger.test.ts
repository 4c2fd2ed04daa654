import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, requestLog } from "./logger.js";

/** A destination that keeps every line written to it, and tells who waits for a line. */
const capture = () => {
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  const stream = {
    write(line: string) {
      lines.push(line);
      for (const wake of waiting) wake();
    },
  };
  /** The first line containing `text`, once it is written. */
  const line = (text: string) =>
    new Promise<string>((resolve) => {
      const look = () => {
        const found = lines.find((l) => l.includes(text));
        if (found === undefined) return;
        waiting.delete(look);
        resolve(found);
      };
      waiting.add(look);
      look();
    });
  return { lines, stream, line };
};
const withoutTime = (line: string) => line.replace(/,"time":\d+/, ',"time":0');

describe("the request log", () => {
  const out = capture();
  const logger = createLogger("info", out.stream);
  let url = "";
  let close = () => {};
  beforeAll(async () => {
    const app = express();
    app.use(requestLog(logger));
    app.all("/{*any}", (req, res) => void res.status(Number(req.query.status ?? 200)).end());
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  // Paths with what JSON must escape, and a query the line must leave out.
  const cases = [
    { path: "/v1/chat/completions", status: 200 },
    { path: '/a"quote\\back', status: 404 },
    { path: "/%00%1F/ü/\u{1F600}", status: 500 },
    { path: "/with/query?secret=x&page=2", status: 201 },
  ];
  it.each(cases)("writes $path ($status) exactly as pino's own logger.info would", async ({ path, status }) => {
    const [pathname, query] = path.split("?");
    const answer = await fetch(`${url}${pathname}?status=${status}${query ? `&${query}` : ""}`);
    await answer.text();
    const line = await out.line(`"reqId":"${answer.headers.get("x-request-id")}"`);
    const { level, time, service, msg, ...fields } = JSON.parse(line);
    expect({ level, service, msg, status: fields.status }).toEqual({
      level: 30,
      service: "openclaw-gateway",
      msg: "request",
      status,
    });
    expect(typeof time).toBe("number");
    expect(fields.path).not.toContain("?");

    const pinos = capture();
    pino({ level: "info", base: { service: "openclaw-gateway" } }, pinos.stream).info(fields, "request");
    expect(withoutTime(line)).toBe(withoutTime(pinos.lines[0] as string));
  });

  it("writes nothing below its level", async () => {
    const quiet = capture();
    const app = express();
    app.use(requestLog(createLogger("warn", quiet.stream)));
    app.get("/", (_req, res) => void res.end());
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text();
    server.close();
    expect(quiet.lines).toEqual([]);
  });
});

describe("the stdout logger", () => {
  // The built logger in a process of its own, which logs three lines and then exits.
  const lastWords = async (exit: string) => {
    const logger = new URL("../dist/logger.js", import.meta.url).href;
    const script = `import { createLogger } from ${JSON.stringify(logger)};
      const logger = createLogger("info");
      for (let i = 0; i < 3; i++) logger.info({ i }, "last words");
      ${exit}`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script]);
    return stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).i);
  };

  it.each([
    ["exits at once", "process.exit(0);"],
    ["flushes, then exits", "logger.flush(() => process.exit(0));"],
    ["ends by itself", ""],
  ])("writes the lines still waiting when the process %s", async (_how, exit) => {
    expect(await lastWords(exit)).toEqual([0, 1, 2]);
  });
});
