import { ApiError } from "./api-error.js";

/**
 * 401 Unauthorized: the credential is missing, wrong, expired or lacks a scope.
 *
 * @example
 * if (error instanceof AuthenticationError) …
 */
export class AuthenticationError<TBody = unknown> extends ApiError<TBody> {
  override name = "AuthenticationError";
}
