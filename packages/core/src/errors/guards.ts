import type { ApiError } from "./api-error.js";
import type { ApiTokensError } from "./api-tokens-error.js";
import { API_ERROR_BRAND, ERROR_BRAND, hasBrand } from "./brand.js";

/**
 * True for any error thrown by apitokens, also from another copy of the package or a minified
 * bundle (recognised by a `Symbol.for` brand, not by class names).
 *
 * @example
 * catch (error) { if (isApiTokensError(error)) console.error(error.message); else throw error; }
 */
export function isApiTokensError(value: unknown): value is ApiTokensError {
  return value instanceof Error && hasBrand(value, ERROR_BRAND);
}

/**
 * True for an HTTP error answer from a vendor; narrows `status` with the second argument.
 *
 * @example
 * catch (error) { if (isApiError(error, 404)) return undefined; throw error; }
 */
export function isApiError(value: unknown, status?: number): value is ApiError {
  if (!(value instanceof Error) || !hasBrand(value, API_ERROR_BRAND)) return false;
  const actual = (value as ApiError).status;
  return typeof actual === "number" && (status === undefined || actual === status);
}

/**
 * True for an error of the given class: by `instanceof`, or, for an apitokens error from another
 * copy of the package, by the `name` every class declares as a string (which minifiers keep).
 *
 * @example
 * if (isErrorOf(error, RateLimitError)) await sleep(error.retryAfterMs ?? 1_000);
 */
export function isErrorOf<T extends Error>(value: unknown, errorClass: abstract new (...args: never[]) => T): value is T {
  if (value instanceof errorClass) return true;
  if (!isApiTokensError(value)) return false;
  // Walk the other copy's chain: `value.name` is the most derived class's literal name, and each
  // prototype's constructor names the classes above it in that copy.
  for (let proto = Object.getPrototypeOf(value); proto && hasBrand(proto, ERROR_BRAND); proto = Object.getPrototypeOf(proto)) {
    if (proto.constructor?.name === errorClass.name) return true;
  }
  return value.name === errorClass.name;
}
