#!/usr/bin/env node
// Writes everything derived from openapi/openapi.yaml into the packages that use it.
// `--check` regenerates in memory and fails when a committed file differs (the drift check).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const specPath = resolve(root, "openapi/openapi.yaml");
const banner = "// Generated from openapi/openapi.yaml by `pnpm generate`. Do not edit.\n";

const source = await readFile(specPath, "utf8");
const types = banner + astToString(await openapiTS(parse(source), { defaultNonNullable: false }));
// The server validates against the spec at run time, so it ships the document as a module.
const specModule = `${banner}const spec: Record<string, unknown> = ${JSON.stringify(parse(source), null, 2)};\nexport default spec;\n`;

const outputs = {
  "packages/chat-completions-server/src/generated/openapi.ts": types,
  "packages/chat-completions-server/src/generated/spec.ts": specModule,
  "packages/chat-completions-client/src/generated/openapi.ts": types,
};

const check = process.argv.includes("--check");
const stale = [];
for (const [file, content] of Object.entries(outputs)) {
  const path = resolve(root, file);
  if (check) {
    const committed = await readFile(path, "utf8").catch(() => "");
    if (committed !== content) stale.push(relative(root, path));
  } else {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}
if (stale.length > 0) {
  console.error(
    `Generated files are out of date with openapi/openapi.yaml:\n  ${stale.join("\n  ")}\nRun \`pnpm generate\` and commit the result.`,
  );
  process.exit(1);
}
console.log(check ? "Generated files match the spec." : `Wrote ${Object.keys(outputs).length} generated files.`);
