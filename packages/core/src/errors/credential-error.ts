import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link CredentialError}. */
export interface CredentialErrorOptions extends ApiTokensErrorOptions {
  /** The client option that holds the credential, e.g. `"token"`. */
  readonly option?: string | undefined;
  /** The environment variable users usually keep it in, e.g. `"DT_API_TOKEN"`. */
  readonly envVar?: string | undefined;
}

/**
 * The credential is missing, empty, or cannot be sent (it contains CR, LF or other characters
 * not allowed in a header value). Thrown before anything is sent; the message says what is
 * wrong, never the value.
 *
 * @example
 * createDynatraceClient({ baseUrl, token: "" }); // throws CredentialError naming `token` and DT_API_TOKEN
 */
export class CredentialError extends ApiTokensError {
  override name = "CredentialError";
  readonly option: string | undefined;
  readonly envVar: string | undefined;

  constructor(message: string, options: CredentialErrorOptions = {}) {
    super(message, options);
    this.option = this.redact(options.option);
    this.envVar = this.redact(options.envVar);
  }
}
