// The gateway's chat page in a real Chromium: the secret, streaming, Stop, sessions, and the
// errors a person meets, each said in words. One browser and one gateway for the file; the
// tests run in order on one page, as a person would use it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { until } from "@openclaw/contract-kit";
import { baseConfig, type RunningGateway, startGateway, TOKEN } from "@openclaw/contract-kit/gateway";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, requestLines } from "./browser.js";

/**
 * The README's picture of the page, taken by this test: written to docs/ when
 * `UPDATE_SCREENSHOT` is set (so a plain test run leaves the checkout clean), else to the temp dir.
 */
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? fileURLToPath(new URL("../../../docs/chat-page.png", import.meta.url))
  : join(tmpdir(), `openclaw-chat-page-${process.pid}.png`);

/** What the upstream says: markup, which the page must show as text and never run. */
const PARTIAL = `<img src=x onerror="document.title='owned'"> partial reply`;

/** An OpenAI-compatible upstream that sends one chunk and then ends its stream early. */
function truncatingUpstream(): Server {
  return createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = {
        id: "u",
        object: "chat.completion.chunk",
        created: 1,
        model: "m",
        choices: [{ index: 0, delta: { role: "assistant", content: PARTIAL }, finish_reason: null }],
      };
      res.end(`data: ${JSON.stringify(chunk)}\n\n`);
    });
  });
}

/** Three turns of one conversation with the slow `recall` agent: 19 words, then 32, then one question. */
const FIRST = "Remember this: the quick brown fox jumps over the lazy dog, and the band plays on until morning.";
const LONG = `Now a long one, which I will stop: ${"and then, ".repeat(12).trim()}`;
const QUESTION = "What did I say first?";

