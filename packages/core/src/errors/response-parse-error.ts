import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link ResponseParseError}. */
export interface ResponseParseErrorOptions extends ApiTokensErrorOptions {
  readonly status: number;
  readonly contentType?: string | undefined;
  /** The first characters of the body, redacted. */
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
    this.status = options.status;
    this.contentType = options.contentType;
    this.bodySnippet = options.bodySnippet === undefined ? undefined : (options.redactor?.text(options.bodySnippet) ?? options.bodySnippet);
  }
}
