#!/usr/bin/env node
// Reports what the client costs a browser app: dist/index.js bundled with its dependencies, minified.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const result = await build({
  entryPoints: ["dist/index.js"],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  write: false,
});
const bytes = result.outputFiles[0].contents;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `@openclaw/chat-completions-client bundle: ${kib(bytes.length)} minified, ${kib(gzipSync(bytes).length)} gzipped`,
);
