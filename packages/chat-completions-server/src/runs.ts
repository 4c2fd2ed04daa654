import type { Response } from "express";
import { OpenAIError, shuttingDown } from "./errors.js";

/**
 * The error a run was ended with by the server (a drain), or undefined when it was not (the
 * client went away or cancelled). A run ended by the server tells its client this error; a
 * run whose client left has no one to tell.
 */
export function abortedWith(signal: AbortSignal): OpenAIError | undefined {
  return signal.aborted && signal.reason instanceof OpenAIError ? signal.reason : undefined;
}

/**
 * The agent runs in progress, on every transport that shares it, and the one way to drain
 * them for a shutdown. The router keeps its runs in one; a host with another transport (a
 * WebSocket) passes the same instance to the router and registers its own runs in it, so
 * one drain ends them all alike.
 *
 * @example
 * const runs = new InFlightRuns();
 * const router = createChatCompletionsRouter({ ...options, runs });
 * // another transport:
 * const controller = runs.start(); // throws shuttingDown() once a drain began
 * try { ... runAgent(turn, { signal: controller.signal }) ... } finally { runs.end(controller); }
 * // on SIGTERM:
 * await router.drain(10_000); // or runs.drain(10_000)
 */
export class InFlightRuns {
  readonly #running = new Set<AbortController>();
  #idle: (() => void)[] = [];
  #draining = false;

  /** Runs in progress now. */
  get size(): number {
    return this.#running.size;
  }

  /** Whether a drain has begun: no new run may start. */
  get draining(): boolean {
    return this.#draining;
  }

  /**
   * Registers a new run and returns its controller; the run ends it with {@link end}. Throws
   * {@link shuttingDown} (503) once a drain has begun.
   */
  start(): AbortController {
    if (this.#draining) throw shuttingDown();
    const controller = new AbortController();
    this.#running.add(controller);
    return controller;
  }

  /** Unregisters a run that has ended, however it ended. */
  end(controller: AbortController): void {
    this.#running.delete(controller);
    if (this.#running.size > 0) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }

  /** Resolves once no run is in progress. */
  idle(): Promise<void> {
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Drains for a shutdown: refuses new runs, waits up to `graceMs` for the runs in progress to
   * end by themselves, then aborts the rest with {@link shuttingDown} as the signal's reason
   * (see {@link abortedWith}) and resolves once they have ended. An aborted run ends at once:
   * the router stops waiting for an agent that ignores its signal, and for a reader that
   * stopped reading.
   */
  async drain(graceMs: number): Promise<void> {
    this.#draining = true;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.idle(), graceOver]);
    clearTimeout(timer);
    for (const controller of this.#running) controller.abort(shuttingDown());
    await this.idle();
  }
}

/**
 * Runs `fn` as one registered run answering `res`: its signal aborts when the client
 * disconnects before the answer is complete (or when `runs` drains), and the run is
 * unregistered however it ends. Every HTTP endpoint that runs an agent goes through here.
 */
export async function runAnswering<T>(
  runs: InFlightRuns,
  res: Response,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = runs.start();
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  res.once("close", onClose);
  try {
    return await fn(controller.signal);
  } finally {
    runs.end(controller);
    res.off("close", onClose);
  }
}
