import { APIError } from "./api-error.js";

/** 5xx: the agent, its upstream model or the gateway failed. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}
