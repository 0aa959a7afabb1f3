import type { CallOptions, Secret, TokenInfo, Tokens, VendorConnection, VendorDefinition } from "@apitokens/core";
import { connectWith } from "./connect-with.js";
import { vendorsByKey } from "./generated/vendors.js";

type Registry = typeof vendorsByKey;

/** A vendor key (`"dynatrace"`, …), one per spec in `specs/`. */
export type VendorKey = keyof Registry;

/** What a vendor's `connect()` entry takes (its settings' keys). */
export type VendorOptions<K extends VendorKey> = Registry[K] extends VendorDefinition<infer O, unknown, unknown> ? O : never;
type ClientOf<K extends VendorKey> = Registry[K] extends VendorDefinition<never, infer C, unknown> ? C : never;
type RawOf<K extends VendorKey> = Registry[K] extends VendorDefinition<never, unknown, infer R> ? R : never;

/** `"dynatrace"` or `"dynatrace:<account>"`: one account, or one of several named accounts. */
export type ConnectionKey = VendorKey | `${VendorKey}:${string}`;
type VendorOf<K> = K extends `${infer V extends VendorKey}:${string}` ? V : K extends VendorKey ? K : never;

/**
 * Options of {@link connect}: per vendor to use, that vendor's options under its key
 * (`dynatrace`), or under `<vendor>:<account>` for several accounts of one vendor
 * (`"dynatrace:prod"`, `"dynatrace:staging"`).
 */
export type ConnectOptions = { readonly [K in VendorKey]?: VendorOptions<K> | undefined } & {
  readonly [K in VendorKey as `${K}:${string}`]?: VendorOptions<K> | undefined;
};

/** Every vendor, in the one display order. */
export const vendors: readonly Registry[VendorKey][] = Object.freeze(Object.values(vendorsByKey));

/** The connections configured in `O`, by key, plus cross-vendor calls. */
export type Connected<O extends ConnectOptions> = {
  readonly [K in keyof O & string as undefined extends O[K] ? never : K]: VendorConnection<ClientOf<VendorOf<K>>, RawOf<VendorOf<K>>>;
} & {
  /** Every configured lifecycle: vendors in display order, then accounts in the order given. */
  readonly all: readonly Tokens[];
  /**
   * Which configured vendor and token a secret belongs to: recognised by its shape, then looked
   * up (Dynatrace lookup, Qernal id, Sematext values, Timeweb claims). Never prints the secret.
   */
  identify(secret: string | Secret, options?: CallOptions): Promise<TokenInfo | undefined>;
};

/**
 * Connects to the vendors you configure and gives each a typed client and the same token
 * lifecycle (`list`, `get`, `create`, `rename`, `enable`, `disable`, `revoke`, `rotate`, `identify`).
 * Every vendor comes from {@link vendors}; several accounts of one vendor are keyed `<vendor>:<account>`.
 *
 * @example
 * const v = connect({ "dynatrace:prod": { baseUrl, token: process.env.DT_PROD_TOKEN }, sematext: { region: "eu", token, appId: 42 } });
 * for await (const t of v["dynatrace:prod"].tokens.list()) console.log(t.account, t.id, t.name, t.expiresAt);
 * const { token, secret } = await v.sematext.tokens.rotate("42:1187");
 */
export function connect<const O extends ConnectOptions>(
  options: O & { readonly [K in Exclude<keyof O, ConnectionKey>]: never },
): Connected<O> {
  return connectWith(
    vendorsByKey as Record<string, VendorDefinition<unknown>>,
    Object.keys(vendorsByKey),
    options as Record<string, unknown>,
  ) as Connected<O>;
}
