// The server package validates with express-openapi-validator's compiled functions driven
// directly (validator-direct.ts) instead of the library's stock middleware. Both judge the
// fuzz suite's valid and mutated requests here, side by side: same status, same error (message,
// param, type, code), and for a valid request the same body after the validator applied its
// defaults. The modules are the package's internals, imported from its source.
import { listen } from "@openclaw/contract-kit";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonBody } from "../../../packages/chat-completions-server/src/body.js";
import { internalError, OpenAIError, sendError } from "../../../packages/chat-completions-server/src/errors.js";
import {
  createStockValidator,
  validationErrorHandler,
  validatorOptions,
  warmValidator,
} from "../../../packages/chat-completions-server/src/validation.js";
import { directValidator } from "../../../packages/chat-completions-server/src/validator-direct.js";
import { jsonContentType, mutations, validRequest } from "./requests.js";

const scale = Number(process.env.FUZZ_RUNS ?? 1);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (numRuns: number) => ({ numRuns: Math.ceil(numRuns * scale), seed, endOnFailure: true });

/** Body reading, one validator, then the body as validated (defaults applied) or the error. */
async function serve(validator: RequestHandler) {
  await warmValidator(validator);
  const app = express();
  const answerErrors: ErrorRequestHandler = (error, _req, res, _next) =>
    sendError(res, error instanceof OpenAIError ? error : internalError());
  app.post("/v1/chat/completions", jsonBody(2 * 1024 * 1024, 10_000), validator, (req, res) => {
    res.json({ validated: req.body });
  });
  app.use(validationErrorHandler, answerErrors);
  return listen(app);
}

let stock: Awaited<ReturnType<typeof serve>>;
let direct: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  const ours = await directValidator(validatorOptions(), "POST", "/v1/chat/completions", "application/json");
  // Were it undefined, the package would run the stock middleware and this file compare it with itself.
  if (!ours) throw new Error("the direct validator fell back to the stock middleware for our spec");
  [stock, direct] = await Promise.all([serve(createStockValidator()), serve(ours)]);
});
afterAll(async () => {
  await Promise.all([stock?.close(), direct?.close()]);
});

/** Sends the same request to both and expects the same answer. */
async function same(
  body: string | Uint8Array<ArrayBuffer>,
  contentType?: string,
  query = "",
  headers: Record<string, string> = {},
) {
  const answer = async (server: { url: string }) => {
    const response = await fetch(`${server.url}/v1/chat/completions${query}`, {
      method: "POST",
      headers: { "content-type": contentType ?? "application/json", ...headers },
      body,
    });
    return { status: response.status, body: await response.text() };
  };
  const [fromStock, fromDirect] = await Promise.all([answer(stock), answer(direct)]);
  expect(fromDirect).toEqual(fromStock);
  return fromStock;
}

describe("the direct validator against the stock middleware", () => {
  it("gives every valid generated request the same answer and the same defaults", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(validRequest(), fc.nat(), async (body, n) => {
        statuses.add((await same(JSON.stringify(body), n % 2 ? jsonContentType(n) : undefined)).status);
      }),
      params(600),
    );
    expect([...statuses]).toEqual([200]);
  });

  it("gives every mutation the same answer", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(validRequest(), fc.nat(mutations.length - 1), fc.nat(), async (base, which, pick) => {
        const raw = mutations[which]?.(base, pick);
        if (!raw) throw new Error(`no mutation ${which}`);
        statuses.add((await same(raw.body, raw.contentType)).status);
      }),
      params(800),
    );
    // The validator's own refusals were among them, not only the body reader's.
    expect(statuses).toContain(400);
  });

  // The stock middleware rewrites the query (bracket notation) before validating it; ours
  // validates Express's own. No query parameter is declared, so both must let any query pass.
  it.each(["?a=1", "?a[b]=1&a[c]=2", "?a=1&a=2", "?%zz=%", `?x=${"y".repeat(5000)}`, "?__proto__[x]=1"])(
    "gives a request with the query %s the same answer",
    async (query) => {
      const valid = JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "x" }] });
      expect((await same(valid, undefined, query)).status).toBe(200);
      await same(JSON.stringify({ model: "openclaw", messages: [] }), undefined, query);
    },
  );

  // The two headers the spec declares, valid and not: the general validator judges them.
  it.each<Record<string, string>>([
    { "x-openclaw-agent-id": "beta" },
    { "x-openclaw-agent-id": "-bad" },
    { "x-openclaw-agent-id": "a".repeat(65) },
    { "x-openclaw-agent-id": "ok", "x-openclaw-session-key": "s".repeat(513) },
    { "x-openclaw-session-key": "" },
    { "x-openclaw-session-key": "k 1 ümlaut" },
  ])("gives a request with the headers %o the same answer", async (headers) => {
    const valid = JSON.stringify({ model: "openclaw", messages: [{ role: "user", content: "x" }] });
    await same(valid, undefined, "", headers);
    await same(JSON.stringify({ model: 5, messages: [] }), undefined, "", headers);
  });

  it("gives each mutation of a minimal request the same answer", async () => {
    for (let which = 0; which < mutations.length; which++) {
      const raw = mutations[which]?.({ model: "openclaw", messages: [{ role: "user", content: "x" }] }, which);
      if (raw) await same(raw.body, raw.contentType);
    }
  });
});
