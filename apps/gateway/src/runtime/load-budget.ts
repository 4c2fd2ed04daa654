interface Waiter {
  bytes: number;
  signal: AbortSignal;
  grant: () => void;
  onAbort: () => void;
}

/**
 * A byte budget for the session history that turns in progress hold (`session.maxLoadedBytes`).
 * Each session alone is capped by `session.maxBytes`, but nothing else stopped many turns from
 * each loading a large session at once: memory grew with the number of concurrent requests.
 *
 * Reservations are granted first come, first served, so a turn for a large session is never
 * starved by a stream of smaller ones. A waiting turn whose signal aborts (its client left, the
 * gateway is shutting down) leaves the queue holding nothing.
 *
 * The size reserved is the session's when the turn starts; a turn of the same session appended
 * between that and the load is read unreserved. That gap is one await wide, and a session is
 * at most `maxBytes`, so it is accepted rather than re-reserving after every load.
 */
export class LoadBudget {
  private held = 0;
  private readonly queue: Waiter[] = [];

  /** @param limit the most bytes held at once; a single reservation is capped at it, so it always fits eventually. */
  constructor(private readonly limit: number) {}

  /** Bytes reserved now, by turns in progress. */
  get heldBytes(): number {
    return this.held;
  }

  /** Turns waiting for room now. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Reserves `bytes`, waiting (in order of arrival) until they fit. Resolves with the function
   * that frees them (safe to call more than once); rejects with the signal's reason, holding
   * nothing, if `signal` aborts first. Zero bytes (a new session) never wait: nothing is loaded.
   */
  acquire(bytes: number, signal: AbortSignal): Promise<() => void> {
    const wanted = Math.min(bytes, this.limit);
    if (signal.aborted) return Promise.reject(signal.reason);
    if (wanted === 0) return Promise.resolve(() => {});
    if (this.queue.length === 0 && this.held + wanted <= this.limit) return Promise.resolve(this.take(wanted));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        bytes: wanted,
        signal,
        grant: () => resolve(this.take(wanted)),
        onAbort: () => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(signal.reason);
          // The waiter may have been first in line: those behind it may fit now.
          this.grantWaiting();
        },
      };
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private take(bytes: number): () => void {
    this.held += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held -= bytes;
      this.grantWaiting();
    };
  }

  /** Grants waiting reservations in order while the first one fits. */
  private grantWaiting(): void {
    for (let next = this.queue[0]; next && this.held + next.bytes <= this.limit; next = this.queue[0]) {
      this.queue.shift();
      next.signal.removeEventListener("abort", next.onAbort);
      next.grant();
    }
  }
}
