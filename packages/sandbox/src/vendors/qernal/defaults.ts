/**
 * Qernal's option defaults in the sandbox, as data.
 *
 * @example qernalEmulator({ store, now, listShape: QERNAL_DEFAULTS.listShape });
 */
export const QERNAL_DEFAULTS = Object.freeze({
  /** The seed-era list body with `meta` (the 2025-09-15 revision's is a bare array). */
  listShape: "object" as "object" | "array",
  /** Lifetime of access tokens from the token endpoint, in seconds (Ory Hydra's default). */
  accessTokenTtlSeconds: 3600,
});
