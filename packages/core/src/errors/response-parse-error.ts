import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** How much of the body the error keeps, after redaction. */
const MAX_SNIPPET = 120;
/**
 * How much of the body is redacted to make the snippet: far more than the snippet, so any
 * secret that starts inside the snippet is whole when it is redacted.
 */
const MAX_SCANNED = 64 * 1024;
const MAX_CONTENT_TYPE = 200;

/** Options of {@link ResponseParseError}. */
export interface ResponseParseErrorOptions extends ApiTokensErrorOptions {
  readonly status: number;
  readonly contentType?: string | undefined;
  /** The body as received (or its start); the error redacts it, then keeps the first 120 characters. */
  readonly bodySnippet?: string | undefined;
}

/**
 * A success status came with a body that is not what the spec promises: not JSON (an HTML
 * error page), malformed JSON, or empty where JSON was expected.
 *
 * @example
 * if (error instanceof ResponseParseError) console.error(error.status, error.contentType);
 */
export class ResponseParseError extends ApiTokensError {
  override name = "ResponseParseError";
  readonly status: number;
  readonly contentType: string | undefined;
  readonly bodySnippet: string | undefined;

  constructor(message: string, options: ResponseParseErrorOptions) {
    super(message, options);
    this.status = this.redact(options.status);
    this.contentType = this.redactSnippet(options.contentType, MAX_CONTENT_TYPE);
    // Redacted before it is cut: a secret cut in half would no longer be recognised.
    this.bodySnippet = this.redactSnippet(options.bodySnippet?.slice(0, MAX_SCANNED), MAX_SNIPPET);
  }
}
