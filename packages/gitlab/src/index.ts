// The public API of @apitokens/gitlab.

export type { GitlabClient, GitlabClientOptions, GitlabPages } from "./client.js";
export { createGitlabClient, GITLAB_TOKEN_ENV, nextPage } from "./client.js";
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
