import { ApiTokensError } from "./api-tokens-error.js";

/**
 * The request never got an HTTP answer: DNS, refused or reset connection, TLS. Retried
 * automatically for idempotent requests. For a POST it is unknown whether the vendor acted.
 *
 * @example
 * if (error instanceof ConnectionError) console.error("network:", error.message);
 */
export class ConnectionError extends ApiTokensError {
  override name = "ConnectionError";
}
