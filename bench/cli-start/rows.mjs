import { times } from "../lib/format.mjs";
import { ratio, round } from "../lib/stats.mjs";
import { status, TARGETS } from "../lib/targets.mjs";

const ms = (n) => `${round(n, 0)} ms`;

/**
 * Table rows of the CLI start run: each command's median wall time (p10–p90), and for the CLI's
 * commands the ratio to their floor (`node -e 0`, or Node plus the same requests with fetch).
 *
 * @example cliStartRows(result) // [{ name: "node -e 0", value: "41 ms (38–47)" }, …]
 */
export function cliStartRows({ settings, commands }) {
  const byId = Object.fromEntries(commands.map((c) => [c.id, c]));
  return commands.map((c) => {
    const row = { name: c.name, value: `${ms(c.medianMs)} median (p10 ${ms(c.p10Ms)}, p90 ${ms(c.p90Ms)})`, data: c };
    if (c.floor) {
      const r = ratio(c.medianMs, byId[c.floor].medianMs);
      row.ratio = `${times(r)} ${byId[c.floor].name.split(":")[0]}`;
      row.target = `≤ ${times(TARGETS.cliStartVsFloor)}`;
      row.status = status(r !== null && r <= TARGETS.cliStartVsFloor);
    }
    if (c.id === "list") row.note = `${settings.tokens} tokens; ${settings.rounds} runs per command, interleaved`;
    return row;
  });
}

/** The section's heading. */
export const CLI_START_TITLE =
  "5. CLI start — wall time from spawn to exit, median of interleaved runs, against a started apitokens-sandbox";
