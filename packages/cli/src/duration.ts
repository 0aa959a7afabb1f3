import { CliError, EXIT } from "./exit-codes.js";

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/**
 * Parses a duration like `30d`, `12h`, `2w`, `1y` (seconds `s`, minutes `m`, hours `h`, days
 * `d`, weeks `w`, years `y`) into milliseconds; zero is refused.
 *
 * @example parseDuration("90d", "--unused-for") // 7776000000
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d{1,9})([smhdwy])$/.exec(text.trim());
  const unit = match?.[2];
  const ms = match && unit ? Number(match[1]) * (UNITS[unit] ?? 0) : 0;
  if (!(ms > 0))
    throw new CliError(`${flag} takes a duration like 30s, 10m, 12h, 30d, 2w or 1y, got "${text}"`, EXIT.usage, { input: flag });
  return ms;
}
