#!/usr/bin/env node
// Reports what the client costs a browser app: dist/index.js bundled with its dependencies,
// minified. Fails past the bound, and (platform "browser") on any import a browser lacks (node:*).
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The gzipped size a browser app may pay for the client; raise it only on purpose. */
const MAX_GZIPPED_BYTES = 8 * 1024;

const result = await build({
  entryPoints: ["dist/index.js"],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  write: false,
});
const bytes = result.outputFiles[0].contents;
const gzipped = gzipSync(bytes).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`@openclaw/chat-completions-client bundle: ${kib(bytes.length)} minified, ${kib(gzipped)} gzipped`);
if (gzipped > MAX_GZIPPED_BYTES) {
  console.error(`The bundle is over its bound of ${kib(MAX_GZIPPED_BYTES)} gzipped.`);
  process.exit(1);
}
