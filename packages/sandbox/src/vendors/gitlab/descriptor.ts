import { defineVendor } from "../descriptor.js";
import { gitlabEmulator } from "./emulator.js";
import { GITLAB_SEED, seedGitlab } from "./seed.js";
import { GitlabStore } from "./store.js";

/**
 * GitLab in the sandbox: per account an admin's personal access token, project 7 and group 9,
 * whose project and group tokens the client is pointed at.
 *
 * @see specs/gitlab.yaml
 */
export const gitlab = defineVendor({
  key: "gitlab",
  displayName: "GitLab",
  basePath: "/api/v4",
  defaultSeedCount: 24,
  createStore: (random) => new GitlabStore(random),
  seed: seedGitlab,
  credential: (token) => token.secret,
  emulator: ({ store, now }) => gitlabEmulator({ store, now }),
  connectExtras: () => ({ projectIds: Object.freeze([GITLAB_SEED.projectId]), groupIds: Object.freeze([GITLAB_SEED.groupId]) }),
});
