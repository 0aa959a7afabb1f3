import { type ApiClient, type ClientOptions, createApiClient, type PageInit, type VendorProfile } from "@apitokens/core";
import type { PersonalAccessToken, ResourceAccessToken } from "./generated/models.js";
import type { operations, paths } from "./generated/schema.js";
import { spec } from "./generated/spec.js";

/** Options of {@link createGitlabClient}. */
export interface GitlabClientOptions extends ClientOptions {
  /**
   * The instance's REST API v4 URL. Self-Managed and Dedicated: `https://<host>/api/v4`.
   * @default "https://gitlab.com/api/v4" (the spec's first server)
   */
  readonly baseUrl?: string | undefined;
}

/** Query options of a list operation, without the page (the paginator sets it). */
type ListQuery<O extends keyof operations> = Omit<NonNullable<operations[O]["parameters"]["query"]>, "page">;
type PageOf<Item, O extends keyof operations, Path> = {
  readonly item: Item;
  readonly init: {
    readonly params: { readonly query?: ListQuery<O> } & Path;
    readonly signal?: AbortSignal;
  };
};

/** The paginated paths of the GitLab client, for `paginate()`. */
export interface GitlabPages {
  readonly "/personal_access_tokens": PageOf<PersonalAccessToken, "listPersonalAccessTokens", object>;
  readonly "/projects/{id}/access_tokens": PageOf<
    ResourceAccessToken,
    "listProjectAccessTokens",
    { readonly path: { readonly id: number | string } }
  >;
  readonly "/groups/{id}/access_tokens": PageOf<
    ResourceAccessToken,
    "listGroupAccessTokens",
    { readonly path: { readonly id: number | string } }
  >;
}

/** A GitLab access tokens client: openapi-fetch typed from `specs/gitlab.yaml`. */
export type GitlabClient = ApiClient<paths, GitlabPages>;

/** The environment variable apitokens reads a GitLab token from (our choice; see the spec's `x-apitokens`). */
export const GITLAB_TOKEN_ENV = "GITLAB_TOKEN";

/**
 * The next page of an offset-paginated list: `x-next-page` (empty on the last page), else the
 * `Link` header's `rel="next"`. Never `x-total-pages`: GitLab omits it over 10,000 results.
 * @see specs/gitlab.yaml, headers x-next-page and Link
 */
export function nextPage(data: unknown, response: Response, init: PageInit): PageInit | undefined {
  if (!Array.isArray(data) || data.length === 0) return undefined;
  let page = response.headers.get("x-next-page")?.trim() || undefined;
  if (page === undefined) {
    const next = /<([^>]*)>\s*;[^,]*\brel="?next"?/i.exec(response.headers.get("link") ?? "")?.[1];
    page = next ? (new URL(next, "https://placeholder.invalid").searchParams.get("page") ?? undefined) : undefined;
  }
  if (page === undefined || !/^[1-9][0-9]*$/.test(page)) return undefined;
  const params = (init.params ?? {}) as { query?: Record<string, unknown> };
  return { ...init, params: { ...params, query: { ...params.query, page: Number(page) } } };
}

const items = (data: unknown) => (Array.isArray(data) ? data : []);

const profile: VendorProfile = {
  envVar: GITLAB_TOKEN_ENV,
  pagination: {
    "/personal_access_tokens": { items, next: nextPage },
    "/projects/{id}/access_tokens": { items, next: nextPage },
    "/groups/{id}/access_tokens": { items, next: nextPage },
  },
};

/**
 * A typed client for the GitLab REST API v4 access-token endpoints. The token is sent as
 * `PRIVATE-TOKEN: <token>` (the spec's first scheme); `scheme: "Bearer"` sends
 * `Authorization: Bearer <token>` instead.
 *
 * @example
 * const gitlab = createGitlabClient({ token: process.env.GITLAB_TOKEN });
 * const self = await unwrap(gitlab.GET("/personal_access_tokens/self"));
 * const mine = createGitlabClient({ baseUrl: "https://gitlab.example.com/api/v4", token: process.env.GITLAB_TOKEN });
 */
export function createGitlabClient(options: GitlabClientOptions): GitlabClient {
  return createApiClient<paths, GitlabPages>(spec, { ...options, baseUrl: options.baseUrl ?? spec.servers[0].url }, profile);
}
