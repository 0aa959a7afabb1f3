import type { TokenInfo } from "../lifecycle/token-info.js";
import type { Secret } from "../secret.js";
import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/**
 * Where a failed rotation left things:
 * - `"unchanged"`: nothing happened; the old token still works.
 * - `"both-active"`: the replacement exists (its secret is on the error) and the old token still works.
 * - `"unknown"`: a native reissue may or may not have happened; the old secret may have stopped working.
 */
export type RotationState = "unchanged" | "both-active" | "unknown";

/** Options of {@link RotationError}. */
export interface RotationErrorOptions extends ApiTokensErrorOptions {
  readonly state: RotationState;
  readonly replacement?: { readonly token: TokenInfo; readonly secret: Secret } | undefined;
}

/**
 * A rotation failed part-way. `state` says what is true now, and when a replacement was
 * created `replacement` holds it and its secret (redacted when printed), so nothing is lost.
 *
 * @example
 * catch (error) { if (error instanceof RotationError && error.replacement) save(error.replacement.secret.reveal()); }
 */
export class RotationError extends ApiTokensError {
  override name = "RotationError";
  readonly state: RotationState;
  readonly replacement: { readonly token: TokenInfo; readonly secret: Secret } | undefined;

  constructor(message: string, options: RotationErrorOptions) {
    super(message, options);
    this.state = options.state;
    this.replacement = options.replacement;
  }
}
