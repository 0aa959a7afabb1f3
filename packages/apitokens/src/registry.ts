// `apitokens/registry`: every vendor's data without loading a vendor package, and each vendor's
// package loaded when it is used. For layers that start often and use one vendor (the CLI).
import { ConfigurationError, type SecretFormat, type VendorData, type VendorDefinition } from "@apitokens/core";
import type { Connected, ConnectionKey, ConnectOptions, VendorKey } from "./connect.js";
import { connectWith } from "./connect-with.js";
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
  return connectWith(definitions, Object.keys(vendorInfoByKey), options as Record<string, unknown>) as Connected<O>;
}

function vendorOf(key: string): string {
  const colon = key.indexOf(":");
  return colon === -1 ? key : key.slice(0, colon);
}

function unknownVendor(vendor: string): ConfigurationError {
  return new ConfigurationError(`unknown vendor "${vendor}" in connect() (known: ${Object.keys(vendorInfoByKey).join(", ")})`);
}
