import {
  type CallOptions,
  ConfigurationError,
  type Secret,
  type TokenInfo,
  type Tokens,
  type VendorConnection,
  type VendorDefinition,
} from "@apitokens/core";
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

/** Splits `"dynatrace:prod"` into the vendor's definition and the account. */
function resolveKey(key: string): { readonly definition: VendorDefinition<unknown>; readonly account: string | undefined } {
  const colon = key.indexOf(":");
  const vendor = colon === -1 ? key : key.slice(0, colon);
  const account = colon === -1 ? undefined : key.slice(colon + 1);
  const definition = (vendorsByKey as Record<string, VendorDefinition<unknown>>)[vendor];
  if (!definition || !Object.hasOwn(vendorsByKey, vendor))
    throw new ConfigurationError(`unknown vendor "${vendor}" in connect() (known: ${Object.keys(vendorsByKey).join(", ")})`);
  if (account !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(account))
    throw new ConfigurationError(
      `account name "${account.slice(0, 64)}" in "${vendor}:…" must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
      { vendor, vendorName: definition.name },
    );
  return { definition, account };
}

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
  const order = Object.keys(vendorsByKey);
  const entries = Object.entries(options as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value], index) => ({ key, value, index, ...resolveKey(key) }))
    .sort((a, b) => order.indexOf(a.definition.key) - order.indexOf(b.definition.key) || a.index - b.index);
  const plain = new Set(entries.filter((e) => e.account === undefined).map((e) => e.definition.key));
  for (const entry of entries)
    if (entry.account !== undefined && plain.has(entry.definition.key))
      throw new ConfigurationError(
        `"${entry.definition.key}" and "${entry.key}" are both set: name every account of a vendor that has several ("${entry.definition.key}:<account>")`,
        { vendor: entry.definition.key, vendorName: entry.definition.name },
      );
  const connections: Record<string, VendorConnection> = {};
  for (const { key, value, definition, account } of entries) connections[key] = definition.connect(value as never, account);
  const all = entries.map(({ key }) => connections[key]?.tokens).filter((t): t is Tokens => t !== undefined);
  return {
    ...connections,
    all,
    async identify(secret: string | Secret, callOptions?: CallOptions): Promise<TokenInfo | undefined> {
      for (const tokens of all) {
        const found = await tokens.identify(secret, callOptions);
        if (found) return found;
      }
      return undefined;
    },
  } as unknown as Connected<O>;
}
