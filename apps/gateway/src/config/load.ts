import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { MAX_SECRET_LENGTH } from "@openclaw/chat-completions-server";
import JSON5 from "json5";
import type { z } from "zod";
import { type Config, configSchema, redisStore } from "./schema.js";

/** A config problem the user must fix; the CLI prints it and exits 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** `--config`, else `OPENCLAW_CONFIG_PATH`, else `~/.openclaw/openclaw.json`. */
export function configPath(flag?: string, env = process.env): { path: string; explicit: boolean } {
  if (flag) return { path: flag, explicit: true };
  if (env.OPENCLAW_CONFIG_PATH) return { path: env.OPENCLAW_CONFIG_PATH, explicit: true };
  return { path: join(homedir(), ".openclaw", "openclaw.json"), explicit: false };
}

/** Sessions and other state: `OPENCLAW_STATE_DIR`, else `~/.openclaw`. */
export function stateDir(env = process.env): string {
  return env.OPENCLAW_STATE_DIR || join(homedir(), ".openclaw");
}

/** `gateway.auth.rateLimit` -> `agents.list[1].model`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

/** Replaces every string of the exact form `${NAME}` with that environment variable. */
function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, path: PropertyKey[] = []): unknown {
  if (typeof value === "string") {
    const name = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(value)?.[1];
    if (name === undefined) return value;
    const resolved = env[name];
    if (resolved === undefined) throw new ConfigError(`${formatPath(path)}: environment variable ${name} is not set`);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((item, i) => substituteEnv(item, env, [...path, i]));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env, [...path, k])]));
  }
  return value;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${formatPath(issue.path) || "(root)"}: ${issue.message}`).join("\n");
}

/** Validates a raw config object; secrets come from the environment when the file has none. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(substituteEnv(raw ?? {}, env));
  if (!result.success) throw new ConfigError(`Invalid config:\n${describeIssues(result.error)}`);
  const config = result.data;
  const auth = config.gateway.auth;
  auth.token ??= env.OPENCLAW_GATEWAY_TOKEN || undefined;
  auth.password ??= env.OPENCLAW_GATEWAY_PASSWORD || undefined;
  if (!config.gateway.store.redis && env.OPENCLAW_REDIS_URL) {
    // The URL from the environment, every other key at its default.
    config.gateway.store.redis = { ...redisStore.omit({ url: true }).parse({}), url: env.OPENCLAW_REDIS_URL };
  }
  return config;
}

/** Reads the JSON5 file (or nothing, when the default path does not exist) and validates it. */
export async function readConfigFile(path: string, explicit: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && !explicit) return {};
    throw new ConfigError(`Cannot read config file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON5.parse(text);
  } catch (error) {
    throw new ConfigError(`Config file ${path} is not valid JSON5: ${(error as Error).message}`);
  }
}

export async function loadConfig(flag?: string, env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const { path, explicit } = configPath(flag, env);
  return parseConfig(await readConfigFile(path, explicit), env);
}

/** The secret clients must present, or a ConfigError that says how to set one. */
export function requireSecret(config: Config): string {
  const { mode, token, password } = config.gateway.auth;
  const secret = mode === "token" ? token : password;
  const [key, env] = mode === "token" ? ["token", "OPENCLAW_GATEWAY_TOKEN"] : ["password", "OPENCLAW_GATEWAY_PASSWORD"];
  if (secret && secret.length > MAX_SECRET_LENGTH) {
    throw new ConfigError(
      `gateway.auth.${key} (or ${env}) is longer than ${MAX_SECRET_LENGTH} characters: no client could present it.`,
    );
  }
  if (secret) return secret;
  throw new ConfigError(
    `gateway.auth.mode is "${mode}" but no ${key} is set. Set gateway.auth.${key} in the config file ` +
      `(openclaw config set gateway.auth.${key} <secret>) or the ${env} environment variable.`,
  );
}
