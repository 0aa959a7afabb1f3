// Pagination at scale: 100,000 Dynatrace tokens from the sandbox (a child process), walked by
// a hand-written fetch loop (the baseline), by core's paginate() and by the facade's
// tokens.list(), all over the same pages. Timed passes take turns; a separate pass per way
// samples the heap after a forced collection at every page boundary. Needs --expose-gc.
import { fork } from "node:child_process";
import { once } from "node:events";
import { paginate } from "@apitokens/core";
import { createDynatraceClient } from "@apitokens/dynatrace";
import { connect } from "apitokens";
import { reportToParent } from "../lib/child.mjs";
import { median } from "../lib/stats.mjs";

/** What the issue asks for, as data. */
export const PAGINATION_SETTINGS = Object.freeze({
  /** Tokens seeded in the sandbox (plus its own credential token). */
  tokens: 100_000,
  /** The page size and fields tokens.list() asks for, so all three ways walk the same pages. @see packages/dynatrace/src/lifecycle.ts */
  query: { pageSize: 1000, fields: "+expirationDate,+lastUsedDate,+lastUsedIpAddress,+scopes,+personalAccessToken,+modifiedDate" },
  /** Timed passes per way, taking turns (after one untimed pass each). */
  rounds: 3,
});

reportToParent(async () => {
  if (typeof globalThis.gc !== "function") throw new Error("run with --expose-gc");
  const { tokens, query, rounds } = PAGINATION_SETTINGS;
  const sandbox = fork(new URL("./sandbox.mjs", import.meta.url), [String(tokens)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    const [{ baseUrl, token, seedMs, stored }] = await once(sandbox, "message");
    const ways = walkers({ baseUrl, token, query });
    // One untimed pass each first: the sandbox sorts its tokens on the first listing, and
    // every way's code gets compiled before it is timed.
    for (const way of ways) await drain(way.walk(), () => {});
    const timings = new Map(ways.map((w) => [w.id, []]));
    for (let round = 0; round < rounds; round++) {
      for (const way of round % 2 ? [...ways].reverse() : ways) {
        const started = performance.now();
        const count = await drain(way.walk(), () => {});
        const ms = performance.now() - started;
        if (count !== stored) throw new Error(`${way.name} yielded ${count} tokens, the sandbox holds ${stored}`);
        timings.get(way.id).push((count / ms) * 1000);
      }
    }
    const results = [];
    for (const way of ways)
      results.push({
        id: way.id,
        name: way.name,
        itemsPerSecond: median(timings.get(way.id)),
        runs: timings.get(way.id),
        heap: await heapGrowth(way, query.pageSize),
      });
    return { settings: { ...PAGINATION_SETTINGS, items: stored, seedMs }, ways: results };
  } finally {
    sandbox.disconnect();
  }
});

/** The three ways to walk every token, as data; each `walk()` is an async iterable of tokens. */
function walkers({ baseUrl, token, query }) {
  const headers = { Authorization: `Api-Token ${token}` };
  const client = createDynatraceClient({ baseUrl, token });
  const vendors = connect({ dynatrace: { baseUrl, token } });
  return [
    {
      id: "fetch-loop",
      name: "hand-written fetch loop (baseline)",
      async *walk() {
        // The Dynatrace rule: after the first page, send the cursor alone.
        let url = `${baseUrl}/apiTokens?${new URLSearchParams({ pageSize: String(query.pageSize), fields: query.fields })}`;
        while (url) {
          const response = await fetch(url, { headers });
          if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
          const page = JSON.parse(await response.text());
          yield* page.apiTokens;
          url = page.nextPageKey ? `${baseUrl}/apiTokens?nextPageKey=${encodeURIComponent(page.nextPageKey)}` : undefined;
        }
      },
    },
    {
      id: "paginate",
      name: "paginate(createDynatraceClient(), '/apiTokens')",
      walk: () => paginate(client, "/apiTokens", { params: { query } }),
    },
    { id: "tokens.list", name: "connect().dynatrace.tokens.list()", walk: () => vendors.dynatrace.tokens.list() },
  ];
}

/** Counts what an iterable yields, calling `each(index)` per item; keeps no item. */
async function drain(iterable, each) {
  let count = 0;
  for await (const item of iterable) {
    if (item.id === undefined) throw new Error("a token without an id");
    each(count++);
  }
  return count;
}

/**
 * The heap the iteration keeps alive: `heapUsed` after a full collection at each page's last
 * item (when the iterator holds that page), minus the same measure just before starting.
 * `peakMB` is the highest `heapUsed` without forcing a collection (garbage included), for scale.
 */
async function heapGrowth(way, pageSize) {
  collect();
  const baseline = process.memoryUsage().heapUsed;
  let retained = 0;
  let peak = 0;
  await drain(way.walk(), (index) => {
    if (index % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    if (index % pageSize === pageSize - 1) {
      collect();
      retained = Math.max(retained, process.memoryUsage().heapUsed - baseline);
    }
  });
  return { retainedMB: retained / 2 ** 20, peakMB: peak / 2 ** 20, baselineMB: baseline / 2 ** 20 };
}

function collect() {
  globalThis.gc();
  globalThis.gc();
}
