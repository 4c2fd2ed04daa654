import { APIConnectionError } from "./api-connection-error.js";

/** No answer within `timeout` (the last attempt's, once the retries are spent). */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
  constructor(message = "Request timed out.") {
    super(message);
  }
}
