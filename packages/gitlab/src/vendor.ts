import { defineVendor, type VendorDefinition } from "@apitokens/core";
import { createGitlabClient, type GitlabClient, type GitlabClientOptions } from "./generated/client.js";
import { spec } from "./generated/spec.js";
import { vendorData } from "./generated/vendor.js";
import { GITLAB_CAPABILITIES, type GitlabToken, gitlabAdapter } from "./lifecycle.js";

/** Options of the GitLab vendor: the client's, plus where its tokens live (the spec's `x-apitokens` settings). */
export interface GitlabVendorOptions extends GitlabClientOptions {
  /** Project id(s) whose access tokens to manage; new tokens go to the first. */
  readonly projectIds?: number | readonly number[] | undefined;
  /** Group id(s) whose access tokens to manage; new tokens go to the first when no project is set. */
  readonly groupIds?: number | readonly number[] | undefined;
  /** A user id (admin token): lists that user's personal access tokens and creates new ones for them. */
  readonly userId?: number | readonly number[] | undefined;
}

const list = (ids: number | readonly number[] | undefined): readonly number[] | undefined => (typeof ids === "number" ? [ids] : ids);

/**
 * GitLab as data for the layers above: settings and environment variables, secret shapes,
 * capabilities, the client factory and the lifecycle (personal, project and group tokens).
 *
 * @example const { tokens } = vendor.connect({ token: process.env.GITLAB_TOKEN, projectIds: 7 });
 */
export const vendor: VendorDefinition<GitlabVendorOptions, GitlabClient, GitlabToken> = defineVendor({
  data: vendorData,
  spec,
  capabilities: GITLAB_CAPABILITIES,
  createClient: ({ projectIds: _p, groupIds: _g, userId: _u, ...options }: GitlabVendorOptions) => createGitlabClient(options),
  adapter: (client, { projectIds, groupIds, userId, ...options }) =>
    gitlabAdapter(client, {
      projectIds: list(projectIds),
      groupIds: list(groupIds),
      userId: list(userId)?.[0],
      // The leaked token, on the same server with the same policy, asks who it is.
      clientFor: (token) => createGitlabClient({ ...options, token }),
    }),
});
