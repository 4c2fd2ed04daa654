import type { Response } from "express";
import { OpenAIError, shuttingDown } from "./errors.js";
import type { RunOutcome, ServerObserver } from "./observer.js";

/**
 * The error a run was ended with by the server (a drain), or undefined when it was not (the
 * client went away or cancelled). A run ended by the server tells its client this error; a
 * run whose client left has no one to tell.
 */
export function abortedWith(signal: AbortSignal): OpenAIError | undefined {
  return signal.aborted && signal.reason instanceof OpenAIError ? signal.reason : undefined;
}

/** Which run a controller belongs to, for {@link ServerObserver.runEnded}. */
export interface RunInfo {
  agentId: string;
  /** The transport: `http`, `websocket`. */
  door: string;
}

function outcomeOf(signal: AbortSignal, failed: boolean): RunOutcome {
  if (signal.aborted) return abortedWith(signal) ? "ended_by_shutdown" : "aborted_by_client";
  return failed ? "failed" : "completed";
}

/**
 * The agent runs in progress, on every transport that shares it, and the one way to drain
 * them for a shutdown. Each run that ends is reported to the observer with its outcome.
 * The router keeps its runs in one; a host with another transport (a
 * WebSocket) passes the same instance to the router and registers its own runs in it, so
 * one drain ends them all alike.
 *
 * @example
 * const runs = new InFlightRuns();
 * const router = createChatCompletionsRouter({ ...options, runs });
 * // another transport:
 * const controller = runs.start({ agentId, door: "websocket" }); // throws shuttingDown() once a drain began
 * let failed = false;
 * try { ... runAgent(turn, { signal: controller.signal }) ... } catch { failed = true; } finally { runs.end(controller, failed); }
 * // on SIGTERM:
 * await router.drain(10_000); // or runs.drain(10_000)
 */
export class InFlightRuns {
  readonly #running = new Map<AbortController, RunInfo | undefined>();
  readonly #observer: ServerObserver | undefined;
  #idle: (() => void)[] = [];
  #draining = false;

  /** `observer.runEnded` learns how each run ended. */
  constructor(options: { observer?: ServerObserver } = {}) {
    this.#observer = options.observer;
  }

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
   * {@link shuttingDown} (503) once a drain has begun. `info` names the run for the observer.
   */
  start(info?: RunInfo): AbortController {
    if (this.#draining) throw shuttingDown();
    const controller = new AbortController();
    this.#running.set(controller, info);
    return controller;
  }

  /**
   * Unregisters a run that has ended, however it ended; `failed` says it ended with an error
   * (an error answer or event). Its outcome for the observer: ended by a drain, else aborted
   * by its client, else failed or completed.
   */
  end(controller: AbortController, failed = false): void {
    const info = this.#running.get(controller);
    if (!this.#running.delete(controller)) return;
    if (info) this.#observer?.runEnded?.({ ...info, outcome: outcomeOf(controller.signal, failed) });
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
    for (const controller of this.#running.keys()) controller.abort(shuttingDown());
    await this.idle();
  }
}

/**
 * Runs `fn` as one registered run answering `res`: its signal aborts when the client
 * disconnects before the answer is complete (or when `runs` drains), and the run is
 * unregistered however it ends. `fn` calls `failed()` when it answers with an error without
 * throwing (an error event in a stream); a throw counts as failed too. Every HTTP endpoint that
 * runs an agent goes through here.
 */
export async function runAnswering<T>(
  runs: InFlightRuns,
  res: Response,
  info: RunInfo,
  fn: (signal: AbortSignal, failed: () => void) => Promise<T>,
): Promise<T> {
  const controller = runs.start(info);
  let failed = false;
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  // Removed below however the run ends: `on`, not `once`, which wraps the listener per run.
  res.on("close", onClose);
  try {
    return await fn(controller.signal, () => {
      failed = true;
    });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    runs.end(controller, failed);
    res.off("close", onClose);
  }
}
