/**
 * What each vendor's list API allows at best, as data from its spec (`specs/<vendor>.yaml`):
 * the largest page size it accepts, how its pages are walked, and the round trips a listing
 * needs before the first page. The inventory floor of a vendor is the fewest sequential round
 * trips these allow for the tokens it holds, times the sandbox's fixed latency.
 *
 * - `none`: one answer holds every token (per collection; collections are listed in parallel);
 * - `sequential`: each page names the next (a cursor or a link), so pages follow one another;
 * - `offset`: numbered pages with the total known from the first answer: the first page, then
 *   the others in a bounded window; over `countLimit` items the API omits the total, so the
 *   pages follow one another as `sequential` ones do.
 */
export const VENDOR_FLOORS = Object.freeze({
  /** specs/dynatrace.yaml: GET /apiTokens, x-pagination style cursor; `pageSize` maximum 10000. */
  dynatrace: { style: "sequential", maxPageSize: 10_000, before: 0 },
  /**
   * specs/gitlab.yaml: offset pages with `x-total-pages`; `per_page` maximum 100; PAT, project and group lists in parallel.
   * "Over 10,000 results, `x-total`, `x-total-pages` and the `rel="last"` link are omitted" (info.description, Pagination):
   * a larger list is walked by `x-next-page`, one page after another.
   */
  gitlab: { style: "offset", maxPageSize: 100, countLimit: 10_000, before: 0 },
  /** specs/qernal.yaml: x-pagination style link (the next page from `meta.links.next`); `page[size]` at most 100; one OAuth2 token exchange first. */
  qernal: { style: "sequential", maxPageSize: 100, before: 1 },
  /** specs/sematext.yaml: no pagination declared (one answer per app; apps in parallel). */
  sematext: { style: "none", before: 0 },
  /** specs/timeweb.yaml: GET /api/v1/auth/api-keys, "All tokens issued for the account (no pagination)". */
  timeweb: { style: "none", before: 0 },
});

/**
 * The fewest sequential round trips that list a vendor's tokens, given how many each of its
 * collections holds (GitLab's personal, project and group lists, Sematext's apps: listed in
 * parallel, so the largest decides) and the window of pages fetched at once where pages are
 * numbered (core's `PAGE_WALK.concurrency`: the issue asks for a bounded window).
 *
 * @example floorRoundTrips("dynatrace", [20_001], 4) // 3
 * @example floorRoundTrips("gitlab", [7_339, 7_339, 7_339], 4) // 1 + ceil(73 / 4) = 20
 * @example floorRoundTrips("gitlab", [11_073, 5_508, 5_436], 4) // 111: over 10,000 no total, so pages in sequence
 */
export function floorRoundTrips(vendor, collections, window) {
  const floor = VENDOR_FLOORS[vendor];
  if (!floor) throw new Error(`no floor data for vendor "${vendor}"`);
  const walk = (items) => {
    if (floor.style === "none") return 1;
    const pages = Math.max(1, Math.ceil(items / floor.maxPageSize));
    const totalKnown = floor.style === "offset" && !(items > (floor.countLimit ?? Number.POSITIVE_INFINITY));
    return totalKnown ? 1 + Math.ceil((pages - 1) / window) : pages;
  };
  return floor.before + Math.max(1, ...collections.map(walk));
}

/** The collection a token id belongs to: what precedes its last `:` (`"project:7:12"` → `"project:7"`), else one. */
export const collectionOf = (id) => String(id).slice(0, Math.max(0, String(id).lastIndexOf(":")));
