import { constants } from "node:fs";
import { type FileHandle, lstat, mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import { replaceFile } from "../replace-file.js";
import { decodeTurn, encodeTurn, sessionId } from "./encoding.js";
import type { SessionLimits, SessionStore, StoredTurn } from "./types.js";

const NEWLINE = 0x0a;
// A session file that is a symbolic link is not the store's: opening it fails (ELOOP) rather than
// reading or appending to whatever it points at.
const READ = constants.O_RDONLY | constants.O_NOFOLLOW;
const APPEND = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
const CHUNK_BYTES = 64 * 1024;

/** Sessions whose turn count the store remembers between appends, by default. */
export const DEFAULT_COUNTED_SESSIONS = 10_000;

export interface FileSessionStoreOptions extends SessionLimits {
  /**
   * How many sessions' turn counts are remembered (the least recently used are forgotten and
   * recounted from their file when next appended to), so memory stays bounded however many
   * distinct keys clients choose. Default {@link DEFAULT_COUNTED_SESSIONS}.
   */
  countedSessions?: number;
}

interface Line {
  /** The stored record, without its newline. */
  bytes: Buffer;
  turn: StoredTurn;
}

/** Reads `length` bytes at `position`, however many reads that takes. */
async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * Sessions as JSON Lines files under `<stateDir>/sessions/` (created 0700; files 0600), one line
 * per turn. Appends are fsynced, so a finished turn survives a crash; a torn last line (a crash
 * mid-write) is skipped on read and never glued to the next turn.
 *
 * Bounded in bytes, not just turns: a read looks at the file's last `maxBytes` only, so it never
 * loads more than the window whatever the file holds; a turn larger than `maxBytes` is not
 * stored; once a file holds twice the window's turns or bytes it is rewritten to the window
 * (a temp file opened exclusively in the same directory, fsync, rename).
 */
export class FileSessionStore implements SessionStore {
  private readonly dir: string;
  private readonly maxTurns: number;
  private readonly maxBytes: number;
  private readonly maxCounted: number;
  /** Appends in flight, per session: one entry per running append, removed when it settles. */
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Turns per session file, least recently used first; at most `maxCounted` entries. */
  private readonly counts = new Map<string, number>();

  constructor(stateDir: string, options: FileSessionStoreOptions) {
    this.dir = join(stateDir, "sessions");
    this.maxTurns = options.maxTurns;
    this.maxBytes = options.maxBytes;
    this.maxCounted = options.countedSessions ?? DEFAULT_COUNTED_SESSIONS;
  }

  /** Sessions whose turn count is remembered now (never more than `countedSessions`). */
  get countedSessions(): number {
    return this.counts.size;
  }

  private file(id: string): string {
    return join(this.dir, `${id}.jsonl`);
  }

  /** Runs `task` after every earlier task of the same session. */
  private serially<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(task);
    const settled = next.catch(() => {});
    this.locks.set(id, settled);
    void settled.then(() => {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    });
    return next;
  }

  private remember(id: string, count: number): void {
    this.counts.delete(id);
    this.counts.set(id, count);
    if (this.counts.size > this.maxCounted) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
  }

  /**
   * The newest readable turns within the limits, oldest first, read from the file's last
   * `maxBytes` (+1, to see whether the first line starts inside them) and nothing before.
   */
  private async window(handle: FileHandle): Promise<Line[]> {
    const { size } = await handle.stat();
    const start = Math.max(0, size - this.maxBytes - 1);
    const tail = await readAt(handle, size - start, start);
    const lines: Line[] = [];
    // Bytes after the last newline are a torn write (or one in progress): never a turn.
    let end = tail.lastIndexOf(NEWLINE);
    while (end > 0 && lines.length < this.maxTurns) {
      const before = tail.lastIndexOf(NEWLINE, end - 1);
      // A line that begins before the window is past `maxBytes`: it and all older ones are dropped.
      if (before < 0 && start > 0) break;
      const bytes = tail.subarray(before + 1, end);
      const turn = bytes.length > 0 ? decodeTurn(bytes.toString("utf8")) : undefined;
      if (turn) lines.push({ bytes, turn });
      end = before;
    }
    return lines.reverse();
  }

  async load(sessionKey: string): Promise<StoredTurn[]> {
    let handle: FileHandle;
    try {
      handle = await open(this.file(sessionId(sessionKey)), READ);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    try {
      return (await this.window(handle)).map((line) => line.turn);
    } finally {
      await handle.close();
    }
  }

  async size(sessionKey: string): Promise<number> {
    try {
      // lstat: a symbolic link is never followed (load refuses it anyway).
      const { size } = await lstat(this.file(sessionId(sessionKey)));
      return Math.min(size, this.maxBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw error;
    }
  }

  async append(sessionKey: string, turn: StoredTurn): Promise<boolean> {
    const line = `${encodeTurn(turn)}\n`;
    const bytes = Buffer.byteLength(line);
    if (bytes > this.maxBytes) return false;
    const id = sessionId(sessionKey);
    await this.serially(id, async () => {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const handle = await open(this.file(id), APPEND, 0o600);
      try {
        let { size } = await handle.stat();
        // After a torn write the file does not end in a newline; start our line on a fresh one.
        const prefix = size > 0 && (await readAt(handle, 1, size - 1))[0] !== NEWLINE ? "\n" : "";
        await handle.appendFile(prefix + line);
        await handle.datasync();
        size += prefix.length + bytes;
        const oversized = size > this.maxBytes * 2;
        // A forgotten count is recounted from the file, unless the file is due for compaction
        // anyway (which counts what it keeps): a file from before the cap may be huge.
        const known = this.counts.get(id);
        const count =
          known !== undefined ? known + 1 : oversized ? Number.POSITIVE_INFINITY : await countLines(handle, size);
        this.remember(id, count);
        if (count > this.maxTurns * 2 || oversized) {
          // The turn is stored; a failed compaction only leaves the file longer until the next append retries.
          await this.compact(id, handle).catch(() => {});
        }
      } finally {
        await handle.close();
      }
    });
    return true;
  }

  /** Rewrites the file to its window, atomically; never more than `maxBytes` in memory. */
  private async compact(id: string, handle: FileHandle): Promise<void> {
    const keep = await this.window(handle);
    const path = this.file(id);
    await replaceFile(path, Buffer.concat(keep.flatMap((line) => [line.bytes, Buffer.from("\n")])), 0o600);
    this.remember(id, keep.length);
  }
}

/** Newlines in the file's first `size` bytes, read a chunk at a time. */
async function countLines(handle: FileHandle, size: number): Promise<number> {
  let count = 0;
  for (let position = 0; position < size; position += CHUNK_BYTES) {
    const chunk = await readAt(handle, Math.min(CHUNK_BYTES, size - position), position);
    for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, i + 1)) count++;
    if (chunk.length === 0) break;
  }
  return count;
}
