import { ApiTokensError } from "./api-tokens-error.js";

/**
 * The caller's `AbortSignal` fired. Never retried; `cause` is the signal's reason.
 *
 * @example
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1_000);
 * await client.GET("/apiTokens", { signal: controller.signal }); // may throw RequestAbortedError
 */
export class RequestAbortedError extends ApiTokensError {
  override name = "RequestAbortedError";
}
