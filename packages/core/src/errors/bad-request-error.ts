import { ApiError } from "./api-error.js";

/**
 * 400 Bad Request: the vendor rejected the input (see `body` for the vendor's details).
 *
 * @example
 * if (error instanceof BadRequestError) …
 */
export class BadRequestError<TBody = unknown> extends ApiError<TBody> {
  override name = "BadRequestError";
}
