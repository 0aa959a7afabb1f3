import { ApiError } from "./api-error.js";

/**
 * A 5xx answer: the vendor failed; retried automatically for idempotent requests.
 *
 * @example
 * if (error instanceof ServerError) …
 */
export class ServerError<TBody = unknown> extends ApiError<TBody> {
  override name = "ServerError";
}
