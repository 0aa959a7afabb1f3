import { specs } from "../../openapi/specs.js";
import { defineVendor } from "../descriptor.js";
import { dynatraceEmulator } from "./emulator.js";
import { seedDynatrace } from "./seed.js";
import { DynatraceStore } from "./store.js";

/**
 * Dynatrace in the sandbox: one environment per account, `Api-Token` credentials.
 *
 * @see specs/dynatrace.yaml
 */
export const dynatrace = defineVendor({
  key: "dynatrace",
  displayName: "Dynatrace",
  basePath: "/api/v2",
  defaultSeedCount: 60,
  createStore: (random) => new DynatraceStore(random),
  seed: seedDynatrace,
  credential: (token) => token.secret,
  emulator: ({ store, now }) => dynatraceEmulator({ store, now, knownScopes: knownScopes() }),
});

let scopes: ReadonlySet<string> | undefined;

/** The scope names the Dynatrace spec lists (the known half of its open `ApiTokenScope`). */
function knownScopes(): ReadonlySet<string> {
  if (scopes) return scopes;
  const scope = specs.dynatrace.components.schemas?.ApiTokenScope as { anyOf?: { enum?: unknown[] }[] } | undefined;
  scopes = new Set(
    (scope?.anyOf ?? []).flatMap((branch) => branch.enum ?? []).filter((value): value is string => typeof value === "string"),
  );
  return scopes;
}
