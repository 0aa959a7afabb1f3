import { times, us } from "../lib/format.mjs";
import { ratio } from "../lib/stats.mjs";
import { status, TARGETS } from "../lib/targets.mjs";

/**
 * Table rows of the per-request run: each contender's µs per request (total time ÷ requests over
 * every interleaved round), one at a time and at concurrency 16, with its ratio to the floor
 * (plain fetch + JSON.parse) of the same run; then our client against bare openapi-fetch and
 * against each peer, with the targets.
 *
 * @example overheadRows(result) // [{ name: "fetch + JSON.parse (floor)", value: "181 µs seq · 95 µs c16", … }]
 */
export function overheadRows({ settings, contenders }) {
  const byId = Object.fromEntries(contenders.map((c) => [c.id, c]));
  const vs = (c, base) => ({
    sequential: ratio(c.sequential.usPerRequest, base.sequential.usPerRequest),
    concurrent: ratio(c.concurrent.usPerRequest, base.concurrent.usPerRequest),
  });
  const rows = contenders.map((c) => {
    const r = vs(c, byId.fetch);
    return {
      name: c.name,
      value: `${us(c.sequential.usPerRequest)} seq · ${us(c.concurrent.usPerRequest)} c${settings.concurrency}`,
      ratio: `${times(r.sequential)} · ${times(r.concurrent)} floor`,
      data: { ...c, ratioToFloor: r },
    };
  });
  const client = byId.client;
  const bare = vs(client, byId["openapi-fetch"]);
  rows.push(
    {
      name: "createDynatraceClient vs bare openapi-fetch, sequential",
      ratio: `${times(bare.sequential)} openapi-fetch`,
      target: `≤ ${times(TARGETS.clientVsOpenapiFetchSequential)}`,
      status: status(bare.sequential <= TARGETS.clientVsOpenapiFetchSequential),
      data: { ratio: bare.sequential },
    },
    {
      name: `createDynatraceClient vs bare openapi-fetch, ${settings.concurrency} in flight`,
      ratio: `${times(bare.concurrent)} openapi-fetch`,
      target: `≤ ${times(TARGETS.clientVsOpenapiFetchConcurrent)}`,
      status: status(bare.concurrent <= TARGETS.clientVsOpenapiFetchConcurrent),
      data: { ratio: bare.concurrent },
    },
  );
  for (const peer of ["axios", "hey-api"]) {
    const r = vs(client, byId[peer]);
    rows.push({
      name: `createDynatraceClient vs ${peer}, seq · c${settings.concurrency}`,
      ratio: `${times(r.sequential)} · ${times(r.concurrent)} ${peer}`,
      target: `≤ ${times(TARGETS.clientVsPeers)} both`,
      status: status(Math.max(r.sequential, r.concurrent) <= TARGETS.clientVsPeers),
      data: { ratio: r },
    });
  }
  return rows;
}

/** The section's heading. */
export const OVERHEAD_TITLE =
  "1. Per-request cost — GET /apiTokens (2 tokens) from a node:http child process; total time ÷ requests over interleaved rounds";
