import type { VendorFaults } from "./faults.js";
import type { QernalListShape } from "./vendors/qernal/emulator.js";
import type { Vendor } from "./vendors.js";

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
   * 1,000+. Vendors not named keep the default.
   * @default with a seed: `DEFAULT_SEED_COUNTS`; without: none
   */
  readonly tokens?: Partial<Record<Vendor, number>> | undefined;
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
export const DEFAULT_SEED_COUNTS: Readonly<Record<Vendor, number>> = Object.freeze({ dynatrace: 60, qernal: 18, sematext: 6, timeweb: 14 });

/**
 * The option defaults, as data.
 *
 * @example createSandbox().url("dynatrace") === `${SANDBOX_DEFAULTS.origin}/dynatrace/api/v2`
 */
export const SANDBOX_DEFAULTS = Object.freeze({
  now: Date.now,
  validateResponses: false,
  qernalListShape: "object" as QernalListShape,
  accessTokenTtlSeconds: 3600,
  /** Where an in-process sandbox says it lives: `.invalid` never resolves, so a stray real request fails. */
  origin: "http://sandbox.invalid",
});

/**
 * The seeded token count of each vendor, checked.
 *
 * @example seedCounts({ seed: "demo", tokens: { dynatrace: 1200 } }).dynatrace // 1200
 */
export function seedCounts(options: SandboxOptions): Record<Vendor, number> {
  const base = options.seed === undefined ? { dynatrace: 0, qernal: 0, sematext: 0, timeweb: 0 } : { ...DEFAULT_SEED_COUNTS };
  const counts = { ...base, ...Object.fromEntries(Object.entries(options.tokens ?? {}).filter(([, n]) => n !== undefined)) };
  for (const [vendor, count] of Object.entries(counts)) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`tokens.${vendor} must be a non-negative integer, got ${count}`);
  }
  return counts;
}
