import { constants } from "node:fs";
import { lstat, mkdir, open, readdir, unlink, utimes } from "node:fs/promises";
import { join } from "node:path";
import type { ResponsesStore, StoredResponse } from "@openclaw/chat-completions-server";
import { replaceFile } from "../replace-file.js";

// A response file that is a symbolic link is not the store's: opening it fails (ELOOP).
const READ = constants.O_RDONLY | constants.O_NOFOLLOW;
/** The only names the store makes files for: the gateway's response ids. */
const RESPONSE_ID = /^resp_[0-9a-f]{32}$/;
/** How often expired files nobody read again are swept, at most. */
const SWEEP_MS = 60 * 60 * 1000;

export interface FileResponsesStoreOptions {
  /** Largest record read back, in bytes; a larger file is not this store's and is refused. */
  maxRecordBytes: number;
  /** Most records kept; past it the oldest tenth (by expiry) is deleted. Default: unbounded. */
  maxResponses?: number;
}

/**
 * Stored responses as one JSON file each under `<stateDir>/responses/` (created 0700, files
 * 0600, written atomically: a temp file, fsync, rename). A file's mtime is its expiry, so an
 * hourly sweep deletes expired files from their `lstat` alone; a read of an expired one
 * deletes it too. Reads never follow a link and never read more than `maxRecordBytes`.
 */
export class FileResponsesStore implements ResponsesStore {
  private readonly dir: string;
  private readonly sweeper: NodeJS.Timeout;
  /** Records in the directory once counted: an upper bound (deletes are not subtracted), corrected by each scan. */
  private count: number | undefined;

  constructor(
    stateDir: string,
    private readonly options: FileResponsesStoreOptions,
  ) {
    this.dir = join(stateDir, "responses");
    this.sweeper = setInterval(() => void this.sweep().catch(() => {}), SWEEP_MS).unref();
  }

  private file(id: string): string {
    if (!RESPONSE_ID.test(id)) throw new TypeError("not a response id");
    return join(this.dir, `${id}.json`);
  }

  async get(id: string): Promise<StoredResponse | undefined> {
    if (!RESPONSE_ID.test(id)) return undefined;
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(this.file(id), READ);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    try {
      const { size, mtimeMs } = await handle.stat();
      if (mtimeMs <= Date.now()) {
        await unlink(this.file(id)).catch(() => {});
        return undefined;
      }
      if (size > this.options.maxRecordBytes)
        throw new Error(`response record over ${this.options.maxRecordBytes} bytes`);
      const record = JSON.parse(await handle.readFile("utf8")) as { value?: StoredResponse };
      return record.value;
    } finally {
      await handle.close();
    }
  }

  async size(id: string): Promise<number> {
    if (!RESPONSE_ID.test(id)) return 0;
    try {
      const stat = await lstat(this.file(id));
      return stat.isFile() && stat.mtimeMs > Date.now() ? stat.size : 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw error;
    }
  }

  async put(id: string, value: StoredResponse, ttlMs: number): Promise<void> {
    const path = this.file(id);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await replaceFile(path, JSON.stringify({ value }), 0o600);
    const expires = new Date(Date.now() + ttlMs);
    await utimes(path, new Date(), expires);
    await this.keepWithinCount();
  }

  /**
   * Past `maxResponses` files, deletes the oldest tenth (earliest expiry: every record has the
   * same TTL, so the first written). The count is kept in memory after one directory scan, so a
   * write costs a scan only when the store is full, and then frees room for a tenth more.
   */
  private async keepWithinCount(): Promise<void> {
    const max = this.options.maxResponses;
    if (max === undefined) return;
    this.count = this.count === undefined ? (await this.records()).length : this.count + 1;
    if (this.count <= max) return;
    const records = await this.records();
    records.sort((a, b) => a.expires - b.expires);
    const excess = records.length - Math.floor(max * 0.9);
    for (const record of records.slice(0, Math.max(0, excess))) await unlink(record.path).catch(() => {});
    this.count = records.length - Math.max(0, excess);
  }

  /** Every response file with its expiry. */
  private async records(): Promise<{ path: string; expires: number }[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const records: { path: string; expires: number }[] = [];
    for (const name of names) {
      if (!name.endsWith(".json") || !RESPONSE_ID.test(name.slice(0, -5))) continue;
      const path = join(this.dir, name);
      const stat = await lstat(path).catch(() => undefined);
      if (stat?.isFile()) records.push({ path, expires: stat.mtimeMs });
    }
    return records;
  }

  async delete(id: string): Promise<boolean> {
    if (!RESPONSE_ID.test(id)) return false;
    try {
      // An expired file counts as gone already.
      const { mtimeMs } = await lstat(this.file(id));
      await unlink(this.file(id));
      return mtimeMs > Date.now();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }

  /** Deletes every expired response file (and nothing else). */
  async sweep(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    const now = Date.now();
    for (const name of names) {
      if (!name.endsWith(".json") || !RESPONSE_ID.test(name.slice(0, -5))) continue;
      const path = join(this.dir, name);
      const stat = await lstat(path).catch(() => undefined);
      if (stat?.isFile() && stat.mtimeMs <= now) {
        await unlink(path).catch(() => {});
        removed++;
      }
    }
    return removed;
  }

  /** Stops the sweep timer. */
  close(): void {
    clearInterval(this.sweeper);
  }
}
