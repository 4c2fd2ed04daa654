import { mkdir, open, realpath, stat, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import JSON5 from "json5";
import { ConfigError, configPath, parseConfig, readConfigFile } from "../config/load.js";
import { replaceFile } from "../replace-file.js";

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

/** How long `config set` waits for another one on the same file to finish. */
const LOCK_WAIT_MS = 10_000;

/**
 * Runs `task` holding `<file>.lock` (created exclusively, removed after), so concurrent
 * `config set`s on one file run one after another: each reads what the previous one wrote, and
 * no set is lost. A lock left by a crash is named in the error after {@link LOCK_WAIT_MS}.
 */
async function withLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  for (;;) {
    try {
      await (await open(lock, "wx", 0o600)).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() > deadline)
        throw new Error(`Another "openclaw config set" holds ${lock}; if none is running, remove that file.`);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    }
  }
  try {
    return await task();
  } finally {
    await unlink(lock).catch(() => {});
  }
}

/** Sets `path` to `value` in the config file, after checking the result is a valid config. */
export async function configSet(path: string, value: string, flag?: string): Promise<string> {
  const { path: named } = configPath(flag);
  const keys = parsePath(path);
  // A config that is a symbolic link (to a dotfiles repository, say) is written where it points,
  // keeping the link, rather than replaced by a copy.
  const file = await realpath(named).catch(() => named);
  await withLock(file, async () => {
    const raw = (await readConfigFile(file, false)) as Record<string, unknown>;
    setAt(raw, keys, parseValue(value), path);
    parseConfig(raw);
    await writePrivately(file, `${JSON5.stringify(raw, null, 2)}\n`);
  });
  return `Set ${path} in ${named}`;
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
  await replaceFile(file, text, mode);
}
