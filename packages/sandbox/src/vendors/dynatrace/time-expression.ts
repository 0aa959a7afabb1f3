/**
 * Dynatrace's request time grammar (`TimeExpression`): UTC milliseconds (`1735603200000`),
 * an absolute date-time (`2021-01-25T05:57:01.123+01:00`, space for `T`, seconds optional,
 * UTC without a zone) or relative to now (`now-1y/w`, `now+14d`). Returns epoch ms, or
 * `undefined` for text outside the grammar.
 *
 * @see specs/dynatrace.yaml, schema TimeExpression
 * @example parseTimeExpression("now-1d", Date.UTC(2025, 0, 2)) === Date.UTC(2025, 0, 1)
 */
export function parseTimeExpression(text: string, now: number): number | undefined {
  if (/^[0-9]{1,13}$/.test(text)) return Number(text);
  const relative = /^now([+-])([0-9]+)([mhdwMy])(?:\/([mhdwMy]))?$/.exec(text);
  if (relative) {
    const [, sign, amount, unit, align] = relative;
    const moved = shift(now, (sign === "-" ? -1 : 1) * Number(amount), unit as Unit);
    const at = align ? alignDown(moved, align as Unit) : moved;
    // `now+99999999y` leaves the range of a date: outside the grammar's meaning, not a time.
    return Number.isFinite(at) ? at : undefined;
  }
  const absolute =
    /^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$/.exec(text);
  if (!absolute) return undefined;
  const [, date, hoursMinutes, seconds = "00", fraction = "0", zone = "Z"] = absolute;
  const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(`${date}T${hoursMinutes}:${seconds}.${fraction.padEnd(3, "0").slice(0, 3)}${offset}`);
  return Number.isNaN(ms) ? undefined : ms;
}

type Unit = "m" | "h" | "d" | "w" | "M" | "y";

const FIXED: Readonly<Record<"m" | "h" | "d" | "w", number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

function shift(ms: number, amount: number, unit: Unit): number {
  if (unit === "M" || unit === "y") {
    const date = new Date(ms);
    date.setUTCMonth(date.getUTCMonth() + amount * (unit === "y" ? 12 : 1));
    return date.getTime();
  }
  return ms + amount * FIXED[unit];
}

/** Rounds the smaller units down: `/w` is the start (Monday 00:00 UTC) of the week. */
function alignDown(ms: number, unit: Unit): number {
  const date = new Date(ms);
  switch (unit) {
    case "y":
      return Date.UTC(date.getUTCFullYear(), 0, 1);
    case "M":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case "w": {
      const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
      return day - ((date.getUTCDay() + 6) % 7) * FIXED.d;
    }
    default:
      return Math.floor(ms / FIXED[unit]) * FIXED[unit];
  }
}
