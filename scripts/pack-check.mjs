#!/usr/bin/env node
// Packs every package as it would be published, installs the tarballs into an empty project
// outside the workspace, then imports each as ESM and type-checks a consumer against it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const work = mkdtempSync(join(tmpdir(), "openclaw-pack-"));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
// Under `pnpm run`, npm_execpath is pnpm itself, which need not be on PATH (CI runs it via npx).
const pnpm = (args, cwd) =>
  process.env.npm_execpath?.includes("pnpm")
    ? run(process.execPath, [process.env.npm_execpath, ...args], cwd)
    : run("pnpm", args, cwd);

try {
  const packages = readdirSync(join(root, "packages")).map((dir) => join(root, "packages", dir));
  const tarballs = packages.map((dir) => {
    const out = pnpm(["pack", "--pack-destination", work], dir).trim().split("\n").at(-1);
    return resolve(dir, out);
  });
  const names = packages.map((dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name);

  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module" }));
  run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...tarballs,
      "express@5",
      "typescript@5.9",
      "@types/node@20",
      "@types/express@5",
    ],
    work,
  );

  writeFileSync(
    join(work, "consumer.ts"),
    `import { createChatCompletionsRouter, AgentError, type RunAgent } from "@openclaw/chat-completions-server";
import { createChatCompletionsClient, agentModel, APIError } from "@openclaw/chat-completions-client";
const runAgent: RunAgent = async function* () { yield { type: "done" }; };
export const router = createChatCompletionsRouter({ enabled: true, auth: { mode: "token", token: "t" }, agents: { list: () => ["main"] }, runAgent });
export const client = createChatCompletionsClient({ baseUrl: "http://127.0.0.1:1", token: "t" });
export const model: string = agentModel("main");
export const errors = [AgentError, APIError];
`,
  );
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ["node"],
        lib: ["es2023", "dom"],
      },
      files: ["consumer.ts"],
    }),
  );
  run(process.execPath, [join(work, "node_modules/typescript/bin/tsc"), "-p", work], work);
  for (const name of names) {
    run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(name)}); if (Object.keys(m).length === 0) process.exit(1);`,
      ],
      work,
    );
  }
  console.log(`Packed, installed, imported and type-checked: ${names.join(", ")}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
