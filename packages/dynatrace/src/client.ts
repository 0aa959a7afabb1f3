import { type ApiClient, type ClientOptions, createApiClient, type VendorProfile } from "@apitokens/core";
import type { ApiToken } from "./generated/models.js";
import type { operations, paths } from "./generated/schema.js";
import { spec } from "./generated/spec.js";

/** Options of {@link createDynatraceClient}. */
export interface DynatraceClientOptions extends ClientOptions {
  /**
   * The environment's API v2 URL. Required: Dynatrace has no public default.
   * SaaS `https://{environmentId}.live.dynatrace.com/api/v2`, Managed
   * `https://{domain}/e/{environmentId}/api/v2`, ActiveGate `https://{host}:9999/e/{environmentId}/api/v2`.
   */
  readonly baseUrl: string;
}

/** Query options of the first page of `GET /apiTokens` (later pages send only the cursor). */
export type ListApiTokensQuery = NonNullable<operations["listApiTokens"]["parameters"]["query"]>;

/** The paginated paths of the Dynatrace client, for `paginate()`. */
export interface DynatracePages {
  readonly "/apiTokens": {
    readonly item: ApiToken;
    readonly init: { readonly params?: { readonly query?: Omit<ListApiTokensQuery, "nextPageKey"> }; readonly signal?: AbortSignal };
  };
}

/** A Dynatrace API tokens client: openapi-fetch typed from `specs/dynatrace.yaml`. */
export type DynatraceClient = ApiClient<paths, DynatracePages>;

/** The environment variable Dynatrace users usually keep an API token in. */
export const DYNATRACE_TOKEN_ENV = "DT_API_TOKEN";

type ListData = operations["listApiTokens"]["responses"][200]["content"]["application/json; charset=utf-8"];

const profile: VendorProfile = {
  envVar: DYNATRACE_TOKEN_ENV,
  pagination: {
    // After the first page only `nextPageKey` may be sent; the cursor carries the rest.
    // @see specs/dynatrace.yaml, parameter nextPageKey
    "/apiTokens": {
      items: (data: ListData) => data.apiTokens ?? [],
      next: (data: ListData, _response, init) =>
        data.nextPageKey ? { ...init, params: { query: { nextPageKey: data.nextPageKey } } } : undefined,
    },
  },
};

/**
 * A typed client for the Dynatrace Environment API v2 access-token endpoints. The token is
 * sent as `Authorization: Api-Token <token>`, as the spec's `Api-Token` scheme says.
 *
 * @example
 * const dynatrace = createDynatraceClient({ baseUrl: "https://abc12345.live.dynatrace.com/api/v2", token: process.env.DT_API_TOKEN });
 * const { data } = await dynatrace.GET("/apiTokens/{id}", { params: { path: { id: "dt0c01.ABC…" } } });
 */
export function createDynatraceClient(options: DynatraceClientOptions): DynatraceClient {
  return createApiClient<paths, DynatracePages>(spec, options, profile);
}
