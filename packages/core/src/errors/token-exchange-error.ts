import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** An OAuth2 error code is a short ASCII word (RFC 6749 §5.2); anything longer is cut. */
const MAX_OAUTH_ERROR = 128;

/** Options of {@link TokenExchangeError}. */
export interface TokenExchangeErrorOptions extends ApiTokensErrorOptions {
  /** HTTP status of the token endpoint, when it answered. */
  readonly status?: number | undefined;
  /** The OAuth2 `error` code (RFC 6749 §5.2), e.g. `"invalid_client"`. */
  readonly oauthError?: string | undefined;
}

/**
 * The OAuth2 client-credentials exchange failed (Qernal): the token endpoint refused the
 * credential or answered something that is not a token response.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @example
 * if (error instanceof TokenExchangeError && error.oauthError === "invalid_client") …
 */
export class TokenExchangeError extends ApiTokensError {
  override name = "TokenExchangeError";
  readonly status: number | undefined;
  readonly oauthError: string | undefined;

  constructor(message: string, options: TokenExchangeErrorOptions = {}) {
    super(message, options);
    this.status = this.redact(options.status);
    this.oauthError = this.redactSnippet(options.oauthError, MAX_OAUTH_ERROR);
  }
}
