#!/usr/bin/env node
// Builds the chat page into dist/: the TypeScript (with @openclaw/chat-completions-client) and
// the stylesheet bundled by esbuild into content-hashed files under dist/assets/, so the gateway
// can let browsers cache them for ever, and dist/index.html naming them with their Subresource
// Integrity hashes. No inline script or style: the page runs under a strict CSP.
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, "assets"), { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/main.ts", "src/style.css"],
  outdir: "dist/assets",
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: ["es2022"],
  legalComments: "none",
  metafile: true,
});

/**
 * The built file of each entry point, as the page names it (`assets/<name>`, relative: the page
 * also works behind a proxy that serves the gateway under a path), with its SRI hash.
 */
const assets = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!output.entryPoint) continue;
  const sri = `sha384-${createHash("sha384")
    .update(await readFile(join(root, file)))
    .digest("base64")}`;
  assets[output.entryPoint] = { href: `assets/${basename(file)}`, sri };
}
// The icon is not code: copied under its own content hash, as esbuild names the others.
const icon = await readFile(join(root, "src/favicon.svg"));
const iconName = `favicon-${createHash("sha256").update(icon).digest("hex").slice(0, 8).toUpperCase()}.svg`;
await writeFile(join(dist, "assets", iconName), icon);

const script = assets["src/main.ts"];
const style = assets["src/style.css"];
if (!script || !style) throw new Error(`esbuild did not build both entry points: ${JSON.stringify(assets)}`);

const html = (await readFile(join(root, "src/index.html"), "utf8"))
  .replace("%SCRIPT%", script.href)
  .replace("%SCRIPT_SRI%", script.sri)
  .replace("%STYLE%", style.href)
  .replace("%STYLE_SRI%", style.sri)
  .replace("%ICON%", `assets/${iconName}`);
if (html.includes("%")) throw new Error("src/index.html has a placeholder this script does not fill");
await writeFile(join(dist, "index.html"), html);
console.log(`@openclaw/chat-page: ${script.href}, ${style.href}`);
