/** The targets, as data; each row that has one says whether it was met. */
export const TARGETS = Object.freeze({
  /** Our client's median µs per request over plain fetch + JSON.parse. */
  clientVsFloor: 1.1,
  /** Our client's median µs per request over bare openapi-fetch. */
  clientVsOpenapiFetch: 1.05,
  /** One vendor client, create + list, gzipped bytes. */
  vendorGzipBytes: 4096,
  /** The facade with all four clients and the unified interface, gzipped bytes. */
  facadeGzipBytes: 12288,
  /** Heap kept alive while iterating 100,000 tokens, MB. */
  heapGrowthMB: 32,
  /** `tsc` check time of a consumer of all four clients, seconds. */
  checkSeconds: 2,
});

/** The status cell: "ok" or "MISSED". */
export const status = (met) => (met ? "ok" : "MISSED");
