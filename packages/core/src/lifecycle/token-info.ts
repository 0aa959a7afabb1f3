/** What every vendor's token has in common, normalised. Facts a vendor does not report are `undefined`. */
export interface TokenInfo<Raw = unknown> {
  /** Vendor key, e.g. `"dynatrace"`. */
  readonly vendor: string;
  /**
   * The account it belongs to, as named in `createTokens(adapter, { account })` /
   * `connect({ "dynatrace:prod": … })`; `undefined` for a single unnamed account. Set by the
   * lifecycle on every token it yields (adapters leave it out).
   */
  readonly account?: string | undefined;
  /** The id the unified calls take (for Sematext `<appId>:<tokenId>`, since token ids are per app). */
  readonly id: string;
  readonly name: string | undefined;
  /** `undefined` where the vendor has no enabled flag. */
  readonly enabled: boolean | undefined;
  readonly createdAt: Date | undefined;
  /** `null`: the vendor says it never expires; `undefined`: the vendor does not say. */
  readonly expiresAt: Date | null | undefined;
  /** `null`: never used; `undefined`: the vendor does not say. */
  readonly lastUsedAt: Date | null | undefined;
  readonly scopes: readonly string[] | undefined;
  /** Who owns it (a user name or id), where the vendor says. */
  readonly owner: string | undefined;
  /** The vendor's own object, as the API returned it (never with a secret in it). */
  readonly raw: Raw;
}

/**
 * What a unified call can be asked to do; each vendor declares which it supports.
 * `revokeBySecret`: revoke a token with its own secret as the credential (GitLab's
 * `DELETE /personal_access_tokens/self`), for a leaked token the configured one cannot see.
 */
export type Capability = "list" | "get" | "create" | "rename" | "enable" | "disable" | "delete" | "rotate" | "lookup" | "revokeBySecret";

/** The {@link TokenInfo} facts a vendor reports. */
export type TokenField = "name" | "enabled" | "createdAt" | "expiresAt" | "lastUsedAt" | "scopes" | "owner";

/** The {@link CreateTokenInput} fields a vendor accepts. */
export type CreateField = "expiresAt" | "scopes";

/** How a vendor rotates; see {@link Capabilities.rotation}. */
export type RotationKind = "native" | "native-new-id" | "replace";

/** What a vendor can do, as data. */
export interface Capabilities {
  readonly operations: readonly Capability[];
  /**
   * How `rotate()` works:
   * - `"native"`: the vendor's own reissue/regenerate: same id, new secret (Timeweb, Sematext).
   *   Sending it again only replaces the secret once more, so a lost answer may be recovered by
   *   reissuing again.
   * - `"native-new-id"`: the vendor revokes the old token and returns a new one with a **new id**
   *   (GitLab). Reusing a rotated-away token may revoke the whole family, so a rotation is never
   *   sent twice: a lost answer is reconciled by listing the tokens of the same name.
   * - `"replace"`: no reissue; a replacement is created first, the old token revoked if asked.
   */
  readonly rotation: RotationKind;
  readonly fields: readonly TokenField[];
  readonly createFields: readonly CreateField[];
  /** Whether a token's secret can be read again after creation (Sematext lists values). */
  readonly secretsReadable: boolean;
}

/** Input of `tokens.create()`. */
export interface CreateTokenInput {
  readonly name: string;
  /** When it stops working; omit for the vendor's default (usually never). */
  readonly expiresAt?: Date | undefined;
  /** Vendor scope / role names (Dynatrace scopes, Timeweb roles, Sematext `read`/`write`). */
  readonly scopes?: readonly string[] | undefined;
  /**
   * The token this one replaces (set by `rotate()`), so a vendor can copy what the unified
   * input has no word for (e.g. Dynatrace's personal-access-token flag).
   */
  readonly replaces?: TokenInfo | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Parses a vendor timestamp; `undefined` for absent or unreadable values. */
export function toDate(value: string | number | null | undefined): Date | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A copy of a token whose string fields (id, name, owner, account, scopes, vendor object) went
 * through `redact`, with its dates kept as dates: what a lifecycle error stores.
 *
 * @example this.token = redactedTokenInfo(options.token, (value) => this.redact(value));
 */
export function redactedTokenInfo<Raw>(token: TokenInfo<Raw>, redact: <T>(value: T) => T): TokenInfo<Raw> {
  return Object.freeze({
    ...token,
    vendor: redact(token.vendor),
    account: redact(token.account),
    id: redact(token.id),
    name: redact(token.name),
    scopes: token.scopes === undefined ? undefined : Object.freeze(token.scopes.map((scope) => redact(scope))),
    owner: redact(token.owner),
    raw: redact(token.raw),
  });
}
