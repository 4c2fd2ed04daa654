import { APIError } from "./api-error.js";

/** 404: an unknown agent or model (`code: "model_not_found"`), or an unknown stored object. */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
