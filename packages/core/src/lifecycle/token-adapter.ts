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
 */
export interface TokenAdapter<Raw = unknown> {
  readonly vendor: string;
  readonly vendorName: string;
  readonly capabilities: Capabilities;
  /** Normalises a vendor object. */
  toInfo(raw: Raw): TokenInfo<Raw>;
  list(options?: CallOptions): AsyncIterable<Raw>;
  get?(id: string, options?: CallOptions): Promise<Raw>;
  /** One create request, never retried (the lifecycle reconciles unknown outcomes). */
  create?(input: CreateTokenInput): Promise<Issued<Raw>>;
  /** Changes name or enabled flag; returns a new secret if the vendor issued one on the way (Qernal may). */
  update?(id: string, patch: { readonly name?: string; readonly enabled?: boolean }, options?: CallOptions): Promise<string | undefined>;
  delete?(id: string, options?: CallOptions): Promise<void>;
  /** The vendor's own reissue/regenerate: same id, new secret. */
  rotate?(id: string, options?: CallOptions): Promise<Issued<Raw>>;
  /** Finds a token by its secret (Dynatrace lookup); `undefined` when it is not one of this vendor's. */
  lookup?(secret: string, options?: CallOptions): Promise<Raw | undefined>;
  /** Whether a string has the shape of this vendor's secrets. */
  recognizes(secret: string): boolean;
  /** The current secret of a token, where the vendor lets it be read again (Sematext). */
  readSecret?(raw: Raw): string | undefined;
}

/** `{ signal }` when there is one, `{}` otherwise (for `exactOptionalPropertyTypes`). */
export function signalOf(options: CallOptions | undefined): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}
