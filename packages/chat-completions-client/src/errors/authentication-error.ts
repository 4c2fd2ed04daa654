import { APIError } from "./api-error.js";

/** 401: missing or wrong bearer token (`code: "invalid_api_key"`). */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
