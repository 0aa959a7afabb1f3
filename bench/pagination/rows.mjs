import { int, mb, seconds, times } from "../lib/format.mjs";
import { ratio } from "../lib/stats.mjs";
import { status, TARGETS } from "../lib/targets.mjs";

/**
 * Table rows of the pagination run: items per second as a ratio to the hand-written fetch
 * loop, and the heap kept alive while iterating (after a full GC at each page).
 *
 * @example paginationRows(result) // [{ name: "hand-written fetch loop (baseline)", value: "113,539 items/s · heap +0.5 MB", … }]
 */
export function paginationRows({ settings, ways }) {
  const base = ways.find((w) => w.id === "fetch-loop");
  const rows = ways.map((w) => ({
    name: w.name,
    value: `${int(w.itemsPerSecond)} items/s · heap +${mb(w.heap.retainedMB)} (peak +${mb(w.heap.peakMB)} with garbage)`,
    ratio: `${times(ratio(w.itemsPerSecond, base.itemsPerSecond))} fetch loop`,
    // The target is ours: the hand-written loop is the baseline, not held to it.
    ...(w.id === "fetch-loop"
      ? {}
      : { target: `heap < ${TARGETS.heapGrowthMB} MB`, status: status(w.heap.retainedMB < TARGETS.heapGrowthMB) }),
    data: w,
  }));
  rows.push({
    name: "sandbox",
    value: `${int(settings.items)} tokens, pages of ${int(settings.query.pageSize)}, seeded in ${seconds(settings.seedMs)}`,
    data: settings,
  });
  return rows;
}

/** The section's heading. */
export const PAGINATION_TITLE = "3. Pagination at scale — 100,000 Dynatrace tokens from @apitokens/sandbox (child process)";
