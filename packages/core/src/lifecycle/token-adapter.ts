import type { Capabilities, CreateTokenInput, TokenInfo } from "./token-info.js";

/** A token and its secret value, as a vendor returned them. */
export interface Issued<Raw> {
  readonly raw: Raw;
  readonly secret: string;
}

/** Per-call options. */
export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
}

/**
 * The few vendor-specific lines of the unified lifecycle, written once per vendor package on
 * top of its typed client. Optional methods exist exactly for the operations the vendor has;
 * `capabilities` says the same as data, for people and for `--help`.
 *
 * What honest create reconciliation needs from an adapter (see the core README, "Lifecycle"):
 * `list` must return every token (all pages, all apps) with its `name`; `create` must send one
 * request and check the fields it relies on in the answer, throwing a typed error when they are
 * missing; `listNamed` should use the vendor's name filter where it has one; `readSecret`
 * where the vendor lists secrets; `rotate` where it has a native reissue.
 */
export interface TokenAdapter<Raw = unknown> {
  readonly vendor: string;
  readonly vendorName: string;
  readonly capabilities: Capabilities;
  /** Normalises a vendor object. */
  toInfo(raw: Raw): TokenInfo<Raw>;
  list(options?: CallOptions): AsyncIterable<Raw>;
  /**
   * The tokens with exactly this name, through the vendor's name filter. Without it the
   * lifecycle filters `list()`. Used to record the same-name tokens before a create.
   */
  listNamed?(name: string, options?: CallOptions): AsyncIterable<Raw>;
  get?(id: string, options?: CallOptions): Promise<Raw>;
  /**
   * One create request, never retried (the lifecycle reconciles unknown outcomes). Throws a
   * typed error when the answer lacks the id or the secret.
   */
  create?(input: CreateTokenInput): Promise<Issued<Raw>>;
  /** Changes name or enabled flag; returns a new secret if the vendor issued one on the way (Qernal may). */
  update?(id: string, patch: { readonly name?: string; readonly enabled?: boolean }, options?: CallOptions): Promise<string | undefined>;
  delete?(id: string, options?: CallOptions): Promise<void>;
  /**
   * The vendor's own rotation: one request. With `capabilities.rotation: "native"` the same id
   * gets a new secret; with `"native-new-id"` the old token is revoked and `raw` is the new one
   * (new id). Either way the old secret stops working.
   */
  rotate?(id: string, options?: CallOptions): Promise<Issued<Raw>>;
  /** Finds a token by its secret (Dynatrace lookup); `undefined` when it is not one of this vendor's. */
  lookup?(secret: string, options?: CallOptions): Promise<Raw | undefined>;
  /**
   * Revokes the token whose secret this is, using that secret as the credential (GitLab's
   * `DELETE /personal_access_tokens/self`): for a leaked token that the configured token cannot
   * see. Resolves once revoked; a secret the vendor no longer accepts is an `AuthenticationError`.
   */
  revokeBySecret?(secret: string, options?: CallOptions): Promise<void>;
  /** Whether a string has the shape of this vendor's secrets. */
  recognizes(secret: string): boolean;
  /** The current secret of a token, where the vendor lets it be read again (Sematext). */
  readSecret?(raw: Raw): string | undefined;
}

/** `{ signal }` when there is one, `{}` otherwise (for `exactOptionalPropertyTypes`). */
export function signalOf(options: CallOptions | undefined): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}
