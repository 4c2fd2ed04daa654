import { APIError } from "./api-error.js";

/** 422: well-formed, but the server cannot act on it. */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
