import { defineVendor } from "../descriptor.js";
import { QERNAL_DEFAULTS } from "./defaults.js";
import { qernalEmulator } from "./emulator.js";
import { qernalTokenEndpoint } from "./oauth2-token-endpoint.js";
import { seedQernal } from "./seed.js";
import { QernalStore } from "./store.js";

/**
 * Qernal in the sandbox: one user per account, auth tokens exchanged for access tokens at the
 * account's own OAuth2 token endpoint (`<root>/oauth2/token`; in reality Ory Hydra on its own host).
 *
 * @see specs/qernal.yaml
 */
export const qernal = defineVendor({
  key: "qernal",
  displayName: "Qernal",
  basePath: "/v1",
  defaultSeedCount: 18,
  createStore: (random) => new QernalStore(random),
  seed: seedQernal,
  credential: (token) => token.secret,
  emulator: ({ store, now, options }) => qernalEmulator({ store, now, listShape: options.qernalListShape ?? QERNAL_DEFAULTS.listShape }),
  extraRoutes: ({ store, now, options }) => [
    {
      method: "POST",
      path: "/oauth2/token",
      handle: qernalTokenEndpoint({
        store,
        now,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? QERNAL_DEFAULTS.accessTokenTtlSeconds,
      }),
      connect: (url) => ({ tokenUrl: url }),
    },
  ],
  flags: [
    {
      flag: "qernal-list",
      option: "qernalListShape",
      choices: ["object", "array"],
      help: "Qernal list body: object (seed-era, default) or array (2025-09-15)",
    },
  ],
});
