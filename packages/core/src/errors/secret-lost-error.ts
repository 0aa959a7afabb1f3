import { redactedTokenInfo, type TokenInfo } from "../lifecycle/token-info.js";
import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link SecretLostError}. */
export interface SecretLostErrorOptions extends ApiTokensErrorOptions {
  readonly token: TokenInfo;
}

/**
 * A create's answer was lost, the token this call created was found, but its secret cannot be
 * recovered (the vendor shows it only in the create answer, and cannot reissue it). `token` is
 * that token, and only that one: it was created by this call, so revoking it harms nobody. No
 * second token was created.
 *
 * @example
 * catch (error) { if (error instanceof SecretLostError) await tokens.revoke(error.token.id); }
 */
export class SecretLostError extends ApiTokensError {
  override name = "SecretLostError";
  readonly token: TokenInfo;

  constructor(message: string, options: SecretLostErrorOptions) {
    super(message, options);
    // Dates stay dates; names, owners and the vendor object pass the redactor.
    this.token = redactedTokenInfo(options.token, (value) => this.redact(value));
  }
}
