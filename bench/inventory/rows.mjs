import { int, seconds, times } from "../lib/format.mjs";
import { ratio } from "../lib/stats.mjs";
import { status, TARGETS } from "../lib/targets.mjs";

/**
 * Table rows of the inventory run: per vendor, the round trips observed at the sandbox next to
 * the floor its API allows (round trips × latency), the time each request spent at the sandbox
 * (latency included: above it is the emulator's own work) and the time from its first request
 * to its last answer; then the whole `apitokens list` against the largest vendor floor, with the target.
 *
 * @example inventoryRows(result) // [{ name: "dynatrace: 20,001 tokens", value: "21 requests (floor 3 round trips) · 6.4 s", … }]
 */
export function inventoryRows({ settings, wallMs, floorMs, vendors }) {
  const rows = vendors.map((v) => ({
    name: `${v.vendor}: ${int(v.tokens)} tokens`,
    value: `${int(v.requests)} requests, ≤ ${v.maxInFlight} in flight, ${Math.round(v.serverMs / Math.max(1, v.requests))} ms each at the sandbox · ${seconds(v.spanMs)} (floor ${v.floorRoundTrips} round trips = ${seconds(v.floorMs)}${Object.keys(v.collections).length > 1 ? `; ${Object.keys(v.collections).length} lists in parallel` : ""})`,
    ratio: `${times(ratio(v.spanMs, v.floorMs))} floor`,
    data: v,
  }));
  const r = ratio(wallMs, floorMs);
  rows.push({
    name: "apitokens list --json, all five vendors",
    value: `${seconds(wallMs)} (floor ${seconds(floorMs)}: the slowest vendor's)`,
    ratio: `${times(r)} floor`,
    target: `≤ ${times(TARGETS.inventoryVsFloor)}`,
    status: status(r !== null && r <= TARGETS.inventoryVsFloor),
    note: `apitokens-sandbox --tokens ${int(settings.tokens)} --latency ${settings.latencyMs}; numbered pages ${settings.window} at a time (core PAGE_WALK); ${settings.runs} run(s), median`,
    data: { wallMs, floorMs },
  });
  return rows;
}

/** The section's heading. */
export const INVENTORY_TITLE =
  "6. Inventory — apitokens list over every vendor against a sandbox with a fixed latency; round trips counted at the sandbox";
