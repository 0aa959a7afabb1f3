import { ApiError } from "./api-error.js";

/**
 * 404 Not Found: the token (or app) does not exist.
 *
 * @example
 * if (error instanceof NotFoundError) …
 */
export class NotFoundError<TBody = unknown> extends ApiError<TBody> {
  override name = "NotFoundError";
}
