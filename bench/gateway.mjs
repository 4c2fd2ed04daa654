// What run.mjs and profile.mjs share: the gateway they measure and how a server is started.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const TOKEN = "bench-token";
export const GATEWAY_CLI = fileURLToPath(new URL("../apps/gateway/dist/cli.js", import.meta.url));

/**
 * A gateway config in a fresh temp dir: token auth with the failed-auth limiter running
 * (loopback not exempt), the endpoint on, one demo/echo agent replying `tokenDelayMs` per word;
 * with `responses`, `/v1/responses` on too. Metrics (`GET /metrics`, on by default) are counted
 * unless `metrics` is false.
 */
export function gatewayConfig(tokenDelayMs, { responses = false, metrics = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "openclaw-bench-"));
  const path = join(dir, "openclaw.json");
  writeFileSync(
    path,
    JSON.stringify({
      gateway: {
        auth: { mode: "token", token: TOKEN, rateLimit: { exemptLoopback: false } },
        http: { endpoints: { chatCompletions: { enabled: true }, responses: { enabled: responses } } },
        metrics: { enabled: metrics },
      },
      models: { providers: { demo: { api: "demo", tokenDelayMs } } },
      agents: { list: [{ id: "main", default: true, model: "demo/echo" }] },
    }),
  );
  return { path, dir };
}

/** `openclaw gateway` on a free port with that config. */
export const gatewayArgs = (configPath) => [GATEWAY_CLI, "gateway", "--port", "0", "--config", configPath];

/** Starts a server process; resolves once it announced its URL, with the time that took. */
export async function startServer(node, args, name) {
  const started = performance.now();
  const child = spawn(node, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, OPENCLAW_STATE_DIR: mkdtempSync(join(tmpdir(), "openclaw-bench-state-")) },
  });
  const url = await new Promise((resolve, reject) => {
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
      const match = /listening on (http:\/\/\S+)/.exec(err);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code}: ${err}`)));
  });
  return { name, child, url, started };
}
