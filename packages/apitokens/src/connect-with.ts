import {
  type CallOptions,
  ConfigurationError,
  type Secret,
  type TokenInfo,
  type Tokens,
  type VendorConnection,
  type VendorDefinition,
} from "@apitokens/core";
import type { Connected, ConnectOptions } from "./connect.js";

/** Splits `"dynatrace:prod"` into the vendor's definition and the account. */
function resolveKey(
  key: string,
  definitions: Readonly<Record<string, VendorDefinition<unknown>>>,
  known: readonly string[],
): { readonly definition: VendorDefinition<unknown>; readonly account: string | undefined } {
  const colon = key.indexOf(":");
  const vendor = colon === -1 ? key : key.slice(0, colon);
  const account = colon === -1 ? undefined : key.slice(colon + 1);
  const definition = Object.hasOwn(definitions, vendor) ? definitions[vendor] : undefined;
  if (!definition || !known.includes(vendor))
    throw new ConfigurationError(`unknown vendor "${vendor}" in connect() (known: ${known.join(", ")})`);
  if (account !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(account))
    throw new ConfigurationError(
      `account name "${account.slice(0, 64)}" in "${vendor}:…" must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
      { vendor, vendorName: definition.name },
    );
  return { definition, account };
}

/**
 * The connections of `options` made with `definitions` (every vendor that `options` names):
 * vendors in display order (`order`, every known vendor), then accounts in the order given.
 * Shared by `connect()` and `connectVendors()`; it reads no vendor list of its own, so the
 * main entry does not carry the registry's data.
 */
export function connectWith(
  definitions: Readonly<Record<string, VendorDefinition<unknown>>>,
  order: readonly string[],
  options: Readonly<Record<string, unknown>>,
): Connected<ConnectOptions> {
  const entries = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value], index) => ({ key, value, index, ...resolveKey(key, definitions, order) }))
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
