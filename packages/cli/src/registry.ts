/**
 * The facade's vendor registry (`vendors` from `apitokens`): the one list of vendors, their
 * settings, secret formats and scope hints. The CLI keeps no list of its own.
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

/** Every vendor definition, in the one display order. */
export async function definitions(): Promise<readonly DefinitionLike[]> {
  const { vendors } = await import("apitokens");
  return vendors as readonly DefinitionLike[];
}
