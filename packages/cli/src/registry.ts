/**
 * The facade's vendor registry (`vendors` from `apitokens`): the one list of vendors, their
 * settings, secret formats and scope hints. Read here so the rest of the CLI stays typed
 * against the contract while the registry lands.
 */

/** One thing a vendor connection is configured with (see `VendorSetting` in `@apitokens/core`). */
export interface SettingLike {
  readonly key: string;
  readonly env: string;
  readonly description: string;
  readonly type: "secret" | "url" | "string" | "enum" | "integers";
  readonly required?: boolean;
  readonly values?: readonly string[];
  readonly default?: string;
  readonly suffix?: string;
  readonly example?: string;
}

/** A vendor secret's shape: a global, unanchored pattern, with an optional `public` group. */
export interface SecretFormatLike {
  readonly name: string;
  readonly pattern: RegExp;
}

/** The parts of a vendor definition the CLI reads. */
export interface DefinitionLike {
  readonly key: string;
  readonly name: string;
  readonly settings: readonly SettingLike[];
  readonly secretFormats: readonly SecretFormatLike[];
  readonly scopes?: { readonly examples: readonly string[]; readonly allowed?: readonly string[]; readonly required?: boolean };
}

/** Every vendor definition in display order, or `undefined` while the facade has no registry. */
export async function definitions(): Promise<readonly DefinitionLike[] | undefined> {
  const facade = (await import("apitokens")) as { vendors?: readonly DefinitionLike[] };
  return Array.isArray(facade.vendors) ? facade.vendors : undefined;
}
