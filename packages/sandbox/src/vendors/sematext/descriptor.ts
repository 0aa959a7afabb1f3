import { defineVendor } from "../descriptor.js";
import { sematextEmulator } from "./emulator.js";
import { seedSematext } from "./seed.js";
import { SematextStore } from "./store.js";

/**
 * Sematext Cloud in the sandbox: per account an API key and three Apps.
 *
 * @see specs/sematext.yaml
 */
export const sematext = defineVendor({
  key: "sematext",
  displayName: "Sematext",
  basePath: "",
  defaultSeedCount: 6,
  seedUnit: "tokens per App",
  createStore: (random) => new SematextStore(random),
  seed: seedSematext,
  credential: (account) => account.apiKey,
  emulator: ({ store, now, seeded }) => sematextEmulator({ store, now, apiKey: seeded.apiKey }),
  connectExtras: ({ seeded }) => ({ appId: Object.freeze([...seeded.apps]) }),
});
