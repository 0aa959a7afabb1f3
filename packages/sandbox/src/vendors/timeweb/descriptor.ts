import { defineVendor } from "../descriptor.js";
import { timewebEmulator } from "./emulator.js";
import { seedTimeweb } from "./seed.js";
import { TimewebStore } from "./store.js";

/**
 * Timeweb Cloud in the sandbox: one Timeweb account per sandbox account, JWT bearer credentials.
 *
 * @see specs/timeweb.yaml
 */
export const timeweb = defineVendor({
  key: "timeweb",
  displayName: "Timeweb Cloud",
  basePath: "",
  defaultSeedCount: 14,
  createStore: (random) => new TimewebStore(random),
  seed: seedTimeweb,
  credential: (token) => token.secret,
  emulator: ({ store, now, random }) => timewebEmulator({ store, now, random: random("timeweb:responses") }),
});
