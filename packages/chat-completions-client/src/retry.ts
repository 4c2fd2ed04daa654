// When to try a request again and how long to wait first: openai-node's policy, in one place.

/** The longest wait a server may ask for that is still waited out (openai-node's bound). */
export const MAX_RETRY_AFTER_MS = 60_000;
/** The first default wait; each retry doubles it, up to {@link MAX_BACKOFF_MS}. */
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** Statuses worth another try: 408 (timeout), 409 (conflict), 429 (rate limit) and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The wait a response asks for, in milliseconds: `retry-after-ms` (OpenAI's, fractional), else
 * `Retry-After` in seconds or as an HTTP date. Undefined when neither is there or readable.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms)) return ms;
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - now;
}

/**
 * How long to wait before retry number `retry` (0 for the first): what the server asked for
 * when it is a positive wait up to a minute; else an exponential backoff (0.5 s, 1 s, 2 s … at
 * most 8 s) less up to 25 % jitter, so clients that failed together do not return together.
 * Undefined when the server asked for more than a minute (a lockout's `Retry-After` is
 * minutes): retrying sooner would only fail again, so the error goes to the caller, whose
 * `RateLimitError.retryAfter` says how long. openai-node retries such a response on its
 * default backoff instead.
 */
export function retryDelay(retry: number, headers: Headers, random = Math.random): number | undefined {
  const asked = retryAfterMs(headers);
  if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return undefined;
  if (asked !== undefined && asked > 0) return asked;
  return Math.min(INITIAL_BACKOFF_MS * 2 ** retry, MAX_BACKOFF_MS) * (1 - random() * 0.25);
}
