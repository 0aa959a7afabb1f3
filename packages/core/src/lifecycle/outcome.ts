import { ApiTokensError } from "../errors/api-tokens-error.js";
import { ConnectionError } from "../errors/connection-error.js";
import { isApiError, isApiTokensError, isErrorOf } from "../errors/guards.js";
import { TimeoutError } from "../errors/timeout-error.js";

/**
 * What a failed write tells about the vendor's state:
 * - `"failed"`: the vendor answered and refused it (a 4xx); nothing happened.
 * - `"not-applied"`: it provably never took effect (connection refused, or a status a server
 *   sends before processing); sending it once more cannot duplicate it.
 * - `"unknown"`: it may have reached the vendor and taken effect (connection lost, timeout,
 *   any other 5xx, a 2xx whose body cannot be read or lacks what the spec promises).
 */
export type WriteOutcome = "failed" | "not-applied" | "unknown";

/**
 * Statuses a server sends before it processes a request: 408 (the request did not arrive in
 * time), 429 (a rate limiter in front of the API), 503 (the service refuses work).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
 */
export const NOT_PROCESSED_STATUSES: readonly number[] = Object.freeze([408, 429, 503]);

/** Library errors raised before a request is sent (bad input, missing capability). */
const BEFORE_SENDING = new Set([
  "ConfigurationError",
  "UnsupportedOperationError",
  "PathParameterError",
  "CredentialError",
  "TokenExchangeError",
]);

/**
 * Classifies the error of one create/reissue request. Anything not known to have failed
 * before the vendor acted is `"unknown"`, including errors this library did not expect.
 *
 * @example if (writeOutcome(error) === "unknown") await reconcile();
 */
export function writeOutcome(error: unknown): WriteOutcome {
  if (isApiError(error)) {
    if (NOT_PROCESSED_STATUSES.includes(error.status)) return "not-applied";
    return error.status >= 500 ? "unknown" : "failed";
  }
  if (isErrorOf(error, ConnectionError)) return error.maybeDelivered ? "unknown" : "not-applied";
  if (error instanceof ApiTokensError && BEFORE_SENDING.has(error.name)) return "failed";
  if (error instanceof Error && BEFORE_SENDING.has(error.name)) return "failed";
  // TimeoutError, RequestAbortedError, ResponseParseError (and the coming ResponseShapeError),
  // and anything unexpected: the vendor may have acted.
  return "unknown";
}

/** Whether a write may have taken effect although it failed. */
export function outcomeUnknown(error: unknown): boolean {
  return writeOutcome(error) === "unknown";
}

/**
 * Whether a write whose outcome is unknown, once nothing of it is found, is over for good: a
 * lost connection is; a timeout or a gateway's 504 is not (the vendor may still be acting on it).
 */
export function settledWhenLost(error: unknown): boolean {
  if (isErrorOf(error, TimeoutError)) return false;
  if (isApiError(error)) return error.status !== 504;
  return isApiTokensError(error) && error.name === "ConnectionError";
}
