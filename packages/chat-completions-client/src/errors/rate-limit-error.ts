import { retryAfterMs } from "../retry.js";
import { APIError } from "./api-error.js";

/**
 * 429: locked out after failed authentication, too many runs, or an upstream rate limit.
 *
 * @example
 * if (error instanceof RateLimitError) console.log(`locked out; try again in ${error.retryAfter ?? "a few"} s`);
 */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** Whole seconds to wait, from `retry-after-ms` or `Retry-After`, when the server sent one. */
  get retryAfter(): number | undefined {
    const ms = retryAfterMs(this.headers);
    return ms === undefined ? undefined : Math.max(0, Math.ceil(ms / 1000));
  }
}
