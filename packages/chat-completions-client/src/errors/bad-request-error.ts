import { APIError } from "./api-error.js";

/** 400: the request was refused as sent; `param` names the field. */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
