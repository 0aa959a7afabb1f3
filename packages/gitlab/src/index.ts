// The public API of @apitokens/gitlab.

export type { GitlabClient, GitlabClientOptions, GitlabPages } from "./generated/client.js";

import { pagination } from "./generated/client.js";

export { createGitlabClient, GITLAB_TOKEN_ENV } from "./generated/client.js";

/**
 * The next page of an offset-paginated GitLab list: `x-next-page` (empty on the last page), else
 * the `Link` header's `rel="next"` (the `offset` strategy of the spec's `x-pagination`).
 *
 * @example nextPage(data, response, init) // { ...init, params: { query: { page: 2 } } } or undefined
 */
export const nextPage = pagination["/personal_access_tokens"].next;
export type * from "./generated/models.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { OperationId } from "./generated/spec.js";
export { spec } from "./generated/spec.js";
export type { GitlabAdapterOptions, GitlabToken } from "./lifecycle.js";
export { GITLAB_CAPABILITIES, gitlabAdapter, gitlabTokenInfo } from "./lifecycle.js";
export type { GitlabTokenRef } from "./token-id.js";
export { gitlabTokenId, parseGitlabTokenId } from "./token-id.js";
export type { GitlabVendorOptions } from "./vendor.js";
export { vendor } from "./vendor.js";
