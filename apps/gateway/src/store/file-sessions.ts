import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import type { ConversationMessage } from "@openclaw/chat-completions-server";

/** One finished turn: the messages it added (the new input, then the assistant's reply). */
export interface StoredTurn {
  messages: ConversationMessage[];
}

/**
 * A session key as a fixed-length name for a file or a Redis key: keys are client-chosen text
 * of any length and character set.
 */
export function sessionId(sessionKey: string): string {
  return createHash("sha256").update(sessionKey).digest("hex").slice(0, 40);
}

/** Where persistent sessions live. */
export interface SessionStore {
  /** The most recent turns of a session, oldest first (at most the store's window). */
  load(sessionKey: string): Promise<StoredTurn[]>;
  /** Appends a finished turn durably; resolves only once it would survive a crash. */
  append(sessionKey: string, turn: StoredTurn): Promise<void>;
}

/**
 * Sessions as JSON Lines files under `<stateDir>/sessions/`, one line per turn. Appends are
 * fsynced, so a finished turn survives a crash; a torn last line (a crash mid-write) is skipped
 * on read and never glued to the next turn, so earlier turns stay intact. When a file holds
 * twice the window, it is rewritten to the window atomically (temp file, fsync, rename).
 */
export class FileSessionStore implements SessionStore {
  private readonly dir: string;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly lineCounts = new Map<string, number>();

  constructor(
    stateDir: string,
    private readonly maxTurns: number,
  ) {
    this.dir = join(stateDir, "sessions");
  }

  private file(sessionKey: string): string {
    return join(this.dir, `${sessionId(sessionKey)}.jsonl`);
  }

  /** Runs `task` after every earlier task of the same session. */
  private serially<T>(sessionKey: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sessionKey) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(task);
    const settled = next.catch(() => {});
    this.locks.set(sessionKey, settled);
    void settled.then(() => {
      if (this.locks.get(sessionKey) === settled) this.locks.delete(sessionKey);
    });
    return next;
  }

  private async readAll(sessionKey: string): Promise<StoredTurn[]> {
    let text: string;
    try {
      text = await readFile(this.file(sessionKey), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const turns: StoredTurn[] = [];
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        turns.push({ messages: (JSON.parse(line) as StoredTurn).messages });
      } catch {
        // A torn write from a crash: that turn never finished.
      }
    }
    this.lineCounts.set(sessionKey, turns.length);
    return turns;
  }

  async load(sessionKey: string): Promise<StoredTurn[]> {
    return (await this.readAll(sessionKey)).slice(-this.maxTurns);
  }

  append(sessionKey: string, turn: StoredTurn): Promise<void> {
    return this.serially(sessionKey, async () => {
      await mkdir(this.dir, { recursive: true });
      const path = this.file(sessionKey);
      const line = `${JSON.stringify({ at: new Date().toISOString(), messages: turn.messages })}\n`;
      const handle = await open(path, "a+");
      try {
        const { size } = await handle.stat();
        // After a torn write the file does not end in a newline; start our line on a fresh one.
        let prefix = "";
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = "\n";
        }
        await handle.appendFile(prefix + line);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      const count = (this.lineCounts.get(sessionKey) ?? (await this.readAll(sessionKey)).length - 1) + 1;
      this.lineCounts.set(sessionKey, count);
      if (count > this.maxTurns * 2) await this.compact(sessionKey);
    });
  }

  private async compact(sessionKey: string): Promise<void> {
    const keep = (await this.readAll(sessionKey)).slice(-this.maxTurns);
    const path = this.file(sessionKey);
    const temp = `${path}.${process.pid}.tmp`;
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(keep.map((t) => `${JSON.stringify({ messages: t.messages })}\n`).join(""));
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    this.lineCounts.set(sessionKey, keep.length);
  }
}
