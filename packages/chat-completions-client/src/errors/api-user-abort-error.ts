import { APIError } from "./api-error.js";

/** The request was aborted by the caller's signal (or a stream by its `controller`). Never retried. */
export class APIUserAbortError extends APIError {
  override name = "APIUserAbortError";
  constructor(message = "Request was aborted.") {
    super(undefined, undefined, message);
  }
}
