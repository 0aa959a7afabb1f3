import type { TokenInfo } from "../lifecycle/token-info.js";
import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link SecretLostError}. */
export interface SecretLostErrorOptions extends ApiTokensErrorOptions {
  readonly token: TokenInfo;
}

/**
 * A create timed out or lost its connection, the token turned out to exist, but the vendor
 * shows a secret only in the create response, so it is gone. `token` says which one to revoke;
 * no second token was created.
 *
 * @example
 * catch (error) { if (error instanceof SecretLostError) await tokens.revoke(error.token.id); }
 */
export class SecretLostError extends ApiTokensError {
  override name = "SecretLostError";
  readonly token: TokenInfo;

  constructor(message: string, options: SecretLostErrorOptions) {
    super(message, options);
    this.token = options.token;
  }
}
