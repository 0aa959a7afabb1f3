/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/**
 * ISO 8601 in UTC with milliseconds, Dynatrace's layout (`2024-02-05T08:15:30.144Z`).
 *
 * @example isoMillis(0) // "1970-01-01T00:00:00.000Z"
 */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * RFC 3339 in UTC without a fraction, Timeweb's and Sematext's layout (`2024-03-14T09:21:07Z`).
 *
 * @example isoSeconds(0) // "1970-01-01T00:00:00Z"
 */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * RFC 3339 in UTC with microseconds, Qernal's layout (`2025-09-02T10:15:42.318204Z`). The
 * sandbox keeps milliseconds, so the last three digits are derived, not measured.
 *
 * @example isoMicros(0) // "1970-01-01T00:00:00.000000Z"
 */
export function isoMicros(ms: number, micros = 0): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micros % 1000).padStart(3, "0")}Z`;
}

/**
 * The start of the UTC day of `ms`: seeded dates are spread back from it, so one seed gives
 * the same state all day long.
 *
 * @example startOfDay(Date.UTC(2025, 0, 1, 13)) === Date.UTC(2025, 0, 1)
 */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
