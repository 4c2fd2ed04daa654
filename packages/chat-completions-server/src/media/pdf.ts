import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Why a PDF gave no text. */
export type PdfFailure = "timeout" | "too_many_pages" | "too_much_text" | "unreadable" | "aborted";

export interface PdfLimits {
  timeoutMs: number;
  maxPages: number;
  /** Most characters of text the PDF may turn into. */
  maxChars: number;
}

/**
 * PDFs parsed at once, process-wide: each holds a worker thread and up to its heap bound, so a
 * burst of PDF requests waits rather than taking every core and gigabytes.
 */
const MAX_CONCURRENT = 2;
/** Heap one PDF's worker may use; past it the worker dies and the PDF is refused (a decompression bomb). */
const WORKER_HEAP_MB = 128;

const unpdfPath = createRequire(import.meta.url).resolve("unpdf");

// The worker is a script, not a file beside this one, so it runs the same from src (tests) and dist.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { getDocumentProxy } = require(workerData.unpdfPath);
(async () => {
  const { bytes, maxPages, maxChars } = workerData;
  const doc = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false });
  if (doc.numPages > maxPages) return parentPort.postMessage({ failure: "too_many_pages" });
  const pages = [];
  let chars = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const text = content.items.map((item) => (item.str ?? "") + (item.hasEOL ? "\\n" : "")).join("");
    chars += text.length;
    if (chars > maxChars) return parentPort.postMessage({ failure: "too_much_text" });
    pages.push(text);
  }
  parentPort.postMessage({ text: pages.join("\\n\\n") });
})().catch(() => parentPort.postMessage({ failure: "unreadable" }));
`;

let running = 0;
const waiting: (() => void)[] = [];

/**
 * Waits for one of the {@link MAX_CONCURRENT} slots, first come first served; resolves its
 * release, or `undefined` if `signal` aborts first (the client is gone: it leaves the queue).
 */
async function slot(signal?: AbortSignal): Promise<(() => void) | undefined> {
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  if (running < MAX_CONCURRENT) {
    running++;
    return release;
  }
  if (signal?.aborted) return undefined;
  return new Promise((resolve) => {
    const onAbort = () => {
      waiting.splice(waiting.indexOf(take), 1);
      resolve(undefined);
    };
    // Handed the slot by a release: `running` stays as it is, the slot passes to this waiter.
    const take = () => {
      signal?.removeEventListener("abort", onAbort);
      resolve(release);
    };
    waiting.push(take);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The text of a PDF, extracted by unpdf (pdf.js) in a worker thread with a bounded heap, ended
 * after `timeoutMs` whatever it is doing: a hostile PDF costs at most that time and that memory.
 * At most {@link MAX_CONCURRENT} run at once; the others wait in order, until `signal` aborts.
 */
export async function pdfText(
  bytes: Uint8Array,
  limits: PdfLimits,
  signal?: AbortSignal,
): Promise<{ text: string } | { failure: PdfFailure }> {
  const release = await slot(signal);
  if (!release) return { failure: "aborted" };
  try {
    return await new Promise((resolve) => {
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: { unpdfPath, bytes, maxPages: limits.maxPages, maxChars: limits.maxChars },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        stdout: true,
        stderr: true,
      });
      const end = (result: { text: string } | { failure: PdfFailure }) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(result);
      };
      const timer = setTimeout(() => end({ failure: "timeout" }), limits.timeoutMs);
      worker.once("message", (message: { text: string } | { failure: PdfFailure }) => end(message));
      // Out of memory, or any crash of the worker: the PDF is refused, the process unharmed.
      worker.once("error", () => end({ failure: "unreadable" }));
      worker.once("exit", () => end({ failure: "unreadable" }));
    });
  } finally {
    release();
  }
}
