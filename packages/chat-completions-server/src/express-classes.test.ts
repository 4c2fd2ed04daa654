import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { expressClasses } from "./express-classes.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves `app` and reports, for one request, whether it was born with the app's prototype. */
async function serve(app: express.Express, classes: object): Promise<{ url: string; bornAsAppRequest: () => boolean }> {
  let born: boolean | undefined;
  server = createServer(classes, app);
  // Runs before Express touches the request: what the server constructed, as constructed.
  server.prependListener("request", (req: IncomingMessage) => {
    born = Object.getPrototypeOf(req) === app.request;
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bornAsAppRequest: () => born === true };
}

function app(): express.Express {
  const app = express();
  app.get("/echo", (req, res) => {
    res.status(201).json({ header: req.get("x-probe"), sameApp: req.app === app, path: req.path });
  });
  return app;
}

describe("expressClasses", () => {
  it("has requests born with the app's prototype, so Express need not change it", async () => {
    const plain = app();
    const withoutClasses = await serve(plain, {});
    await fetch(`${withoutClasses.url}/echo`);
    expect(withoutClasses.bornAsAppRequest()).toBe(false);
    await new Promise<void>((resolve) => server?.close(() => resolve()));

    const tuned = app();
    const withClasses = await serve(tuned, expressClasses(tuned));
    await fetch(`${withClasses.url}/echo`);
    expect(withClasses.bornAsAppRequest()).toBe(true);
  });

  it("keeps Express's request and response behaviour", async () => {
    const tuned = app();
    const { url } = await serve(tuned, expressClasses(tuned));
    const response = await fetch(`${url}/echo?q=1`, { headers: { "x-probe": "yes" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ header: "yes", sameApp: true, path: "/echo" });
  });
});
