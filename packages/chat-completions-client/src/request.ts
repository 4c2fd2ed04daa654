import { AbortLink } from "./abort.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  type APIError,
  APIUserAbortError,
  errorFromResponse,
} from "./errors/index.js";
import { isRetryableStatus, retryDelay } from "./retry.js";

/** One HTTP exchange through openapi-fetch, aborted by `signal`. */
export type Attempt = (signal: AbortSignal) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export interface Policy {
  /** Milliseconds each attempt may take until its answer (for a stream: until its headers). */
  timeout: number;
  /** Attempts after the first one. */
  maxRetries: number;
  /** The caller's signal: aborts the call at any point, including while a retry waits. */
  signal?: AbortSignal | undefined;
  /** Where the call goes, for the message of a connection error. */
  baseUrl: string;
}

/** A successful answer; `link` still forwards the caller's abort to `controller`. */
export interface Answer {
  data: unknown;
  response: Response;
  controller: AbortController;
  link: AbortLink;
}

/** Why an attempt failed, and whether another attempt could do better. */
interface Failure {
  error: APIError;
  retryable: boolean;
}

/**
 * Sends a call with openai-node's policy: each attempt within `timeout`; a connection error, a
 * timeout and 408, 409, 429 and 5xx tried again up to `maxRetries` times after the server's
 * `retry-after-ms`/`Retry-After` or an exponential backoff with jitter; the caller's abort ends
 * it at any point and is never retried. Throws the last attempt's error. On success the caller
 * owns `link` and must release it (at once, or when the stream it reads ends).
 */
export async function send(attempt: Attempt, policy: Policy): Promise<Answer> {
  const link = new AbortLink(policy.signal);
  try {
    for (let retry = 0; ; retry++) {
      if (link.aborted) throw new APIUserAbortError();
      const controller = link.next();
      const outcome = await once(attempt, controller, link, policy);
      if (!("error" in outcome)) return { ...outcome, controller, link };
      const delay =
        outcome.retryable && retry < policy.maxRetries ? retryDelay(retry, outcome.error.headers) : undefined;
      if (delay === undefined) throw outcome.error;
      await pause(delay, link.next().signal);
    }
  } catch (error) {
    link.release();
    throw error;
  }
}

/** One attempt: its answer, or why it failed. Throws only for the caller's abort. */
async function once(
  attempt: Attempt,
  controller: AbortController,
  link: AbortLink,
  policy: Policy,
): Promise<{ data: unknown; response: Response } | Failure> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, policy.timeout);
  try {
    const { data, error, response } = await attempt(controller.signal);
    if (response.ok) return { data, response };
    return {
      error: errorFromResponse(response.status, error, response.headers),
      retryable: isRetryableStatus(response.status),
    };
  } catch (error) {
    if (link.aborted) throw new APIUserAbortError();
    if (timedOut) return { error: new APIConnectionTimeoutError(), retryable: true };
    // A 2xx whose body is not JSON: asking again would get the same.
    if (error instanceof SyntaxError) {
      return { error: new APIConnectionError("The gateway's answer is not JSON.", { cause: error }), retryable: false };
    }
    return { error: new APIConnectionError(`Could not reach ${policy.baseUrl}.`, { cause: error }), retryable: true };
  } finally {
    clearTimeout(timer);
  }
}

/** Waits `ms`, or rejects with {@link APIUserAbortError} as soon as `signal` fires. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new APIUserAbortError());
    const aborted = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", aborted);
      resolve();
    }, ms);
    signal.addEventListener("abort", aborted, { once: true });
  });
}

/**
 * What every answer carries: the gateway's `x-request-id`.
 *
 * @example
 * const models = await client.models.list();
 * console.log(models.requestID); // the id on the gateway's log line for this request
 */
export type WithRequestID<T> = T & {
  /** The gateway's `x-request-id` for this answer (its log line carries the same id). */
  readonly requestID: string | null;
};

/**
 * Adds `requestID` to a parsed body, not enumerable: the object still equals, spreads and
 * serialises to what the gateway sent.
 */
export function withRequestID<T>(data: T, response: Response): WithRequestID<T> {
  if (typeof data === "object" && data !== null) {
    Object.defineProperty(data, "requestID", { value: response.headers.get("x-request-id"), enumerable: false });
  }
  return data as WithRequestID<T>;
}
