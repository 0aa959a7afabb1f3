/**
 * Bounds the emulators apply where the vendors' references are silent. A real API refuses a
 * 10 MB token name or an expiry 270,000 years away somewhere (a body limit, a database column,
 * a date type); the references do not say where, so the sandbox picks bounds that no
 * realistic request reaches and answers 400 beyond them, in the vendor's shape.
 *
 * @example if (nameTooLong(name)) return invalid(`name must be at most ${SANDBOX_LIMITS.nameLength} characters`);
 */
export const SANDBOX_LIMITS = Object.freeze({
  /**
   * The longest token name. No reference gives a maximum (Dynatrace: only `minLength: 1`;
   * Qernal: only a pattern; Timeweb: "none declared"; Sematext: nothing), so this is the
   * sandbox's choice, the usual size of a name column.
   * @default 255
   */
  nameLength: 255,
  /**
   * The latest instant a token date may take: the end of year 9999, the last one the vendors'
   * date layouts (ISO 8601 / RFC 3339 with a four-digit year) can write. Later expiries are
   * refused, so no stored token holds a date that cannot be written in an answer.
   */
  latestDate: Date.UTC(9999, 11, 31, 23, 59, 59, 999),
  /** The earliest instant a token date may take: the start of year 0000, for the same reason. */
  earliestDate: Date.parse("0000-01-01T00:00:00.000Z"),
});

/**
 * Whether a token name is longer than {@link SANDBOX_LIMITS.nameLength} (counted in code points).
 *
 * @example nameTooLong("x".repeat(256)) // true
 */
export function nameTooLong(name: string): boolean {
  if (name.length <= SANDBOX_LIMITS.nameLength) return false;
  let count = 0;
  for (const _ of name) if (++count > SANDBOX_LIMITS.nameLength) return true;
  return false;
}

/**
 * Whether a date in epoch ms can be stored and written: finite and not after
 * {@link SANDBOX_LIMITS.latestDate} (nor before {@link SANDBOX_LIMITS.earliestDate}).
 *
 * @example writableDate(Date.now()) // true
 */
export function writableDate(ms: number): boolean {
  return Number.isFinite(ms) && ms >= SANDBOX_LIMITS.earliestDate && ms <= SANDBOX_LIMITS.latestDate;
}

/**
 * Refuses to store a token whose dates cannot be written in an answer: one such token would
 * make every listing that includes it fail. Throws a `RangeError` naming the field.
 *
 * @example assertWritableDates("dynatrace token", { creationDate: Date.now(), expirationDate: undefined });
 */
export function assertWritableDates(what: string, dates: Readonly<Record<string, number | undefined>>): void {
  for (const [field, value] of Object.entries(dates)) {
    if (value !== undefined && !writableDate(value)) {
      throw new RangeError(`${what}: ${field} must be a finite epoch-ms date up to 9999-12-31, got ${value}`);
    }
  }
}
