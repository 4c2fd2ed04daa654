// Drives the real `openclaw` CLI (apps/gateway/dist/cli.js) as a child process, as users run it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expectCompletion } from "./http.js";

export const CLI = fileURLToPath(new URL("../../../apps/gateway/dist/cli.js", import.meta.url));
export const TOKEN = "gateway-test-token";

/** A fresh temp dir. */
export const tempDir = (prefix = "openclaw-test-") => mkdtempSync(join(tmpdir(), prefix));

/** Writes `config` (an object, or JSON5 text) to a temp file and returns its path. */
export function writeConfig(config: unknown, dir = tempDir()): string {
  const path = join(dir, "openclaw.json5");
  writeFileSync(path, typeof config === "string" ? config : JSON.stringify(config, null, 2));
  return path;
}

/** A config with the endpoint on, agents main (demo/echo) and beta (demo/recall), and the test token. */
export function baseConfig(overrides: { gateway?: object; models?: object; agents?: object; session?: object } = {}) {
  return {
    gateway: {
      auth: { mode: "token", token: TOKEN },
      http: { endpoints: { chatCompletions: { enabled: true } } },
      ...overrides.gateway,
    },
    models: overrides.models ?? { providers: {} },
    agents: overrides.agents ?? {
      list: [
        { id: "main", default: true, model: "demo/echo" },
        { id: "beta", model: "demo/recall" },
      ],
    },
    session: overrides.session ?? {},
    logging: { level: "info" },
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...cleanEnv(), ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** The environment without any OpenClaw variable of the developer's own. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("OPENCLAW_")));
}

export interface RunningGateway {
  url: string;
  child: ChildProcess;
  stateDir: string;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `openclaw gateway --port 0` with `config` and waits until it listens. */
export async function startGateway(
  config: unknown,
  options: { env?: NodeJS.ProcessEnv; stateDir?: string; args?: string[] } = {},
): Promise<RunningGateway> {
  const stateDir = options.stateDir ?? tempDir("openclaw-state-");
  const configFile = writeConfig(config);
  const child = spawn(
    process.execPath,
    [CLI, "gateway", "--port", "0", "--config", configFile, ...(options.args ?? [])],
    {
      env: { ...cleanEnv(), OPENCLAW_STATE_DIR: stateDir, ...options.env },
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = "";
    // Only for a start that hangs, reported with its output: a start takes ~0.4 s idle, but two
    // at once passed 15 s at load 19 on 2 cores. Below the suites' 60 s hook and test timeouts.
    const timer = setTimeout(() => {
      child.kill("SIGKILL"); // else it would outlive the suite
      reject(new Error(`gateway did not start:\n${stderr}${output}`));
    }, 45_000);
    child.stderr?.on("data", (d) => {
      stderr += d;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}:\n${stderr}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url,
    child,
    stateDir,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function chat(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
    body: JSON.stringify({ model: "openclaw", ...body }),
  });
}

/** The content of a non-streamed answer, after checking it against the spec. */
export async function reply(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<string> {
  const completion = await expectCompletion(await chat(url, body, headers));
  return completion.choices[0]?.message.content ?? "";
}
