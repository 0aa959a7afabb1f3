import { parseDuration } from "./duration.js";
import { CliError, EXIT } from "./exit-codes.js";

const FORMATS =
  "a date (2027-01-31, end of that day UTC), a date and time (2027-01-31T12:00:00Z) or a duration from now (90d, 12h, 2w, 1y)";

/**
 * The expiry a user typed, checked before anything is sent: impossible calendar days
 * (2027-02-30) and past moments are refused for every vendor, with the accepted formats.
 *
 * @example parseExpiry("2027-02-30", now) // throws: "2027-02-30" is not a day of the calendar
 */
export function parseExpiry(text: string, now: Date, flag = "--expires"): Date {
  const fail = (why: string) => new CliError(`${flag}: ${why}; it takes ${FORMATS}`, EXIT.usage, { input: flag });
  const trimmed = text.trim();
  if (/^\d+[a-z]+$/i.test(trimmed)) return new Date(now.getTime() + parseDuration(trimmed, flag));
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(trimmed);
  if (!match) throw fail(`"${text}" is not a date`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const day = new Date(Date.UTC(y as number, (mo as number) - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== (mo as number) - 1 || day.getUTCDate() !== d)
    throw fail(`"${text}" is not a day of the calendar`);
  if (match[4] !== undefined && ((h as number) > 23 || (mi as number) > 59 || (s ?? 0) > 59)) throw fail(`"${text}" is not a time of day`);
  const at = match[4] === undefined ? new Date(day.getTime() + 86_400_000 - 1_000) : new Date(trimmed);
  if (Number.isNaN(at.getTime())) throw fail(`"${text}" is not a date`);
  if (at.getTime() <= now.getTime()) throw fail(`"${text}" is in the past`);
  return at;
}
