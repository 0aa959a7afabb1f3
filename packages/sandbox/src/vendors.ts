// The one hand-written file that reads the generated list of emulated vendors.
import { descriptors } from "./generated/vendors.js";
import type { VendorDescriptor } from "./vendors/descriptor.js";

/** The vendors the sandbox emulates: the folders `src/vendors/<vendor>/` with a descriptor. */
export type Vendor = keyof typeof descriptors;

/** The descriptor of each vendor, as data. */
export const DESCRIPTORS: { readonly [V in Vendor]: (typeof descriptors)[V] } = descriptors;

/** The state one account of a vendor keeps (its store). */
export type StoreOf<V extends Vendor> =
  (typeof descriptors)[V] extends VendorDescriptor<string, infer Store, infer _Seeded, infer _Principal> ? Store : never;

/**
 * Every emulated vendor, in a stable (alphabetical) order.
 *
 * @example for (const vendor of VENDORS) console.log(sandbox.url(vendor));
 */
export const VENDORS: readonly Vendor[] = Object.freeze(Object.keys(descriptors) as Vendor[]);

/**
 * Where each vendor's default account lives in the sandbox: `/<vendor>` plus the path of the
 * spec's server URL, so a client's `baseUrl` is `origin + BASE_PATHS[vendor]` and its paths
 * stay the spec's (Dynatrace `…/api/v2`, Qernal `…/v1`; Timeweb and Sematext carry the version
 * in their paths). A named account lives at `/<vendor>/<account>` plus the same path.
 *
 * @example `${sandbox.origin}${BASE_PATHS.qernal}` === sandbox.url("qernal")
 */
export const BASE_PATHS: Readonly<Record<Vendor, string>> = Object.freeze(
  Object.fromEntries(VENDORS.map((vendor) => [vendor, `/${vendor}${DESCRIPTORS[vendor].basePath}`])) as Record<Vendor, string>,
);

/**
 * Qernal's OAuth2 token endpoint of the default account in the sandbox (in reality a separate
 * host, Ory Hydra).
 *
 * @deprecated Use `sandbox.connectOptions("qernal").tokenUrl`, which also covers named accounts.
 * @example `${sandbox.origin}${QERNAL_TOKEN_PATH}` === sandbox.tokenUrl
 */
export const QERNAL_TOKEN_PATH = "/qernal/oauth2/token";

/**
 * Whether a string names an emulated vendor.
 *
 * @example isVendor("dynatrace") // true
 */
export function isVendor(value: string): value is Vendor {
  return (VENDORS as readonly string[]).includes(value);
}
