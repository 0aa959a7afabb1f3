import { ApiError } from "./api-error.js";

/**
 * 403 Forbidden: the credential is valid but may not do this.
 *
 * @example
 * if (error instanceof PermissionDeniedError) …
 */
export class PermissionDeniedError<TBody = unknown> extends ApiError<TBody> {
  override name = "PermissionDeniedError";
}
