import { DAY_MS, isoMillis } from "../../clock.js";
import type { Random } from "../../random.js";
import type { GitlabStore, GitlabToken, GitlabTokenKind } from "./store.js";

/** The sandbox's project and group (ids as in the spec's examples). */
export const GITLAB_SEED = Object.freeze({ projectId: 7, groupId: 9 });

/** Typical tokens: a name and its scopes. */
const PROFILES: readonly { readonly name: string; readonly scopes: readonly string[] }[] = [
  { name: "ci-deploy", scopes: ["api"] },
  { name: "release-bot", scopes: ["api", "write_repository"] },
  { name: "registry-reader", scopes: ["read_registry"] },
  { name: "renovate", scopes: ["api", "read_repository", "write_repository"] },
  { name: "backup-export", scopes: ["read_api", "read_repository"] },
  { name: "runner-manager", scopes: ["create_runner", "manage_runner"] },
  { name: "token-rotator", scopes: ["self_rotate"] },
];
const KINDS: readonly GitlabTokenKind[] = ["pat", "pat", "project", "group"];
const LEVELS = [10, 20, 30, 40, 50];

const day = (ms: number) => isoMillis(ms).slice(0, 10);

/**
 * Fills the store: the admin user and the credential token (`api`, `read_api`,
 * `self_rotate`), project 7 and group 9, then `count` tokens of users, the project and the
 * group — some revoked, some expired, some rotated (a family), some never used.
 *
 * @example const credential = seedGitlab(store, new Random("demo:gitlab"), startOfDay(Date.now()), 24);
 */
export function seedGitlab(store: GitlabStore, random: Random, anchor: number, count: number): GitlabToken {
  const admin = store.addUser("sandbox.admin", true);
  const people = [store.addUser("jane.doe"), store.addUser("li.wei")];
  store.projects.add(GITLAB_SEED.projectId);
  store.groups.add(GITLAB_SEED.groupId);
  const credential = store.create({
    kind: "pat",
    resourceId: undefined,
    name: "apitokens-sandbox",
    description: "The sandbox's own token",
    scopes: ["api", "read_api", "self_rotate"],
    userId: admin.id,
    accessLevel: undefined,
    createdAt: anchor - 30 * DAY_MS,
    expiresAt: day(anchor + 335 * DAY_MS),
  });
  for (let i = 0; i < count; i++) {
    const profile = random.pick(PROFILES);
    const kind = random.pick(KINDS);
    const createdAt = anchor - random.int(1, 330) * DAY_MS - random.int(0, DAY_MS - 1);
    const expired = random.chance(0.15);
    const token = store.create({
      kind,
      resourceId: kind === "project" ? GITLAB_SEED.projectId : kind === "group" ? GITLAB_SEED.groupId : undefined,
      name: profile.name,
      description: random.chance(0.5) ? `${profile.name} (seeded)` : null,
      scopes: [...profile.scopes],
      userId: kind === "pat" ? random.pick([admin, ...people]).id : store.addUser(`${kind}_bot_${i}`).id,
      accessLevel: kind === "pat" ? undefined : random.pick(LEVELS),
      createdAt,
      expiresAt: day(expired ? anchor - random.int(1, 30) * DAY_MS : createdAt + 365 * DAY_MS),
      lastUsedAt: random.chance(0.7) ? anchor - random.int(0, 20) * DAY_MS : null,
    });
    const fate = random.int(0, 9);
    if (fate === 0) token.revoked = true;
    if (fate === 1) store.rotate(token, day(anchor + 7 * DAY_MS), anchor - DAY_MS);
  }
  return credential;
}
