import { type ApiClient, type ClientOptions, createApiClient, type PageInit, type VendorProfile } from "@apitokens/core";
import type { AuthTokenMeta, OrganisationsListPageParameter } from "./generated/models.js";
import type { operations, paths } from "./generated/schema.js";
import { spec } from "./generated/spec.js";

/** Options of {@link createQernalClient}. */
export interface QernalClientOptions extends ClientOptions {
  /**
   * The Qernal token, `<client id>@<client secret>`: exchanged for an access token (OAuth2
   * client credentials) at `tokenUrl`, cached until shortly before it expires.
   */
  readonly token: ClientOptions["token"];
  /** @default "https://chaos.qernal.com/v1" (the spec's server) */
  readonly baseUrl?: string | undefined;
  /** The OAuth2 token endpoint. @default "https://hydra.qernal.com/oauth2/token" (the spec's `oauth2` scheme) */
  readonly tokenUrl?: string | undefined;
}

/** The paginated paths of the Qernal client, for `paginate()`. */
export interface QernalPages {
  readonly "/auth/tokens": {
    readonly item: AuthTokenMeta;
    readonly init: {
      readonly params?: { readonly query?: { readonly page?: OrganisationsListPageParameter } };
      readonly signal?: AbortSignal;
    };
  };
}

/** A Qernal auth tokens client: openapi-fetch typed from `specs/qernal.yaml`. */
export type QernalClient = ApiClient<paths, QernalPages>;

/** The environment variable Qernal users usually keep their token in. */
export const QERNAL_TOKEN_ENV = "QERNAL_TOKEN";

type ListData = operations["auth-tokens-list"]["responses"][200]["content"]["application/json"];

/**
 * The next page's `page` parameter, from the link the server gives: `meta.links.next` in the
 * seed-era object body, the `Link` header's `rel="next"` with the bare-array body. Following
 * the server's link works whether `after` counts items or pages (the reference says both).
 * The last page is the one whose `meta.end` reaches `meta.results`, or that has no next link.
 */
function nextPage(data: ListData, response: Response, init: PageInit): PageInit | undefined {
  let link: string | undefined;
  if (Array.isArray(data)) {
    if (data.length === 0) return undefined;
    link = /<([^>]*)>\s*;[^,]*\brel="?next"?/i.exec(response.headers.get("link") ?? "")?.[1];
  } else {
    if (data.data.length === 0 || data.meta.end >= data.meta.results) return undefined;
    link = data.meta.links.next;
  }
  if (!link) return undefined;
  const query = new URL(link, "https://placeholder.invalid").searchParams;
  const page: Record<string, number> = {};
  for (const key of ["before", "after", "size"] as const) {
    const value = query.get(`page[${key}]`);
    if (value !== null && /^\d+$/.test(value)) page[key] = Number(value);
  }
  if (Object.keys(page).length === 0) return undefined;
  const params = (init.params ?? {}) as { query?: Record<string, unknown> };
  return { ...init, params: { ...params, query: { ...params.query, page } } };
}

const profile: VendorProfile = {
  envVar: QERNAL_TOKEN_ENV,
  pagination: {
    "/auth/tokens": { items: (data: ListData) => (Array.isArray(data) ? data : data.data), next: nextPage },
  },
};

/**
 * A typed client for the Qernal Chaos auth-token endpoints. The `<id>@<secret>` token is
 * exchanged for an access token (OAuth2 client credentials, as the spec's `oauth2` scheme
 * says), which is sent as `Authorization: Bearer <access token>`.
 *
 * @example
 * const qernal = createQernalClient({ token: process.env.QERNAL_TOKEN });
 * const { data } = await qernal.GET("/auth/tokens/{token_id}", { params: { path: { token_id } } });
 */
export function createQernalClient(options: QernalClientOptions): QernalClient {
  return createApiClient<paths, QernalPages>(spec, { ...options, baseUrl: options.baseUrl ?? spec.servers[0].url }, profile);
}
