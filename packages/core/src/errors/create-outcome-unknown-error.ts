import { redactedTokenInfo, type TokenInfo } from "../lifecycle/token-info.js";
import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link CreateOutcomeUnknownError}. */
export interface CreateOutcomeUnknownErrorOptions extends ApiTokensErrorOptions {
  /** The name the token was to have. */
  readonly tokenName: string;
  /** Tokens of that name that appeared while the create ran: any of them may be this call's. */
  readonly candidates: readonly TokenInfo[];
}

/**
 * A create may or may not have happened, and the lifecycle could not tell which token (if any)
 * is this call's: no token of that name appeared (the vendor may still be acting on a timed-out
 * request), or several did (another caller created the same name at the same time). No token
 * was adopted. `candidates` lists every token of that name that appeared meanwhile; look at
 * them (`tokens.get(id)`) before revoking one, since it may be someone else's.
 *
 * @example
 * catch (error) { if (error instanceof CreateOutcomeUnknownError) console.error(error.candidates.map((t) => t.id)); }
 */
export class CreateOutcomeUnknownError extends ApiTokensError {
  override name = "CreateOutcomeUnknownError";
  readonly tokenName: string;
  readonly candidates: readonly TokenInfo[];

  constructor(message: string, options: CreateOutcomeUnknownErrorOptions) {
    super(message, options);
    this.tokenName = this.redact(options.tokenName);
    // Dates stay dates; names, owners and vendor objects pass the redactor.
    this.candidates = Object.freeze(options.candidates.map((token) => redactedTokenInfo(token, (value) => this.redact(value))));
  }
}
