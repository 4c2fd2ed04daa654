import { APIError } from "./api-error.js";

/** The gateway could not be reached, the connection broke, or a stream ended before its end. */
export class APIConnectionError extends APIError {
  override name = "APIConnectionError";
  constructor(message = "Connection error.", options?: { cause?: unknown }) {
    super(undefined, undefined, message);
    if (options?.cause !== undefined) Object.defineProperty(this, "cause", { value: options.cause });
  }
}
