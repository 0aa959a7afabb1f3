/**
 * What the validators compiled at generate time (`src/generated/validators.ts`, Ajv's
 * standalone code) call at run time: the formats the specs name and Ajv's string-length
 * helper. Plain functions, no code built from strings, so the sandbox runs on workerd and
 * under a strict Content-Security-Policy. `scripts/compile-validators.mjs` compiles against
 * format definitions of the same names and shapes (objects with `validate`).
 */

const INT32 = 2 ** 31;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * RFC 3339 `full-date`: a real day of a real month (29 February in leap years only).
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 * @example isDate("2024-02-29") // true
 */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : DAYS[month - 1];
  return month >= 1 && month <= 12 && day >= 1 && last !== undefined && day <= last;
}

/**
 * RFC 3339 `date-time` with a mandatory zone (`Z` or an offset); `T`, `t` or a space
 * between date and time; a leap second only where it can occur (23:59:60 UTC).
 *
 * @see https://www.rfc-editor.org/rfc/rfc3339#section-5.6
 * @example isDateTime("2024-03-14T09:21:07Z") // true
 */
export function isDateTime(text: string): boolean {
  const separator = text.search(/[Tt ]/);
  if (separator !== 10 || !isDate(text.slice(0, 10))) return false;
  const match = TIME.exec(text.slice(11));
  if (!match) return false;
  const [, hh, mm, ss, , zone = "z"] = match;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  const sign = zone[0] === "-" ? -1 : 1;
  const offsetHours = zone.length > 1 ? Number(zone.slice(1, 3)) : 0;
  const offsetMinutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
  if (offsetHours > 23 || offsetMinutes > 59) return false;
  if (hours <= 23 && minutes <= 59 && seconds < 60) return true;
  // A leap second is 23:59:60 in UTC: shift the local time by the offset to check.
  const utcMinutes = (((hours * 60 + minutes - sign * (offsetHours * 60 + offsetMinutes)) % 1440) + 1440) % 1440;
  return seconds === 60 && minutes <= 59 && hours <= 23 && utcMinutes === 1439;
}

/**
 * The formats the specs name, as Ajv format definitions. `uuid` is a pattern, which Ajv's
 * code carries inline; it is listed for completeness of the names the specs use.
 */
export const formats = Object.freeze({
  date: { validate: isDate },
  "date-time": { validate: isDateTime },
  uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
  int32: { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 },
  int64: { type: "number", validate: (n: number) => Number.isInteger(n) },
});

/**
 * The length of a string in code points, as JSON Schema counts `minLength`/`maxLength`
 * (a surrogate pair is one character).
 *
 * @example ucs2length("😀") // 1
 */
export function ucs2length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Deep equality of JSON values, as `const`, `enum` and `uniqueItems` compare them.
 *
 * @example equal({ a: [1] }, { a: [1] }) // true
 */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  const left = Object.keys(a);
  const right = Object.keys(b);
  return (
    left.length === right.length &&
    left.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
