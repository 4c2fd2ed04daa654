import { APIError } from "./api-error.js";

/** 403: the token is known but may not do this. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
