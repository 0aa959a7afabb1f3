import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link ConnectionError}. */
export interface ConnectionErrorOptions extends ApiTokensErrorOptions {
  /** The system error code, e.g. `"ECONNRESET"`, `"ECONNREFUSED"`, when known. */
  readonly code?: string | undefined;
}

/** Codes meaning the request never reached the server, so it certainly did not act. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ERR_INVALID_URL"]);

/**
 * The request never got an HTTP answer: DNS, refused or reset connection, TLS. Retried
 * automatically for idempotent requests. For a POST it is unknown whether the vendor acted.
 *
 * @example
 * if (error instanceof ConnectionError) console.error("network:", error.message);
 */
export class ConnectionError extends ApiTokensError {
  override name = "ConnectionError";
  readonly code: string | undefined;

  constructor(message: string, options: ConnectionErrorOptions = {}) {
    super(message, options);
    this.code = this.redact(options.code);
  }

  /** Whether the request may have reached the server (so a create may have happened). */
  get maybeDelivered(): boolean {
    return this.code === undefined || !NOT_SENT.has(this.code);
  }
}
