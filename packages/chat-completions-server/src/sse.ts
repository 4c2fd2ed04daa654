import { once } from "node:events";
import type { Response } from "express";

/** What both streamed endpoints need of an SSE response, beyond its frames. */
export interface SseOptions {
  /** Interval of `: keep-alive` comments while the agent is silent. */
  keepAliveMs: number;
  /** How long a write may wait for a client that stopped reading before its connection is cut. */
  slowReaderTimeoutMs: number;
  /** The run's signal: a write stops waiting for `drain` once it aborts. */
  signal: AbortSignal;
}

/**
 * One SSE response, shared by chat completions and responses (each writes its own frames).
 * Headers are committed by the first frame or by the first keep-alive tick, whichever comes
 * first, so an agent that fails at once (an upstream 401 or 429) still gets a real HTTP status,
 * and a silent one still gets its stream started. `onStart` writes what must open every stream
 * (chat's role chunk, the responses' `response.created`).
 */
export class SseChannel {
  private timer: NodeJS.Timeout | undefined;
  started = false;

  constructor(
    private readonly res: Response,
    private readonly options: SseOptions,
    private readonly onStart: () => Promise<void> | undefined,
  ) {
    this.timer = setTimeout(() => this.tick(), options.keepAliveMs);
  }

  private tick(): void {
    if (this.options.signal.aborted || this.res.writableEnded) return;
    if (this.started) this.res.write(": keep-alive\n\n");
    else void this.start();
    this.timer?.refresh();
  }

  /** Sends the headers and the opening frames (nothing once they went out). */
  start(): Promise<void> | undefined {
    if (this.started) return;
    this.started = true;
    this.res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    return this.onStart();
  }

  /** Whether the client is still there to write to. */
  get writable(): boolean {
    return !this.res.writableEnded && !this.res.destroyed;
  }

  /**
   * Writes one whole frame; returns a promise only when the socket's buffer is full, to wait
   * for `drain` (an `await` per frame that needs none would cost every frame promise round trips).
   */
  write(frame: string): Promise<void> | undefined {
    if (!this.writable) return;
    this.timer?.refresh();
    if (!this.res.write(frame)) {
      // A client that stops reading would hold the run (and what it holds) forever: past the
      // bound its connection is cut, which aborts the run as any disconnect does.
      const cutOff = setTimeout(() => this.res.destroy(), this.options.slowReaderTimeoutMs);
      const waited = () => clearTimeout(cutOff);
      return once(this.res, "drain", { signal: this.options.signal }).then(waited, waited);
    }
  }

  /** Stops the keep-alive timer and ends the response (if the client is still there). */
  end(): void {
    this.close();
    if (this.writable) this.res.end();
  }

  /** Stops the keep-alive timer; the response is left as it is. */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
