import { times, us } from "../lib/format.mjs";
import { ratio } from "../lib/stats.mjs";
import { status, TARGETS } from "../lib/targets.mjs";

/**
 * Table rows of the overhead run: each contender's median µs per request, sequential and at
 * concurrency 16, and its ratio to the floor (plain fetch + JSON.parse) of the same run.
 *
 * @example overheadRows(result) // [{ name: "fetch + JSON.parse (floor)", value: "181 µs seq · 175 µs c16", … }]
 */
export function overheadRows({ settings, contenders }) {
  const byId = Object.fromEntries(contenders.map((c) => [c.id, c]));
  const floor = byId.fetch;
  const vs = (c, base) => ({
    sequential: ratio(c.sequential.medianUs, base.sequential.medianUs),
    concurrent: ratio(c.concurrent.medianUsPerRequest, base.concurrent.medianUsPerRequest),
  });
  const rows = contenders.map((c) => {
    const r = vs(c, floor);
    const row = {
      name: c.name,
      value: `${us(c.sequential.medianUs)} seq · ${us(c.concurrent.medianUsPerRequest)} c${settings.concurrency}`,
      ratio: `${times(r.sequential)} · ${times(r.concurrent)} floor`,
      data: { ...c, ratioToFloor: r },
    };
    if (c.id === "client") {
      row.target = `≤ ${times(TARGETS.clientVsFloor)} floor`;
      row.status = status(Math.max(r.sequential, r.concurrent) <= TARGETS.clientVsFloor);
    }
    return row;
  });
  const client = byId.client;
  const bare = byId["openapi-fetch"];
  const r = vs(client, bare);
  rows.push({
    name: "createDynatraceClient vs bare openapi-fetch",
    value: "",
    ratio: `${times(r.sequential)} · ${times(r.concurrent)} openapi-fetch`,
    target: `≤ ${times(TARGETS.clientVsOpenapiFetch)} openapi-fetch`,
    status: status(Math.max(r.sequential, r.concurrent) <= TARGETS.clientVsOpenapiFetch),
    data: { ratioToOpenapiFetch: r },
  });
  return rows;
}

/** The section's heading. */
export const OVERHEAD_TITLE = "1. Per-request overhead — GET /apiTokens (2 tokens) from a node:http child process; median µs/request";
