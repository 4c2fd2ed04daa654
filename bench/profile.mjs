#!/usr/bin/env node
// Profiles the gateway under load: starts it with --cpu-prof, drives it with wrk (32
// connections, non-streaming), stops it, and prints where the CPU went by package and by
// function (self time). The .cpuprofile it leaves can be opened as a flame graph in Chrome
// DevTools (Performance > Load profile) or speedscope. Needs wrk and a built gateway
// (`pnpm bench:profile` builds it).
//
//   BENCH_DURATION=12s pnpm bench:profile
//   PROFILE_NODE=/path/to/node pnpm bench:profile     another Node, e.g. 24
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gatewayArgs, gatewayConfig, startServer } from "./gateway.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const DURATION = process.env.BENCH_DURATION ?? "12s";
const node = process.env.PROFILE_NODE ?? process.execPath;

const { path: config, dir } = gatewayConfig(0);
const { child, url } = await startServer(
  node,
  [`--cpu-prof`, `--cpu-prof-dir=${dir}`, ...gatewayArgs(config)],
  "the gateway",
);
const out = execFileSync(
  "wrk",
  ["-t1", "-c32", `-d${DURATION}`, "-s", join(here, "post.lua"), `${url}/v1/chat/completions`],
  { encoding: "utf8" },
);
console.log(/Requests\/sec:.*/.exec(out)?.[0]);
// SIGINT: the gateway shuts down cleanly, and Node writes the profile on a clean exit.
await new Promise((resolve) => {
  child.once("exit", resolve);
  child.kill("SIGINT");
});

const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile was written to ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  total += delta;
  self.set(id, (self.get(id) ?? 0) + delta);
});

/** node_modules/<package>, node:<module>, our workspace package, or the V8 pseudo-frame. */
function owner({ url, functionName }) {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dependency) return dependency[1];
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  if (url.startsWith("file://")) return url.slice(`file://${root}`.length).split("/").slice(0, 2).join("/");
  return functionName || "(native)";
}
const byOwner = new Map();
const byFunction = new Map();
for (const [id, time] of self) {
  const frame = nodes.get(id).callFrame;
  const who = owner(frame);
  byOwner.set(who, (byOwner.get(who) ?? 0) + time);
  const file = frame.url.split("/").at(-1) || who;
  const name = `${frame.functionName || "(anonymous)"}  ${who === file ? file : `${who} ${file}`}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + time);
}
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, time]) => `${((100 * time) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 110)}`)
    .join("\n");
console.log(
  `\nSelf time by package (${execFileSync(node, ["--version"], { encoding: "utf8" }).trim()}):\n${top(byOwner, 20)}`,
);
console.log(`\nSelf time by function:\n${top(byFunction, 30)}`);
console.log(`\nFlame graph: open ${join(dir, file)} in Chrome DevTools or speedscope.`);
