import { type ApiClient, type ClientOptions, ConfigurationError, createApiClient, type VendorProfile } from "@apitokens/core";
import type { paths } from "./generated/schema.js";
import { spec } from "./generated/spec.js";

/** Sematext Cloud regions, each with its own API host. */
export type SematextRegion = "us" | "eu";

/**
 * The spec's server for each region. Typed against the spec's data, so a spec change that
 * drops a server fails to compile here.
 */
export const SEMATEXT_REGIONS = {
  us: "https://apps.sematext.com",
  eu: "https://apps.eu.sematext.com",
} as const satisfies Record<SematextRegion, (typeof spec.servers)[number]["url"]>;

/** Options of {@link createSematextClient}. */
export interface SematextClientOptions extends ClientOptions {
  /** Which Sematext Cloud region the account lives in. @default "us" */
  readonly region?: SematextRegion | undefined;
  /** Overrides the region's URL (a proxy, the sandbox). */
  readonly baseUrl?: string | undefined;
}

/** A Sematext Cloud app tokens client: openapi-fetch typed from `specs/sematext.yaml`. */
export type SematextClient = ApiClient<paths>;

/** The environment variable Sematext users usually keep the account API key in. */
export const SEMATEXT_TOKEN_ENV = "SEMATEXT_API_KEY";

const profile: VendorProfile = { envVar: SEMATEXT_TOKEN_ENV };

/**
 * A typed client for the Sematext Cloud app-token endpoints. The account API key is sent as
 * `Authorization: apiKey <key>`, as the spec's `api_key` scheme says.
 *
 * @example
 * const sematext = createSematextClient({ region: "eu", token: process.env.SEMATEXT_API_KEY });
 * const { data } = await sematext.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: 42 } } });
 */
export function createSematextClient(options: SematextClientOptions): SematextClient {
  const region = options.region ?? "us";
  if (!(region in SEMATEXT_REGIONS)) {
    throw new ConfigurationError(`unknown region "${String(region)}" (use "us" or "eu")`, {
      vendor: spec.vendor,
      vendorName: spec.vendorName,
    });
  }
  return createApiClient<paths>(spec, { ...options, baseUrl: options.baseUrl ?? SEMATEXT_REGIONS[region] }, profile);
}
