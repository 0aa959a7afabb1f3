/**
 * The facade's vendor registry (`apitokens/registry`): the one list of vendors, their settings,
 * secret formats and scope hints, without loading a vendor package. The CLI keeps no list of its own.
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

/** Every vendor's data, in the one display order; no vendor package is loaded until one is connected. */
export async function definitions(): Promise<readonly DefinitionLike[]> {
  const { vendorInfo } = await import("apitokens/registry");
  return vendorInfo as readonly DefinitionLike[];
}
