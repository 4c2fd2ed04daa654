import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";

/**
 * Replaces `path` with `data` atomically: a reader sees the old file or the new one, never a
 * torn one, and a crash leaves at most a stray temp file. The data goes to a new temp file in
 * the same directory (so the rename stays on one filesystem), opened exclusively (never someone
 * else's file or a link planted there) with `mode` set exactly, whatever the umask, and is
 * synced before the rename. Used for the config file (which may hold the secret) and session
 * compaction.
 */
export async function replaceFile(path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", mode);
  try {
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw error;
  }
}
