/**
 * Links the caller's signal to the controller of whatever the call is doing now (an attempt, the
 * wait before a retry, the stream): one listener on the caller's signal for the whole call,
 * removed by {@link AbortLink.release} when the call or its stream ends. A signal that lives
 * long (a page's, a server's) must not gather a listener, and the objects it holds, per call.
 */
export class AbortLink {
  #current: AbortController | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #forward = () => this.#current?.abort(this.#signal?.reason);

  constructor(signal: AbortSignal | undefined) {
    this.#signal = signal;
    signal?.addEventListener("abort", this.#forward);
  }

  /** Whether the caller aborted. */
  get aborted(): boolean {
    return this.#signal?.aborted ?? false;
  }

  /** A new controller that the caller's abort reaches (already aborted if the caller was). */
  next(): AbortController {
    const controller = new AbortController();
    this.#current = controller;
    if (this.aborted) controller.abort(this.#signal?.reason);
    return controller;
  }

  /** Removes the listener from the caller's signal. Safe to call more than once. */
  release(): void {
    this.#signal?.removeEventListener("abort", this.#forward);
    this.#current = undefined;
  }
}
