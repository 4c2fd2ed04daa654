import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** Why a PDF gave no text. `busy`: never looked at (the queue was full, or its deadline passed in it). */
export type PdfFailure =
  | "timeout"
  | "too_many_pages"
  | "too_much_text"
  | "too_much_memory"
  | "unreadable"
  | "aborted"
  | "busy"
  | "unsupported";

export interface PdfLimits {
  /** Longest a PDF may take from its arrival (its wait in the queue included) to its text. */
  timeoutMs: number;
  maxPages: number;
  /** Most characters of text the PDF may turn into. */
  maxChars: number;
  /** Most memory (resident set) the process parsing one PDF may reach; past it, it is killed. */
  maxMemoryBytes: number;
  /** PDFs parsed at once, process-wide. */
  concurrency: number;
  /** PDFs waiting for a parse slot at most, process-wide; one more is refused as `busy`. */
  maxQueued: number;
}

/** How often a parsing child's resident memory is read. A PDF stream inflates at some hundreds of MB/s. */
const POLL_MS = 20;
const MIB = 1024 * 1024;

const unpdfPath = createRequire(import.meta.url).resolve("unpdf");

// A script, not a file beside this one, so it runs the same from src (tests) and dist. It gets
// the PDF by IPC, answers one message and is killed: its memory goes back to the OS with it.
const CHILD = `
process.once("message", async ({ unpdfPath, bytes, maxPages, maxChars }) => {
  let result;
  try {
    const { getDocumentProxy } = require(unpdfPath);
    // pdf.js refuses a Buffer (which a Buffer sent arrives as): a plain Uint8Array of the same bytes.
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const doc = await getDocumentProxy(data, { verbosity: 0, isEvalSupported: false });
    if (doc.numPages > maxPages) result = { failure: "too_many_pages" };
    else {
      const pages = [];
      let chars = 0;
      for (let i = 1; i <= doc.numPages && !result; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        const text = content.items.map((item) => (item.str ?? "") + (item.hasEOL ? "\\n" : "")).join("");
        chars += text.length;
        if (chars > maxChars) result = { failure: "too_much_text" };
        pages.push(text);
      }
      result ??= { text: pages.join("\\n\\n") };
    }
  } catch {
    result = { failure: "unreadable" };
  }
  process.send(result);
});
`;

/** Resident memory of process `pid` in bytes, from /proc (Linux); `undefined` if it cannot be read. */
async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Children parsing now: killed if the gateway exits, so none outlives it. */
const children = new Set<ChildProcess>();
let exitHook = false;

let running = 0;
const waiting: (() => void)[] = [];

/** Frees a parse slot: handed to the first waiter, if any (`running` stays as it is). */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/**
 * Waits for a parse slot, first come first served, until `deadline` (then `busy`) or until
 * `signal` aborts (the client is gone: it leaves the queue). A full queue is `busy` at once.
 */
function slot(limits: PdfLimits, deadline: number, signal?: AbortSignal): Promise<PdfFailure | undefined> {
  if (running < limits.concurrency) {
    running++;
    return Promise.resolve(undefined);
  }
  if (signal?.aborted) return Promise.resolve("aborted");
  if (waiting.length >= limits.maxQueued) return Promise.resolve("busy");
  return new Promise((resolve) => {
    const leave = (failure: PdfFailure) => {
      waiting.splice(waiting.indexOf(take), 1);
      done(failure);
    };
    const onAbort = () => leave("aborted");
    const timer = setTimeout(() => leave("busy"), deadline - Date.now());
    const done = (failure: PdfFailure | undefined) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(failure);
    };
    const take = () => done(undefined);
    waiting.push(take);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The text of a PDF, extracted by unpdf (pdf.js) in a child process that is killed when its
 * resident memory passes `maxMemoryBytes` (polled from here: a child busy inflating a stream
 * cannot report), when `timeoutMs` from arrival has passed, or when `signal` aborts. A worker
 * thread's heap limit would not do: pdf.js's decoded streams are ArrayBuffers outside the heap,
 * and memory freed inside the gateway's process is not given back to the OS.
 *
 * At most `concurrency` run at once; up to `maxQueued` others wait in order. Memory is polled
 * through /proc: on a platform without it PDFs are `unsupported` rather than read unbounded.
 */
export async function pdfText(
  bytes: Uint8Array,
  limits: PdfLimits,
  signal?: AbortSignal,
): Promise<{ text: string } | { failure: PdfFailure }> {
  if (process.platform !== "linux") return { failure: "unsupported" };
  const deadline = Date.now() + limits.timeoutMs;
  const waited = await slot(limits, deadline, signal);
  if (waited) return { failure: waited };
  try {
    return await parse(bytes, limits, deadline, signal);
  } finally {
    release();
  }
}

function parse(
  bytes: Uint8Array,
  limits: PdfLimits,
  deadline: number,
  signal?: AbortSignal,
): Promise<{ text: string } | { failure: PdfFailure }> {
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const child of children) child.kill("SIGKILL");
    });
  }
  return new Promise((resolve) => {
    const heapMb = Math.max(16, Math.floor(limits.maxMemoryBytes / MIB));
    // No environment: the parser needs none, and the gateway's holds secrets.
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, "-e", CHILD], {
      stdio: ["ignore", "ignore", "ignore", "ipc"],
      serialization: "advanced",
      env: {},
    });
    children.add(child);
    let ended = false;
    const end = (result: { text: string } | { failure: PdfFailure }) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      clearInterval(poll);
      signal?.removeEventListener("abort", onAbort);
      child.kill("SIGKILL");
      children.delete(child);
      resolve(result);
    };
    const onAbort = () => end({ failure: "aborted" });
    const timer = setTimeout(() => end({ failure: "timeout" }), Math.max(0, deadline - Date.now()));
    let reading = false;
    const poll = setInterval(() => {
      if (reading || child.pid === undefined) return;
      reading = true;
      void residentBytes(child.pid).then((rss) => {
        reading = false;
        if (rss !== undefined && rss > limits.maxMemoryBytes) end({ failure: "too_much_memory" });
      });
    }, POLL_MS);
    signal?.addEventListener("abort", onAbort, { once: true });
    child.once("message", (message: { text: string } | { failure: PdfFailure }) => end(message));
    // V8 aborts a child whose heap reaches --max-old-space-size: its memory was the limit too.
    child.once("exit", (_code, name) => end({ failure: name === "SIGABRT" ? "too_much_memory" : "unreadable" }));
    child.once("error", () => end({ failure: "unreadable" }));
    child.send({ unpdfPath, bytes, maxPages: limits.maxPages, maxChars: limits.maxChars }, (error) => {
      if (error) end({ failure: "unreadable" });
    });
  });
}
