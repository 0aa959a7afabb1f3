import type { Random } from "../../random.js";
import type { Emulator } from "../emulator.js";
import { gitlabEmulator } from "./emulator.js";
import { GITLAB_SEED, seedGitlab } from "./seed.js";
import { GitlabStore } from "./store.js";

/**
 * GitLab in the sandbox, as one descriptor: where it lives (`/gitlab` plus the spec server's
 * `/api/v4`), its store, seed and credential, and the `connect()` options a client needs.
 * Written for the sandbox's self-registering descriptors; until they land, the sandbox's
 * vendor list, state, credentials and bundled specs do not name GitLab (see the report).
 *
 * @example const gitlab = gitlabDescriptor.build({ random, seedRandom, anchor, count: 24, now: Date.now });
 */
export const gitlabDescriptor = Object.freeze({
  key: "gitlab",
  basePath: "/gitlab/api/v4",
  /** Seeded tokens when the sandbox has a seed. */
  defaultSeedCount: 24,
  build(parts: {
    readonly random: Random;
    readonly seedRandom: Random;
    readonly anchor: number;
    readonly count: number;
    readonly now: () => number;
  }) {
    const store = new GitlabStore(parts.random);
    const credential = seedGitlab(store, parts.seedRandom, parts.anchor, parts.count);
    return {
      store,
      credential: credential.secret,
      emulator: gitlabEmulator({ store, now: parts.now }) as Emulator,
      /** The `connect({ gitlab: … })` options of a client of this sandbox (with `token: credential`). */
      connect: (baseUrl: string) => ({ baseUrl, projectIds: [GITLAB_SEED.projectId], groupIds: [GITLAB_SEED.groupId] }),
    };
  },
});
