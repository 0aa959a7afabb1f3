import { DAY_MS } from "../../clock.js";
import type { Random } from "../../random.js";
import type { QernalStore, QernalToken } from "./store.js";

/** Names as users give them (letters and dashes: the API refuses anything else). */
const NAMES = [
  "tf-deploy",
  "laptop-cli",
  "ci-deploy",
  "github-actions",
  "staging-terraform",
  "backup-runner",
  "local-dev",
  "preview-envs",
  "observability",
  "ops-oncall",
  "release-bot",
];
/** Lifetimes users pick, in days; 0 never expires. */
const DURATIONS = [0, 0, 7, 30, 30, 90, 90, 180, 365];

/** The token the sandbox hands out as `credentials.qernal`. */
export const QERNAL_CREDENTIAL_NAME = "apitokens-sandbox";

/**
 * Fills the store: first the credential token (never expires), then `count` realistic
 * tokens — created over two years before `anchor`, with the usual lifetimes, so the older
 * ones with a lifetime have expired.
 *
 * @example const credential = seedQernal(store, new Random("demo:qernal"), startOfDay(Date.now()), 18);
 */
export function seedQernal(store: QernalStore, random: Random, anchor: number, count: number): QernalToken {
  const createdAt = anchor - 30 * DAY_MS + random.int(0, DAY_MS - 1);
  const credential = store.create({ name: QERNAL_CREDENTIAL_NAME, expiresAt: undefined, createdAt, updatedAt: createdAt });
  for (let i = 0; i < count; i++) {
    const created = anchor - random.int(1, 730 * DAY_MS);
    const days = random.pick(DURATIONS);
    const updated = random.chance(0.3) ? random.int(created, anchor) : created;
    store.create({
      name: random.pick(NAMES),
      expiresAt: days ? created + days * DAY_MS : undefined,
      createdAt: created,
      updatedAt: updated,
    });
  }
  return credential;
}
