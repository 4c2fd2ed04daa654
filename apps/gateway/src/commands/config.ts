import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import JSON5 from "json5";
import { ConfigError, configPath, parseConfig, readConfigFile } from "../config/load.js";

/** `gateway.auth.token` -> ["gateway","auth","token"]; `agents.list[1].model` -> [..., "list", 1, "model"]. */
export function parsePath(path: string): (string | number)[] {
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(path)) {
    throw new ConfigError(`"${path}" is not a config path (e.g. gateway.port or agents.list[0].model)`);
  }
  return [...path.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] as string),
  );
}

function getAt(value: unknown, keys: (string | number)[]): unknown {
  return keys.reduce<unknown>(
    (node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

function setAt(root: Record<string, unknown>, keys: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = typeof keys[i + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}

/** A VALUE as JSON5 when it parses (`true`, `18789`, `["a"]`), else the plain string. */
function parseValue(text: string): unknown {
  try {
    return JSON5.parse(text);
  } catch {
    return text;
  }
}

/** Prints the effective value at `path` (defaults applied) as JSON. */
export async function configGet(path: string, flag?: string): Promise<string> {
  const { path: file, explicit } = configPath(flag);
  const value = getAt(parseConfig(await readConfigFile(file, explicit)), parsePath(path));
  if (value === undefined) throw new ConfigError(`${path} is not set`);
  return JSON.stringify(value, null, 2);
}

/** Sets `path` to `value` in the config file, after checking the result is a valid config. */
export async function configSet(path: string, value: string, flag?: string): Promise<string> {
  const { path: file } = configPath(flag);
  const raw = (await readConfigFile(file, false)) as Record<string, unknown>;
  setAt(raw, parsePath(path), parseValue(value));
  parseConfig(raw);
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON5.stringify(raw, null, 2)}\n`);
  await rename(temp, file);
  return `Set ${path} in ${file}`;
}
