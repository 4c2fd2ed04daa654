import { randomBytes } from "node:crypto";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import JSON5 from "json5";
import { ConfigError, configPath, parseConfig, readConfigFile } from "../config/load.js";

/** Keys that reach an object's prototype: setting through them would change every object in the process. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** `gateway.auth.token` -> ["gateway","auth","token"]; `agents.list[1].model` -> [..., "list", 1, "model"]. */
export function parsePath(path: string): (string | number)[] {
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(path)) {
    throw new ConfigError(`"${path}" is not a config path (e.g. gateway.port or agents.list[0].model)`);
  }
  const keys = [...path.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] as string),
  );
  const reserved = keys.find((key) => typeof key === "string" && PROTOTYPE_KEYS.has(key));
  if (reserved !== undefined) throw new ConfigError(`"${path}" is not a config path ("${reserved}" is no config key)`);
  return keys;
}

function getAt(value: unknown, keys: (string | number)[]): unknown {
  return keys.reduce<unknown>(
    (node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

function setAt(root: Record<string, unknown>, keys: (string | number)[], value: unknown, path: string): void {
  let node: Record<string | number, unknown> = root;
  keys.forEach((key, i) => {
    // `list[99999999]` would make a sparse list that long, which validating then walks (minutes,
    // gigabytes): an index may name an element or the one after the last, nothing further.
    if (typeof key === "number" && Array.isArray(node) && key > node.length) {
      throw new ConfigError(
        `"${path}": index ${key} is past the end of a list of ${node.length} (use [${node.length}] to add one)`,
      );
    }
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
  setAt(raw, parsePath(path), parseValue(value), path);
  parseConfig(raw);
  await writePrivately(file, `${JSON5.stringify(raw, null, 2)}\n`);
  return `Set ${path} in ${file}`;
}

/**
 * Replaces `file` with `text` atomically, keeping its mode (0600 when new: it may hold the
 * secret); a missing directory is created 0700. The text goes to a new temp file in the same
 * directory, opened exclusively (never someone else's file or link), synced, then renamed over.
 */
async function writePrivately(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const mode = await stat(file).then(
    (stats) => stats.mode & 0o7777,
    () => 0o600,
  );
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.chmod(mode); // exactly the old mode, whatever the umask
    await handle.writeFile(text);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
}
