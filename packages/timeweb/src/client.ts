import { type ApiClient, type ClientOptions, createApiClient, type VendorProfile } from "@apitokens/core";
import type { paths } from "./generated/schema.js";
import { spec } from "./generated/spec.js";

/** Options of {@link createTimewebClient}. */
export interface TimewebClientOptions extends ClientOptions {
  /** @default "https://api.timeweb.cloud" (the spec's server) */
  readonly baseUrl?: string | undefined;
}

/** A Timeweb Cloud API keys client: openapi-fetch typed from `specs/timeweb.yaml`. */
export type TimewebClient = ApiClient<paths>;

/** The environment variable Timeweb Cloud users usually keep a token in (the `twc` CLI's). */
export const TIMEWEB_TOKEN_ENV = "TWC_TOKEN";

const profile: VendorProfile = {
  envVar: TIMEWEB_TOKEN_ENV,
  // Every Timeweb error body carries the request id to quote to support.
  // @see specs/timeweb.yaml, schema ErrorResponse
  requestId: (_response, body) =>
    body && typeof body === "object" && typeof (body as { response_id?: unknown }).response_id === "string"
      ? (body as { response_id: string }).response_id
      : undefined,
};

/**
 * A typed client for the Timeweb Cloud API keys endpoints (`/api/v1/auth/api-keys`). The token
 * (a JWT from the control panel) is sent as `Authorization: Bearer <token>`.
 *
 * @example
 * const timeweb = createTimewebClient({ token: process.env.TWC_TOKEN });
 * const { data } = await timeweb.GET("/api/v1/auth/api-keys");
 */
export function createTimewebClient(options: TimewebClientOptions): TimewebClient {
  return createApiClient<paths>(spec, { ...options, baseUrl: options.baseUrl ?? spec.servers[0].url }, profile);
}
