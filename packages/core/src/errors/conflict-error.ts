import { ApiError } from "./api-error.js";

/**
 * 409 Conflict: the request conflicts with the current state.
 *
 * @example
 * if (error instanceof ConflictError) …
 */
export class ConflictError<TBody = unknown> extends ApiError<TBody> {
  override name = "ConflictError";
}