describe.skipIf(!hasChromium)("the chat page in Chromium", () => {
  const upstream = truncatingUpstream();
  let gateway: RunningGateway;
  let browser: Browser;
  let page: Page;
  /** What Chromium said on the console: a CSP or Trusted Types violation would show here. */
  const console: string[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const { port } = upstream.address() as AddressInfo;
    const config = baseConfig({
      gateway: {
        // The browser is on loopback: it must not be exempt, or it could never be locked out.
        auth: { mode: "token", token: TOKEN, rateLimit: { maxAttempts: 3, exemptLoopback: false } },
        http: { endpoints: { chatCompletions: { enabled: true } } },
      },
      models: {
        providers: {
          slow: { api: "demo", tokenDelayMs: 100 },
          flaky: { api: "openai-completions", baseUrl: `http://127.0.0.1:${port}/v1`, models: [{ id: "m" }] },
        },
      },
      agents: {
        list: [
          { id: "main", default: true, model: "demo/echo" },
          { id: "recall", model: "slow/recall" },
          { id: "flaky", model: "flaky/m" },
        ],
      },
    });
    [gateway, browser] = await Promise.all([startGateway(config), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 640, height: 480 } });
    page.on("console", (message) => console.push(message.text()));
    page.on("pageerror", (error) => console.push(`pageerror: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    upstream.close();
  });

  const alert = () => page.getByRole("alert");
  const secretField = () => page.getByRole("textbox", { name: "Secret" });
  const lastReply = () => page.locator("#log li.assistant").last();

  /** Enters `secret`; resolves with the status the gateway answered the page's check with. */
  async function unlock(secret: string): Promise<number> {
    const response = page.waitForResponse((r) => r.url().endsWith("/v1/models"));
    await secretField().fill(secret);
    await page.getByRole("button", { name: "Unlock" }).click();
    return (await response).status();
  }

  /** Sends `text` and resolves with the X-Request-Id of its request, once its answer began. */
  async function send(text: string): Promise<string> {
    const response = page.waitForResponse(
      (r) => r.url().endsWith("/v1/chat/completions") && r.request().method() === "POST",
    );
    await page.getByRole("textbox", { name: "Message" }).fill(text);
    await page.getByRole("button", { name: "Send" }).click();
    return (await response).headers()["x-request-id"] ?? "";
  }

  /** The last reply's text once it is complete. */
  async function finishedReply(): Promise<string> {
    await page.waitForFunction(
      () => [...document.querySelectorAll("#log li.assistant")].at(-1)?.getAttribute("aria-busy") === "false",
    );
    return (await lastReply().locator(".text").textContent()) ?? "";
  }

  it("says a wrong secret in words, then takes the right one, keeps it in the tab only, and lists the agents", async () => {
    await page.goto(gateway.url);
    expect(await unlock("not-the-secret")).toBe(401);
    await expect.poll(() => alert().textContent()).toBe("Wrong secret: the gateway refused it. Enter it again.");
    expect(await unlock(TOKEN)).toBe(200);
    await page.getByRole("button", { name: "New chat" }).waitFor();
    expect(await page.getByLabel("Agent").locator("option").allTextContents()).toEqual([
      "default agent",
      "main",
      "recall",
      "flaky",
    ]);
    expect(page.url()).toBe(`${gateway.url}/`);
    expect(await page.evaluate(() => sessionStorage.getItem("openclaw.gatewaySecret"))).toBe(TOKEN);
    await page.reload();
    await page.getByRole("button", { name: "New chat" }).waitFor();
    expect(await secretField().isVisible()).toBe(false);
  });

  it("keeps the saved secret when the check fails for another reason than a wrong secret, inviting no password manager", async () => {
    expect(await page.locator("#secret").getAttribute("autocomplete")).toBe("off");
    expect(await page.locator("input:not(#secret)").count()).toBe(0);
    // The gateway failing after a reload (Retry-After-Ms: 1, so the client's retries are quick).
    const failing = "**/v1/models";
    await page.route(failing, (route) =>
      route.fulfill({
        status: 503,
        headers: { "retry-after-ms": "1" },
        contentType: "application/json",
        body: JSON.stringify({ error: { message: "Overloaded.", type: "api_error", param: null, code: null } }),
      }),
    );
    await page.reload();
    await expect.poll(() => alert().textContent()).toBe("The gateway answered 503: Overloaded.");
    expect(await page.evaluate(() => sessionStorage.getItem("openclaw.gatewaySecret"))).toBe(TOKEN);
    await page.unroute(failing);
    await page.reload();
    await page.getByRole("button", { name: "New chat" }).waitFor();
  });

  it("streams a reply from a slow agent, the text growing before the end", async () => {
    await page.getByLabel("Agent").selectOption("openclaw/recall");
    // Every change to the reply, as the page makes it: no polling that a busy host could outrun.
    await page.evaluate(() => {
      const seen: { busy: string | null; text: string }[] = [];
      Object.assign(window, { seen });
      new MutationObserver(() => {
        const reply = document.querySelector("#log li.assistant:last-of-type");
        const text = reply?.querySelector(".text")?.textContent;
        if (reply && text) seen.push({ busy: reply.getAttribute("aria-busy"), text });
      }).observe(document.getElementById("log") as HTMLElement, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await send(FIRST);
    const expected = `recall: ${FIRST}`;
    expect(await finishedReply()).toBe(expected);
    const seen = await page.evaluate(() => (window as unknown as { seen: { busy: string; text: string }[] }).seen);
    const partial = seen.filter((s) => s.busy === "true" && s.text.length < expected.length);
    expect(partial.length).toBeGreaterThan(1);
    for (const s of partial) expect(expected.startsWith(s.text)).toBe(true);
  });

  it("stops a reply with Stop: the stream ends there and the agent's run is aborted", async () => {
    const reqId = await send(LONG);
    await page.locator("#log li.assistant[aria-busy=true] .text:not(:empty)").waitFor();
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => lastReply().locator(".note").textContent()).toBe("Stopped.");
    expect(await lastReply().getAttribute("aria-busy")).toBe("false");
    const shown = (await lastReply().locator(".text").textContent()) ?? "";
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(`recall: ${FIRST} | ${LONG}`.length);
    // The gateway's side: the request ended before its answer did, so its run's signal aborted.
    const line = await until(() => requestLines(gateway.output()).find((l) => l.reqId === reqId), {
      what: "the stopped request's log line",
    });
    expect(line).toMatchObject({ method: "POST", path: "/v1/chat/completions", status: 200, aborted: true });
    expect(await page.getByRole("button", { name: "Send" }).isEnabled()).toBe(true);
    // Stop, now disabled, gave the keyboard focus back to the message box.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("message");
  });

  it("keeps one session per conversation: the next turn recalls the first but not the stopped one", async () => {
    await send(QUESTION);
    // An aborted run stores nothing: the session holds the first turn only.
    expect(await finishedReply()).toBe(`recall: ${FIRST} | ${QUESTION}`);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.getByRole("button", { name: "New chat" }).click();
    expect(await page.locator("#log li").count()).toBe(0);
    await send("fresh");
    expect(await finishedReply()).toBe("recall: fresh");
  });

  it("grows a long reply in one text node, not by replacing the whole text on every delta", async () => {
    await page.getByLabel("Agent").selectOption("openclaw/main");
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" ");
    // Every change to the reply's text element: replacing its text is a childList record each time.
    await page.evaluate(() => {
      const changes = { replaced: 0, appended: 0 };
      Object.assign(window, { changes });
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === "childList" && (r.target as Element).matches?.("li.assistant .text")) changes.replaced++;
          if (r.type === "characterData") changes.appended++;
        }
      }).observe(document.getElementById("log") as HTMLElement, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await send(words);
    expect(await finishedReply()).toBe(`echo: ${words}`);
    const changes = await page.evaluate(
      () => (window as unknown as { changes: { replaced: number; appended: number } }).changes,
    );
    // The echo agent streams a delta per word: each one is appended to the node the reply began with.
    expect(changes.replaced).toBeLessThanOrEqual(1);
    expect(changes.appended).toBeGreaterThan(1000);
  });

  it("says in words when the agent fails in the middle of its reply, keeping what came, as text", async () => {
    await page.getByLabel("Agent").selectOption("openclaw/flaky");
    await send("hello");
    await page.locator("#log li.assistant.failed").waitFor();
    expect(await lastReply().locator(".text").textContent()).toBe(PARTIAL);
    expect(await page.locator("#log img").count()).toBe(0);
    const said = "The agent failed in the middle of its reply: Upstream provider 'flaky' ended its stream early.";
    expect(await lastReply().locator(".note").textContent()).toBe(said);
    expect(await alert().textContent()).toBe(said);
  });

  it("says when this address is locked out, with the wait from Retry-After", async () => {
    await page.getByRole("button", { name: "Forget secret" }).click();
    expect(await page.evaluate(() => sessionStorage.getItem("openclaw.gatewaySecret"))).toBeNull();
    // maxAttempts is 3 and the first wrong secret counted: two more are refused, the next locked out.
    const wrong = "Wrong secret: the gateway refused it. Enter it again.";
    for (const guess of ["guess-1", "guess-2"]) {
      expect(await unlock(guess)).toBe(401);
      await expect.poll(() => alert().textContent()).toBe(wrong);
    }
    const lockedOut = "Locked out: too many wrong secrets from this address. Try again in 5 minutes.";
    expect(await unlock("guess-3")).toBe(429);
    await expect.poll(() => alert().textContent()).toBe(lockedOut);
    expect(await unlock(TOKEN)).toBe(429);
    await expect.poll(() => alert().textContent()).toBe(lockedOut);
  });

  it("ran under its CSP without a violation or a script error", async () => {
    expect(await page.title()).toBe("OpenClaw chat");
    const problems = console.filter((text) => /Content Security Policy|Trusted Type|pageerror/i.test(text));
    expect(problems).toEqual([]);
  });
});
