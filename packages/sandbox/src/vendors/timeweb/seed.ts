import { DAY_MS, startOfDay } from "../../clock.js";
import type { Random } from "../../random.js";
import type { NewTimewebToken, TimewebStore, TimewebToken } from "./store.js";

/** Typical tokens of a Timeweb Cloud account, with the roles they would get. */
const PROFILES: readonly { readonly name: string; readonly roles: readonly string[] | undefined }[] = [
  { name: "terraform-prod", roles: undefined },
  {
    name: "terraform-staging",
    roles: ["servers:read", "servers:write", "vpc:read", "vpc:write", "floating-ips:read", "floating-ips:write"],
  },
  { name: "мониторинг", roles: ["servers:read", "databases:read", "balancers:read"] },
  { name: "ci-deploy", roles: ["apps:read", "apps:write", "storages:read", "storages:write"] },
  { name: "backup-script", roles: ["storages:read", "storages:write", "network-drives:read"] },
  { name: "dns-automation", roles: ["domains:read", "domains:write"] },
  { name: "certbot-dns", roles: ["domains:read", "domains:write"] },
  { name: "k8s-autoscaler", roles: ["clusters:read", "clusters:write", "servers:read"] },
  { name: "billing-export", roles: ["finances:write"] },
  { name: "github-actions", roles: ["apps:read", "apps:write"] },
  { name: "разработка", roles: undefined },
  { name: "ansible", roles: ["servers:read", "servers:write", "firewall:read"] },
];

/** The token the sandbox hands out as `credentials.timeweb`. */
export const TIMEWEB_CREDENTIAL_NAME = "apitokens-sandbox";

/**
 * Fills the store: first the credential token (no expiry, full access), then `count`
 * realistic tokens — issued over two years before `anchor`, some never expiring, some
 * expired, a few with project limits.
 *
 * @example const credential = seedTimeweb(store, new Random("demo:timeweb"), startOfDay(Date.now()), 14);
 */
export function seedTimeweb(store: TimewebStore, random: Random, anchor: number, count: number): TimewebToken {
  const credential = store.create({
    name: TIMEWEB_CREDENTIAL_NAME,
    createdAt: anchor - 30 * DAY_MS + random.int(0, DAY_MS - 1),
    expiredAt: undefined,
    isAbleToDelete: false,
    roles: undefined,
    projects: null,
  });
  for (let i = 0; i < count; i++) store.create(seededToken(random, anchor));
  return credential;
}

function seededToken(random: Random, anchor: number): NewTimewebToken {
  const profile = random.pick(PROFILES);
  const createdAt = anchor - random.int(1, 730 * DAY_MS);
  // Expiries are whole days at midnight UTC, as the control panel sets them.
  const roll = random.next();
  const canHaveExpired = createdAt + 2 * DAY_MS < anchor;
  const expiredAt =
    roll < 0.4
      ? undefined
      : roll < 0.6 && canHaveExpired
        ? startOfDay(random.int(createdAt + 2 * DAY_MS, anchor))
        : anchor + random.int(1, 365) * DAY_MS;
  return {
    name: profile.name,
    createdAt,
    expiredAt,
    isAbleToDelete: random.chance(0.3),
    roles: profile.roles,
    projects: random.chance(0.25) ? [random.int(100000, 199999)] : null,
  };
}
