import { redactedTokenInfo, type TokenInfo } from "../lifecycle/token-info.js";
import type { Secret } from "../secret.js";
import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/**
 * Where a failed rotation left things (what is true now, not what was attempted):
 * - `"unchanged"`: this call created, reissued and revoked nothing; `oldSecretWorks` says whether
 *   the old secret works (`false` when the token was revoked, rotated away or expired before).
 * - `"both-active"`: the replacement exists (its secret is in `replacement`) and the old token still works.
 * - `"old-unknown"`: the replacement exists (its secret is in `replacement`); whether the old
 *   token was disabled/deleted could not be checked.
 * - `"replacement-secret-lost"`: a replacement was created but its secret was lost; it is named in
 *   `lostReplacement` (revoke it). The old secret still works.
 * - `"replacement-unknown"`: whether a replacement was created could not be told; `candidates`
 *   names every token that may be it (none adopted). The old secret still works.
 * - `"rotated-secret-lost"`: the vendor rotated the token (`rotation: "native-new-id"`, GitLab):
 *   the old token is revoked (its secret no longer works) and the new one, named in
 *   `lostReplacement`, exists, but its secret was lost. Revoke it and create a new token.
 * - `"unknown"`: a native rotation may have happened and its new secret could not be recovered;
 *   the old secret may have stopped working. `candidates` names any token that may be the new
 *   one. For `"native"` vendors, rotate again to get a working secret; for `"native-new-id"`
 *   ones, never rotate the old token again (the message says what to do).
 */
export type RotationState =
  | "unchanged"
  | "both-active"
  | "old-unknown"
  | "replacement-secret-lost"
  | "replacement-unknown"
  | "rotated-secret-lost"
  | "unknown";

/** A replacement token with its secret (redacted when printed). */
export interface RotationReplacement {
  readonly token: TokenInfo;
  readonly secret: Secret;
}

/** Options of {@link RotationError}. */
export interface RotationErrorOptions extends ApiTokensErrorOptions {
  readonly state: RotationState;
  /** The id of the token being rotated. */
  readonly tokenId?: string | undefined;
  /** Whether the old token's secret works now: `undefined` when that could not be told. */
  readonly oldSecretWorks?: boolean | undefined;
  readonly replacement?: RotationReplacement | undefined;
  readonly lostReplacement?: TokenInfo | undefined;
  readonly candidates?: readonly TokenInfo[] | undefined;
}

/**
 * A rotation failed part-way. `state` says what is true now; `oldSecretWorks` whether the
 * secret being rotated still works; when a replacement was created, `replacement` holds it and
 * its secret (redacted when printed), so nothing is lost, or `lostReplacement` names it when its
 * secret could not be recovered.
 *
 * @example
 * catch (error) { if (error instanceof RotationError && error.replacement) save(error.replacement.secret.reveal()); }
 */
export class RotationError extends ApiTokensError {
  override name = "RotationError";
  readonly state: RotationState;
  readonly tokenId: string | undefined;
  readonly oldSecretWorks: boolean | undefined;
  readonly replacement: RotationReplacement | undefined;
  readonly lostReplacement: TokenInfo | undefined;
  readonly candidates: readonly TokenInfo[];

  constructor(message: string, options: RotationErrorOptions) {
    super(message, options);
    this.state = options.state;
    this.tokenId = this.redact(options.tokenId);
    this.oldSecretWorks = options.oldSecretWorks;
    // Tokens keep their dates; their names, owners and vendor objects pass the redactor.
    const redact = <T>(value: T): T => this.redact(value);
    const { replacement, lostReplacement } = options;
    this.replacement = replacement && Object.freeze({ token: redactedTokenInfo(replacement.token, redact), secret: replacement.secret });
    this.lostReplacement = lostReplacement && redactedTokenInfo(lostReplacement, redact);
    this.candidates = Object.freeze((options.candidates ?? []).map((token) => redactedTokenInfo(token, redact)));
  }
}
