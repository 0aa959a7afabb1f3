import { CliError } from "./exit-codes.js";

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/**
 * Parses a duration like `30d`, `12h`, `2w`, `1y` (minutes `m`, hours `h`, days `d`, weeks `w`,
 * years `y`) into milliseconds.
 *
 * @example parseDuration("90d", "--unused-for") // 7776000000
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+)([mhdwy])$/.exec(text.trim());
  const unit = match?.[2];
  if (!match || !unit) throw new CliError(`${flag} takes a duration like 30d, 12h, 2w or 1y, got "${text}"`);
  return Number(match[1]) * (UNITS[unit] ?? 0);
}
