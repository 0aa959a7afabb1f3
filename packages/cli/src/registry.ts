/**
 * The facade's vendor registry (`apitokens/registry`): the one list of vendors, their settings,
 * secret formats and scope hints, without loading a vendor package. The CLI keeps no list of its own.
 */
import type { VendorInfo } from "apitokens/registry";

/** One thing a vendor connection is configured with (`VendorSetting` in `@apitokens/core`). */
export type SettingLike = VendorInfo["settings"][number];

/** A vendor secret's shape: a global, unanchored pattern, with an optional `public` group. */
export type SecretFormatLike = VendorInfo["secretFormats"][number];

/** The parts of a vendor definition the CLI reads: its data, before its package is loaded. */
export type DefinitionLike = VendorInfo;

/** Every vendor's data, in the one display order; no vendor package is loaded until one is connected. */
export async function definitions(): Promise<readonly DefinitionLike[]> {
  const { vendorInfo } = await import("apitokens/registry");
  return vendorInfo;
}
