import type { VendorFaults } from "./faults.js";
import { QERNAL_DEFAULTS } from "./vendors/qernal/defaults.js";
import type { QernalListShape } from "./vendors/qernal/emulator.js";
import { DESCRIPTORS, VENDORS, type Vendor } from "./vendors.js";

/** Options of `createSandbox` and `startSandbox`. */
export interface SandboxOptions {
  /**
   * Makes the state deterministic: the same seed gives the same tokens, secrets and dates
   * (spread back from the start of the current UTC day), and seeds realistic tokens per
   * vendor. Without a seed, secrets are random and only the credential tokens exist.
   */
  readonly seed?: string | number | undefined;
  /**
   * Seeded tokens per vendor (Sematext: per App), e.g. `{ dynatrace: 1200 }` to paginate over
   * 1,000+, or one number for every vendor (`20000`). Vendors not named keep the default.
   * Applies to every account.
   * @default with a seed: `DEFAULT_SEED_COUNTS`; without: none
   */
  readonly tokens?: number | Partial<Record<Vendor, number>> | undefined;
  /**
   * Named accounts per vendor, each with its own store, seed and credential, at
   * `/<vendor>/<account>` plus the spec's server path, e.g. `{ dynatrace: ["prod", "staging"] }`.
   * Account names are lower-case letters, digits and dashes. A vendor not named has one
   * account, `"default"`, at `/<vendor>` plus the server path.
   * @default one `"default"` account per vendor
   */
  readonly accounts?: Partial<Record<Vendor, readonly string[]>> | undefined;
  /**
   * A fixed delay before every answer, in ms, as a network round trip would add (for
   * benchmarks of how many sequential requests a client makes). Faults' `latencyMs` adds to it.
   * @default 0
   */
  readonly latencyMs?: number | undefined;
  /** The clock, in epoch ms (creation dates, expiry checks, relative times). @default Date.now */
  readonly now?: (() => number) | undefined;
  /** Standing faults per vendor (latency, failure rate); change them later with `sandbox.faults`. */
  readonly faults?: Partial<Record<Vendor, VendorFaults>> | undefined;
  /**
   * Checks every answer against the spec before sending it and records what does not
   * conform in `sandbox.violations` (for tests; costs a validation per response).
   * @default false
   */
  readonly validateResponses?: boolean | undefined;
  /** Qernal's list body: the seed-era object with `meta`, or the 2025-09-15 bare array with `Link`. @default "object" */
  readonly qernalListShape?: QernalListShape | undefined;
  /** Lifetime of Qernal access tokens from the token endpoint, in seconds. @default 3600 */
  readonly accessTokenTtlSeconds?: number | undefined;
}

/**
 * Seeded tokens per vendor when a `seed` is given (Sematext: per App, three Apps).
 *
 * @example createSandbox({ seed: "demo", tokens: { ...DEFAULT_SEED_COUNTS, dynatrace: 1200 } });
 */
export const DEFAULT_SEED_COUNTS: Readonly<Record<Vendor, number>> = Object.freeze(
  Object.fromEntries(VENDORS.map((vendor) => [vendor, DESCRIPTORS[vendor].defaultSeedCount])) as Record<Vendor, number>,
);

/**
 * The option defaults, as data.
 *
 * @example createSandbox().url("dynatrace") === `${SANDBOX_DEFAULTS.origin}/dynatrace/api/v2`
 */
export const SANDBOX_DEFAULTS = Object.freeze({
  now: Date.now,
  validateResponses: false,
  qernalListShape: QERNAL_DEFAULTS.listShape as QernalListShape,
  accessTokenTtlSeconds: QERNAL_DEFAULTS.accessTokenTtlSeconds,
  latencyMs: 0,
  /** The account of a vendor for which `accounts` names none. */
  account: "default",
  /** Where an in-process sandbox says it lives: `.invalid` never resolves, so a stray real request fails. */
  origin: "http://sandbox.invalid",
});

/**
 * The seeded token count of each vendor, checked.
 *
 * @example seedCounts({ seed: "demo", tokens: { dynatrace: 1200 } }).dynatrace // 1200
 */
export function seedCounts(options: SandboxOptions): Record<Vendor, number> {
  const base = Object.fromEntries(VENDORS.map((vendor) => [vendor, options.seed === undefined ? 0 : DEFAULT_SEED_COUNTS[vendor]]));
  const given = typeof options.tokens === "number" ? Object.fromEntries(VENDORS.map((vendor) => [vendor, options.tokens])) : options.tokens;
  const counts = { ...base, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, n]) => n !== undefined)) } as Record<
    Vendor,
    number
  >;
  for (const [vendor, count] of Object.entries(counts)) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`tokens.${vendor} must be a non-negative integer, got ${count}`);
  }
  return counts;
}

/** What an account name may look like: it becomes a path segment. */
const ACCOUNT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The accounts of each vendor, checked: named ones, or the one default account.
 *
 * @example accountsOf({ accounts: { dynatrace: ["prod", "staging"] } }).dynatrace // ["prod", "staging"]
 */
export function accountsOf(options: SandboxOptions): Record<Vendor, readonly string[]> {
  const accounts = {} as Record<Vendor, readonly string[]>;
  for (const vendor of VENDORS) {
    const named = options.accounts?.[vendor];
    if (named === undefined) {
      accounts[vendor] = [SANDBOX_DEFAULTS.account];
      continue;
    }
    if (named.length === 0) throw new RangeError(`accounts.${vendor} must name at least one account`);
    for (const name of named) {
      if (!ACCOUNT_NAME.test(name))
        throw new RangeError(`accounts.${vendor}: ${JSON.stringify(name)} is not an account name (lower-case letters, digits, dashes)`);
    }
    if (new Set(named).size !== named.length) throw new RangeError(`accounts.${vendor} names an account twice`);
    accounts[vendor] = [...named];
  }
  for (const vendor of Object.keys(options.accounts ?? {})) {
    if (!(VENDORS as readonly string[]).includes(vendor)) throw new RangeError(`accounts: unknown vendor ${JSON.stringify(vendor)}`);
  }
  return accounts;
}
