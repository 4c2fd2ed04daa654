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
 * A run in progress: its controller, linked to its neighbours in its registry's list. A list
 * rather than a `Map` or `Set` of controllers: a collection the process keeps that fills and
 * empties with every request has its table reallocated each time, in the old generation where
 * the collection lives (~150 bytes a run), which under load forced full collections nothing
 * else asked for (on Node 24, one per ~330,000 runs).
 */
class Run extends AbortController {
  prev: Run | undefined = undefined;
  next: Run | undefined = undefined;

  constructor(
    /** The registry while the run is in progress; undefined once it ended. */
    public registry: InFlightRuns | undefined,
    readonly info: RunInfo | undefined,
  ) {
    super();
  }
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
  /** The runs in progress, newest first. */
  #newest: Run | undefined;
  #size = 0;
  readonly #observer: ServerObserver | undefined;
  #idle: (() => void)[] = [];
  #draining = false;

  /** `observer.runEnded` learns how each run ended. */
  constructor(options: { observer?: ServerObserver } = {}) {
    this.#observer = options.observer;
  }

  /** Runs in progress now. */
  get size(): number {
    return this.#size;
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
    const run = new Run(this, info);
    run.next = this.#newest;
    if (this.#newest) this.#newest.prev = run;
    this.#newest = run;
    this.#size++;
    return run;
  }

  /**
   * Unregisters a run that has ended, however it ended; `failed` says it ended with an error
   * (an error answer or event). Its outcome for the observer: ended by a drain, else aborted
   * by its client, else failed or completed. A controller this registry did not start, or
   * one already ended, is ignored.
   */
  end(controller: AbortController, failed = false): void {
    if (!(controller instanceof Run) || controller.registry !== this) return;
    const run = controller;
    run.registry = undefined;
    if (run.prev) run.prev.next = run.next;
    else this.#newest = run.next;
    if (run.next) run.next.prev = run.prev;
    run.prev = run.next = undefined;
    this.#size--;
    if (run.info) this.#observer?.runEnded?.({ ...run.info, outcome: outcomeOf(run.signal, failed) });
    if (this.#size > 0) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }

  /** Resolves once no run is in progress. */
  idle(): Promise<void> {
    if (this.#size === 0) return Promise.resolve();
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
    // Listed first, oldest first as they started: an abort may end its run (and unlink it) at once.
    const running: Run[] = [];
    for (let run = this.#newest; run !== undefined; run = run.next) running.push(run);
    running.reverse();
    // One run's abort may end another: a run that has ended is not aborted after it.
    for (const run of running) if (run.registry === this) run.abort(shuttingDown());
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
