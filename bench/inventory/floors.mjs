/**
 * What each vendor's list API allows at best, as data from its spec (`specs/<vendor>.yaml`):
 * the largest page size it accepts, how its pages are walked, and the round trips a listing
 * needs before the first page. The inventory floor of a vendor is the fewest sequential round
 * trips these allow for the tokens it holds, times the sandbox's fixed latency.
 *
 * - `none`: one answer holds every token (per collection; collections are listed in parallel);
 * - `sequential`: each page names the next (a cursor or a link), so pages follow one another;
 * - `offset`: numbered pages with the total known from the first answer: the first page, then
 *   every other page at once.
 */
export const VENDOR_FLOORS = Object.freeze({
  /** specs/dynatrace.yaml: GET /apiTokens, x-pagination style cursor; `pageSize` maximum 10000. */
  dynatrace: { style: "sequential", maxPageSize: 10_000, before: 0 },
  /** specs/gitlab.yaml: offset pages with `x-total-pages`; `per_page` maximum 100; PAT, project and group lists in parallel. */
  gitlab: { style: "offset", maxPageSize: 100, before: 0 },
  /** specs/qernal.yaml: x-pagination style link (the next page from `meta.links.next`); `page[size]` at most 100; one OAuth2 token exchange first. */
  qernal: { style: "sequential", maxPageSize: 100, before: 1 },
  /** specs/sematext.yaml: no pagination declared (one answer per app; apps in parallel). */
  sematext: { style: "none", before: 0 },
  /** specs/timeweb.yaml: GET /api/v1/auth/api-keys, "All tokens issued for the account (no pagination)". */
  timeweb: { style: "none", before: 0 },
});

/**
 * The fewest sequential round trips that list `items` tokens of `vendor`.
 *
 * @example floorRoundTrips("dynatrace", 20_001) // 3
 */
export function floorRoundTrips(vendor, items) {
  const floor = VENDOR_FLOORS[vendor];
  if (!floor) throw new Error(`no floor data for vendor "${vendor}"`);
  const pages = floor.style === "none" ? 1 : Math.max(1, Math.ceil(items / floor.maxPageSize));
  const walk = floor.style === "sequential" ? pages : floor.style === "offset" ? Math.min(pages, 2) : 1;
  return floor.before + walk;
}
