import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pino } from "pino";

export type Logger = pino.Logger;

/** Lines are written once this much is buffered, or {@link FLUSH_MS} after the first, whichever is first. */
const BATCH_BYTES = 4096;
/** How long a line may wait in the buffer: the log stays prompt when the gateway is idle. */
const FLUSH_MS = 100;

/** Loggers made by {@link createLogger}: their settings are known, so {@link requestLine} may build their lines. */
const ownLoggers = new WeakSet<Logger>();

/**
 * Lines on their way to stdout, handed to sonic-boom as one string per batch: sonic-boom
 * measures the UTF-8 length of its whole pending buffer on every write (flattening it), so at
 * thousands of lines a second each line cost a copy and a scan of every line still waiting.
 */
class Batched implements pino.DestinationStream {
  #lines: string[] = [];
  #chars = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #handOver = () => this.#hand();

  constructor(private readonly out: ReturnType<typeof pino.destination>) {
    // pino's exit hook flushes `out` alone; the lines still here go with it.
    process.once("exit", () => {
      if (this.#lines.length === 0) return;
      this.#hand();
      out.flushSync();
    });
  }

  write(line: string): void {
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#chars >= BATCH_BYTES) this.#hand();
    // Not unref'd: a process that ends by itself first writes what waits (pino's hook at
    // `beforeExit` ends `out` before lines handed over later could reach it).
    else this.#timer ??= setTimeout(this.#handOver, FLUSH_MS);
  }

  /** Writes every line, then calls `done` once they are out. */
  flush(done?: (error?: Error) => void): void {
    this.#hand();
    this.out.flush(done);
  }

  #hand(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#lines.length === 0) return;
    const text = this.#lines.join("");
    this.#lines = [];
    this.#chars = 0;
    this.out.write(text);
  }
}

/**
 * Structured JSON logs on stdout, written asynchronously and in batches: a write per line (a
 * system call through libuv's thread pool each) cost more CPU than building the line. A line
 * waits at most {@link FLUSH_MS}. Call `logger.flush()` before exiting. `destination` replaces
 * stdout (for tests).
 */
export function createLogger(
  level: string,
  // minLength 1: each batch is written when handed over, and `flush` still waits for it.
  destination: pino.DestinationStream = new Batched(pino.destination({ dest: 1, sync: false, minLength: 1 })),
): Logger {
  const logger = pino({ level, base: { service: "openclaw-gateway" } }, destination);
  ownLoggers.add(logger);
  return logger;
}

const withoutQuery = (url: string) => {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
};

/**
 * The request line as `logger.info(fields, "request")` writes it, built by one `JSON.stringify`:
 * pino builds a line key by key in JavaScript, which for the one line every request writes cost
 * more than the rest of the request's logging. Pino's own parts are used as they are: the level
 * value, its time function, its bindings (`base`) and its destination. Only for a logger of
 * {@link createLogger} (no serializers, formatters, hooks or redaction); any other logs as usual.
 */
function requestLine(logger: Logger): (fields: Record<string, unknown>) => void {
  if (!ownLoggers.has(logger)) return (fields) => logger.info(fields, "request");
  const { timeSym, chindingsSym, streamSym } = pino.symbols;
  const parts = logger as unknown as Record<symbol, unknown>;
  const stream = parts[streamSym] as pino.DestinationStream;
  const time = parts[timeSym] as () => string;
  const level = `{"level":${logger.levels.values.info}`;
  return (fields) => {
    if (!logger.isLevelEnabled("info")) return;
    const props = JSON.stringify(fields).slice(1, -1);
    // Bindings are read per line: `setBindings` may change them.
    stream.write(`${level}${time.call(logger)}${parts[chindingsSym] as string},${props},"msg":"request"}\n`);
  };
}

/**
 * One line per request when it ends: id, method, path (never the query), status, duration.
 * Headers and bodies are never logged, so neither secrets nor message text reach the log.
 */
export function requestLog(logger: Logger): RequestHandler {
  const log = requestLine(logger);
  return (req, res, next) => {
    const started = performance.now();
    const id = randomUUID();
    res.setHeader("X-Request-Id", id);
    // `on`, not `once`: a response closes once, and `once` wraps the listener per request.
    res.on("close", () => {
      log({
        reqId: id,
        method: req.method,
        path: withoutQuery(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        aborted: !res.writableFinished,
      });
    });
    next();
  };
}
