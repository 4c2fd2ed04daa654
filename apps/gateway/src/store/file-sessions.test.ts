import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@openclaw/contract-kit/gateway";
import { describe, expect, it } from "vitest";
import { FileSessionStore } from "./file-sessions.js";

const turn = (text: string) => ({
  messages: [
    { role: "user" as const, content: text },
    { role: "assistant" as const, content: `re: ${text}` },
  ],
});
const limits = (maxTurns: number, maxBytes = 1024 * 1024) => ({ maxTurns, maxBytes });
const texts = (turns: { messages: { content?: unknown }[] }[]) => turns.map((t) => t.messages[0]?.content);

describe("FileSessionStore", () => {
  it("keeps turns across instances (a restart)", async () => {
    const dir = tempDir();
    await new FileSessionStore(dir, limits(10)).append("k", turn("a"));
    await new FileSessionStore(dir, limits(10)).append("k", turn("b"));
    expect(texts(await new FileSessionStore(dir, limits(10)).load("k"))).toEqual(["a", "b"]);
  });

  it("skips a torn last line and never glues the next turn to it", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, limits(10));
    await store.append("k", turn("a"));
    const file = join(dir, "sessions", readdirSync(join(dir, "sessions"))[0] ?? "");
    appendFileSync(file, '{"messages":[{"role":"user","cont'); // a crash mid-write
    expect(texts(await store.load("k"))).toEqual(["a"]);
    await store.append("k", turn("b"));
    expect(texts(await new FileSessionStore(dir, limits(10)).load("k"))).toEqual(["a", "b"]);
  });

  it("bounds the file: compacts to the window once it holds twice as many turns", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, limits(3));
    for (let i = 0; i < 20; i++) await store.append("k", turn(String(i)));
    expect(texts(await store.load("k"))).toEqual(["17", "18", "19"]);
    const file = join(dir, "sessions", readdirSync(join(dir, "sessions"))[0] ?? "");
    expect(readFileSync(file, "utf8").trim().split("\n").length).toBeLessThanOrEqual(6);
  });

  it("loses no turn when many are appended to one session at once", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, limits(1000));
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.append("k", turn(String(i)))));
    const stored = texts(await new FileSessionStore(dir, limits(1000)).load("k"));
    expect(new Set(stored).size).toBe(100);
  });

  it("reports the size a load would read: the file's, at most maxBytes, 0 for no session", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, limits(1000, 10_000));
    expect(await store.size("k")).toBe(0);
    await store.append("k", turn("a"));
    const file = join(dir, "sessions", readdirSync(join(dir, "sessions"))[0] ?? "");
    expect(await store.size("k")).toBe(statSync(file).size);
    appendFileSync(file, "x".repeat(50_000)); // as a file from before the byte cap: reads see its tail
    expect(await store.size("k")).toBe(10_000);
  });

  it("keeps sessions apart", async () => {
    const store = new FileSessionStore(tempDir(), limits(10));
    await store.append("agent:main:openai-user:a", turn("x"));
    expect(await store.load("agent:main:openai-user:b")).toEqual([]);
  });

  it("keeps a session within maxBytes, dropping the oldest turns, and its file within twice that", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, limits(1000, 10_000));
    const big = (i: number) => `${i}:${"x".repeat(1500)}`;
    for (let i = 0; i < 40; i++) await store.append("k", turn(big(i)));
    const kept = texts(await store.load("k"));
    expect(kept.at(-1)).toBe(big(39));
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(4); // each stored turn is ~3 KB: three fit in 10 KB
    expect(statSync(sessionFile(dir)).size).toBeLessThanOrEqual(2 * 10_000 + 3_200);
  });

  it("answers a turn larger than maxBytes with false, keeping the session as it was", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, limits(10, 2_000));
    expect(await store.append("k", turn("small"))).toBe(true);
    expect(await store.append("k", turn("x".repeat(5_000)))).toBe(false);
    expect(await store.append("k", turn("after"))).toBe(true);
    expect(texts(await store.load("k"))).toEqual(["small", "after"]);
  });

  it("reads only the window of a file far larger than maxBytes (a file from before the cap)", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, limits(50, 4_096));
    await store.append("k", turn("first"));
    const file = sessionFile(dir);
    const line = `${JSON.stringify({ messages: turn("y".repeat(1000)).messages })}\n`;
    writeFileSync(file, line.repeat(20_000)); // ~40 MB
    await store.append("k", turn("last"));
    expect(texts(await store.load("k")).at(-1)).toBe("last");
    expect(statSync(file).size).toBeLessThanOrEqual(4_096);
  });

  it("remembers turn counts for at most countedSessions keys, however many sessions there are", async () => {
    const store = new FileSessionStore(tempDir(), { ...limits(10), countedSessions: 20 });
    for (let i = 0; i < 200; i++) await store.append(`key-${i}`, turn(String(i)));
    expect(store.countedSessions).toBe(20);
    // A forgotten count is recounted from the file: compaction still happens on time.
    for (let i = 0; i < 30; i++) await store.append("key-0", turn(`again-${i}`));
    expect(texts(await store.load("key-0")).at(-1)).toBe("again-29");
  });

  it("creates the state and sessions directories 0700 and session files 0600, across compactions", async () => {
    const state = join(tempDir(), "state");
    const store = new FileSessionStore(state, limits(1));
    await store.append("k", turn("a"));
    const file = sessionFile(state);
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(statSync(join(state, "sessions")).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const text of ["b", "c", "d"]) await store.append("k", turn(text)); // compacted at 3 lines
    expect(readFileSync(file, "utf8").trim().split("\n").length).toBeLessThanOrEqual(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(state, "sessions"))).toHaveLength(1); // no temp file left behind
  });
});

const sessionFile = (dir: string) => join(dir, "sessions", readdirSync(join(dir, "sessions"))[0] ?? "");
