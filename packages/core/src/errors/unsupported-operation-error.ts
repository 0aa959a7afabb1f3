import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link UnsupportedOperationError}. */
export interface UnsupportedOperationErrorOptions extends ApiTokensErrorOptions {
  /** The capability the vendor lacks, e.g. `"enable"`. */
  readonly capability: string;
}

/**
 * The vendor's API has no way to do this (e.g. disabling a Timeweb API key).
 *
 * @example
 * if (error instanceof UnsupportedOperationError) console.error(`${error.vendor} cannot ${error.capability}`);
 */
export class UnsupportedOperationError extends ApiTokensError {
  override name = "UnsupportedOperationError";
  readonly capability: string;

  constructor(message: string, options: UnsupportedOperationErrorOptions) {
    super(message, options);
    this.capability = this.redact(options.capability);
  }
}
