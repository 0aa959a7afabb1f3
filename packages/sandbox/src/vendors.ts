/** The vendors the sandbox emulates. */
export type Vendor = "dynatrace" | "qernal" | "sematext" | "timeweb";

/**
 * Every emulated vendor, in a stable order.
 *
 * @example for (const vendor of VENDORS) console.log(sandbox.url(vendor));
 */
export const VENDORS: readonly Vendor[] = Object.freeze(["dynatrace", "qernal", "sematext", "timeweb"]);

/**
 * Where each vendor lives in the sandbox: `/<vendor>` plus the path of the spec's server URL,
 * so a client's `baseUrl` is `origin + BASE_PATHS[vendor]` and its paths stay the spec's
 * (Dynatrace `…/api/v2`, Qernal `…/v1`; Timeweb and Sematext carry the version in their paths).
 *
 * @example `${sandbox.origin}${BASE_PATHS.qernal}` === sandbox.url("qernal")
 */
export const BASE_PATHS: Readonly<Record<Vendor, string>> = Object.freeze({
  dynatrace: "/dynatrace/api/v2",
  qernal: "/qernal/v1",
  sematext: "/sematext",
  timeweb: "/timeweb",
});

/**
 * Qernal's OAuth2 token endpoint in the sandbox (in reality a separate host, Ory Hydra).
 *
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
