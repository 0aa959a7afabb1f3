// `apitokens/registry`: every vendor's data without loading a vendor package, and each vendor's
// package loaded when it is used. For layers that start often and use one vendor (the CLI).
import {
  type CallOptions,
  ConfigurationError,
  type Secret,
  type SecretFormat,
  type TokenInfo,
  type Tokens,
  type VendorConnection,
  type VendorData,
  type VendorDefinition,
} from "@apitokens/core";
import type { Connected, ConnectionKey, ConnectOptions, VendorKey } from "./connect.js";
import { vendorInfoByKey, vendorLoaders } from "./generated/registry.js";

export { isApiTokensError } from "@apitokens/core";

/** What the layers above know of a vendor before its package is loaded: its data and secret shapes. */
export interface VendorInfo extends VendorData {
  readonly secretFormats: readonly SecretFormat[];
}

/**
 * Every vendor's data (key, name, settings, scope hints, secret formats), in display order,
 * from the specs; the same fields as each definition in `vendors`, without loading one.
 *
 * @example for (const v of vendorInfo) console.log(v.key, v.settings.map((s) => s.env).join(", "));
 */
export const vendorInfo: readonly VendorInfo[] = Object.freeze(Object.values(vendorInfoByKey) as readonly VendorInfo[]);

type Loaded = { readonly [K in VendorKey]: Awaited<ReturnType<(typeof vendorLoaders)[K]>> };

/**
 * One vendor's definition (`connect`, `createClient`, `capabilities`, …), its package loaded now.
 *
 * @example const dynatrace = await loadVendor("dynatrace"); const { tokens } = dynatrace.connect({ baseUrl, token });
 */
export function loadVendor<K extends VendorKey>(key: K): Promise<Loaded[K]> {
  if (!Object.hasOwn(vendorLoaders, key)) return Promise.reject(unknownVendor(key));
  return vendorLoaders[key]() as Promise<Loaded[K]>;
}

/**
 * `connect()` that loads only the vendors named in `options`: the same connections, order,
 * checks and errors.
 *
 * @example const v = await connectVendors({ dynatrace: { baseUrl, token } }); for await (const t of v.dynatrace.tokens.list()) …
 */
export async function connectVendors<const O extends ConnectOptions>(
  options: O & { readonly [K in Exclude<keyof O, ConnectionKey>]: never },
): Promise<Connected<O>> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) if (value !== undefined) keys.add(vendorOf(key));
  const definitions: Record<string, VendorDefinition<unknown>> = {};
  await Promise.all(
    [...keys].map(async (key) => {
      definitions[key] = (await loadVendor(key as VendorKey)) as VendorDefinition<unknown>;
    }),
  );
  return connectWith(definitions, options as Record<string, unknown>) as Connected<O>;
}

function vendorOf(key: string): string {
  const colon = key.indexOf(":");
  return colon === -1 ? key : key.slice(0, colon);
}

function unknownVendor(vendor: string): ConfigurationError {
  return new ConfigurationError(`unknown vendor "${vendor}" in connect() (known: ${Object.keys(vendorInfoByKey).join(", ")})`);
}

/** Splits `"dynatrace:prod"` into the vendor's definition and the account. */
function resolveKey(
  key: string,
  definitions: Readonly<Record<string, VendorDefinition<unknown>>>,
): { readonly definition: VendorDefinition<unknown>; readonly account: string | undefined } {
  const colon = key.indexOf(":");
  const vendor = colon === -1 ? key : key.slice(0, colon);
  const account = colon === -1 ? undefined : key.slice(colon + 1);
  const definition = Object.hasOwn(definitions, vendor) ? definitions[vendor] : undefined;
  if (!definition || !Object.hasOwn(vendorInfoByKey, vendor)) throw unknownVendor(vendor);
  if (account !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(account))
    throw new ConfigurationError(
      `account name "${account.slice(0, 64)}" in "${vendor}:…" must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
      { vendor, vendorName: definition.name },
    );
  return { definition, account };
}

/**
 * The connections of `options` made with `definitions` (every vendor that `options` names):
 * vendors in display order, then accounts in the order given. Shared by `connect()` and
 * {@link connectVendors}.
 */
export function connectWith(
  definitions: Readonly<Record<string, VendorDefinition<unknown>>>,
  options: Readonly<Record<string, unknown>>,
): Connected<ConnectOptions> {
  const order = Object.keys(vendorInfoByKey);
  const entries = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value], index) => ({ key, value, index, ...resolveKey(key, definitions) }))
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
  } as unknown as Connected<ConnectOptions>;
}
