import { appendFileSync, readdirSync, readFileSync } from "node:fs";
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
const texts = (turns: { messages: { content?: unknown }[] }[]) => turns.map((t) => t.messages[0]?.content);

describe("FileSessionStore", () => {
  it("keeps turns across instances (a restart)", async () => {
    const dir = tempDir();
    await new FileSessionStore(dir, 10).append("k", turn("a"));
    await new FileSessionStore(dir, 10).append("k", turn("b"));
    expect(texts(await new FileSessionStore(dir, 10).load("k"))).toEqual(["a", "b"]);
  });

  it("skips a torn last line and never glues the next turn to it", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, 10);
    await store.append("k", turn("a"));
    const file = join(dir, "sessions", readdirSync(join(dir, "sessions"))[0] ?? "");
    appendFileSync(file, '{"messages":[{"role":"user","cont'); // a crash mid-write
    expect(texts(await store.load("k"))).toEqual(["a"]);
    await store.append("k", turn("b"));
    expect(texts(await new FileSessionStore(dir, 10).load("k"))).toEqual(["a", "b"]);
  });

  it("bounds the file: compacts to the window once it holds twice as many turns", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, 3);
    for (let i = 0; i < 20; i++) await store.append("k", turn(String(i)));
    expect(texts(await store.load("k"))).toEqual(["17", "18", "19"]);
    const file = join(dir, "sessions", readdirSync(join(dir, "sessions"))[0] ?? "");
    expect(readFileSync(file, "utf8").trim().split("\n").length).toBeLessThanOrEqual(6);
  });

  it("loses no turn when many are appended to one session at once", async () => {
    const dir = tempDir();
    const store = new FileSessionStore(dir, 1000);
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.append("k", turn(String(i)))));
    const stored = texts(await new FileSessionStore(dir, 1000).load("k"));
    expect(new Set(stored).size).toBe(100);
  });

  it("keeps sessions apart", async () => {
    const store = new FileSessionStore(tempDir(), 10);
    await store.append("agent:main:openai-user:a", turn("x"));
    expect(await store.load("agent:main:openai-user:b")).toEqual([]);
  });
});
