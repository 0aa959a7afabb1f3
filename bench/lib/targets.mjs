/** The targets of issue 14, as data; each row that has one says whether it was met. */
export const TARGETS = Object.freeze({
  /** Our client's µs per request (total time ÷ requests) over bare openapi-fetch's, one request at a time. */
  clientVsOpenapiFetchSequential: 1.05,
  /** The same with 16 requests in flight. */
  clientVsOpenapiFetchConcurrent: 1.15,
  /** Our client over each peer users would pick instead (axios, the hey-api client), both modes: at least as cheap. */
  clientVsPeers: 1.0,
  /** One vendor client, create + list, gzipped bytes. */
  vendorGzipBytes: 6144,
  /** The facade with all clients and the unified interface, gzipped bytes. */
  facadeGzipBytes: 12288,
  /** Heap kept alive while iterating 100,000 tokens, MB (under 1 MB when issue 14 was filed: must not regress). */
  heapGrowthMB: 1,
  /** `tsc` check time of a consumer of all four clients, seconds. */
  checkSeconds: 2,
  /** A CLI run's wall time over its floor (`node -e 0`, plus the same work done by a plain script). */
  cliStartVsFloor: 1.3,
  /** `apitokens list` over every vendor, wall time over the round-trip floor the vendors' APIs allow. */
  inventoryVsFloor: 1.2,
});

/** The status cell: "ok" or "MISSED". */
export const status = (met) => (met ? "ok" : "MISSED");
