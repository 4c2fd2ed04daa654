import { APIError } from "./api-error.js";

/** 409: the request conflicts with the state of what it names. Retried, as openai-node does. */
export class ConflictError extends APIError {
  override name = "ConflictError";
}
