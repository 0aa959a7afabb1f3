/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** The largest distance from the epoch a `Date` holds, in ms (ECMA-262 TimeClip). */
const MAX_TIME = 8.64e15;
/** `YYYY-MM-DD` (or an extended year) of each UTC day formatted so far, by day number: a list's dates fall on a few hundred days. */
const DAY_TEXT = new Map<number, string>();
/** Days kept before the cache starts over (a bound, not a tuning knob: seeded dates span two years). */
const DAY_TEXT_LIMIT = 4096;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * ISO 8601 in UTC with milliseconds, Dynatrace's layout (`2024-02-05T08:15:30.144Z`): exactly
 * `new Date(ms).toISOString()` (a `RangeError` for a time no `Date` holds). Lists render
 * hundreds of thousands of dates, so the day is formatted once per day and the time of day by
 * arithmetic, about four times cheaper than a `Date` per call.
 *
 * @example isoMillis(0) // "1970-01-01T00:00:00.000Z"
 */
export function isoMillis(ms: number): string {
  if (!(Math.abs(ms) <= MAX_TIME)) return new Date(ms).toISOString();
  const time = Math.trunc(ms) + 0;
  const day = Math.floor(time / DAY_MS);
  let date = DAY_TEXT.get(day);
  if (date === undefined) {
    if (DAY_TEXT.size >= DAY_TEXT_LIMIT) DAY_TEXT.clear();
    date = new Date(day * DAY_MS).toISOString().slice(0, -"T00:00:00.000Z".length);
    DAY_TEXT.set(day, date);
  }
  const ofDay = time - day * DAY_MS;
  const millis = ofDay % 1000;
  const seconds = Math.floor(ofDay / 1000);
  return `${date}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${pad3(millis)}Z`;
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
