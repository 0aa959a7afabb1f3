import { ApiError } from "./api-error.js";
import { ApiTokensError } from "./api-tokens-error.js";

/**
 * Names of the error classes, for guards that must also work when two copies of
 * `@apitokens/core` are installed (then `instanceof` fails).
 */
const API_ERROR_NAMES = new Set([
  "ApiError",
  "BadRequestError",
  "AuthenticationError",
  "PermissionDeniedError",
  "NotFoundError",
  "ConflictError",
  "RateLimitError",
  "ServerError",
]);
const OTHER_ERROR_NAMES = new Set([
  "ApiTokensError",
  "ConnectionError",
  "TimeoutError",
  "RequestAbortedError",
  "ResponseParseError",
  "CredentialError",
  "TokenExchangeError",
  "PathParameterError",
  "ConfigurationError",
  "UnsupportedOperationError",
  "RotationError",
  "SecretLostError",
  "CreateOutcomeUnknownError",
]);

/**
 * True for any error thrown by apitokens.
 *
 * @example
 * catch (error) { if (isApiTokensError(error)) console.error(error.message); else throw error; }
 */
export function isApiTokensError(value: unknown): value is ApiTokensError {
  return (
    value instanceof ApiTokensError || (value instanceof Error && (API_ERROR_NAMES.has(value.name) || OTHER_ERROR_NAMES.has(value.name)))
  );
}

/**
 * True for an HTTP error answer from a vendor; narrows `status` with the second argument.
 *
 * @example
 * catch (error) { if (isApiError(error, 404)) return undefined; throw error; }
 */
export function isApiError(value: unknown, status?: number): value is ApiError {
  const matches =
    value instanceof ApiError ||
    (value instanceof Error && API_ERROR_NAMES.has(value.name) && typeof (value as ApiError).status === "number");
  return matches && (status === undefined || (value as ApiError).status === status);
}

/**
 * True for an error of the given class, by `instanceof` or, across package copies, by `name`.
 *
 * @example
 * if (isErrorOf(error, RateLimitError)) await sleep(error.retryAfterMs ?? 1_000);
 */
export function isErrorOf<T extends Error>(value: unknown, errorClass: abstract new (...args: never[]) => T): value is T {
  if (value instanceof errorClass) return true;
  return value instanceof Error && value.name === errorClass.name;
}
