import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { type RequestHandler, Router } from "express";

/**
 * The page's Content-Security-Policy: its own hashed script and stylesheet, requests to this
 * gateway only, nothing inline, no plugins, no frames around it, no form that could put the
 * secret in a URL if the script failed, and Trusted Types so no DOM sink can take markup.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

/** What every answer of the page carries. */
const COMMON = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** The page itself: always revalidated, so a new build's asset names are picked up at once. */
const HTML_HEADERS = {
  ...COMMON,
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-cache",
  "Content-Security-Policy": CSP,
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Asset names carry their content's hash: a name never changes content, so cache it for a year. */
const ASSET_CACHE = "public, max-age=31536000, immutable";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

interface File {
  body: Buffer;
  headers: Record<string, string>;
}

/** The built page, held in memory (some 20 KiB): `index.html` and its hashed assets by name. */
export interface ChatPage {
  html: File;
  assets: ReadonlyMap<string, File>;
}

/**
 * Reads the page `@openclaw/chat-page` built (dist/index.html and dist/assets/). Only the files
 * found here are ever served: a request names one of them or gets the gateway's 404.
 */
export async function loadChatPage(): Promise<ChatPage> {
  try {
    const index = createRequire(import.meta.url).resolve("@openclaw/chat-page/dist/index.html");
    const dir = join(dirname(index), "assets");
    const html = { body: await readFile(index), headers: HTML_HEADERS };
    const assets = new Map<string, File>();
    for (const name of await readdir(dir)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const headers = { ...COMMON, "Content-Type": type, "Cache-Control": ASSET_CACHE };
      assets.set(name, { body: await readFile(join(dir, name)), headers });
    }
    return { html, assets };
  } catch (error) {
    throw new Error(
      "The chat page is not built (apps/chat-page/dist): run `pnpm build`, or set gateway.http.chatPage.enabled to false.",
      { cause: error },
    );
  }
}

const send =
  (file: File): RequestHandler =>
  (req, res) => {
    res.writeHead(200, { ...file.headers, "Content-Length": file.body.length });
    res.end(req.method === "HEAD" ? undefined : file.body);
  };

/** `GET /` (the page) and `GET /assets/<name>` (its script and stylesheet); HEAD too. */
export function chatPageRouter(page: ChatPage): Router {
  const router = Router();
  router.get("/", send(page.html));
  router.get("/assets/:name", (req, res, next) => {
    const file = page.assets.get(req.params.name as string);
    if (!file) return next();
    send(file)(req, res, next);
  });
  return router;
}
