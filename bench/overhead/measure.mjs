// Per-request overhead: every contender against the same child-process server, interleaved
// batch by batch so that drift of a shared machine hits them all alike. Run by run.mjs in a
// fresh process; prints JSON when run alone.
//
// No forced GC between batches: a full `gc()` shrinks V8's young generation, so the next
// batch pays for many more scavenges until it grows back, which penalises whoever allocates
// most and made every ratio depend on the batch size (measured: 1.25× vs 1.50× for our client).
import { fork } from "node:child_process";
import { once } from "node:events";
import { reportToParent } from "../lib/child.mjs";
import { HEY_API } from "../lib/prepare.mjs";
import { median, percentile } from "../lib/stats.mjs";
import { contenders } from "./clients.mjs";

/** What the issue asks for, as data. */
export const OVERHEAD_SETTINGS = Object.freeze({
  /** Requests per contender and mode before anything is timed (JIT, sockets, caches). */
  warmup: 500,
  /** Timed requests per contender and mode. */
  requests: 5_000,
  /** Timed in batches of this size; the contenders take turns batch by batch. */
  batch: 250,
  /** In-flight requests in the concurrent mode. */
  concurrency: 16,
});

/** A well-formed Dynatrace token (the server only checks the `Api-Token` prefix). */
const TOKEN = `dt0c01.${"A".repeat(24)}.${"B".repeat(64)}`;

reportToParent(async () => {
  const server = fork(new URL("./server.mjs", import.meta.url), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    const [{ port }] = await once(server, "message");
    const baseUrl = `http://127.0.0.1:${port}/api/v2`;
    const list = await contenders({ baseUrl, token: TOKEN, heyApiBundle: HEY_API.nodeBundle });
    return await measure(list, OVERHEAD_SETTINGS);
  } finally {
    server.disconnect();
    server.kill();
  }
});

async function measure(list, { warmup, requests, batch, concurrency }) {
  for (const contender of list) {
    await sequential(contender, warmup);
    await concurrent(contender, warmup, concurrency);
  }
  const samples = new Map(list.map((c) => [c.id, { latencies: [], batches: [] }]));
  const rounds = Math.ceil(requests / batch);
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so no contender always follows the same one.
    const order = list.map((_, i) => list[(i + round) % list.length]);
    for (const contender of order) {
      const s = samples.get(contender.id);
      s.latencies.push(...(await sequential(contender, batch)));
      const started = process.hrtime.bigint();
      await concurrent(contender, batch, concurrency);
      s.batches.push(Number(process.hrtime.bigint() - started) / 1e3 / batch);
    }
  }
  return {
    settings: { warmup, requests: rounds * batch, batch, concurrency },
    contenders: list.map(({ id, name }) => {
      const { latencies, batches } = samples.get(id);
      return {
        id,
        name,
        sequential: { medianUs: median(latencies), p90Us: percentile(latencies, 0.9), samples: latencies.length },
        concurrent: { medianUsPerRequest: median(batches), batches: batches.length },
      };
    }),
  };
}

/** `count` requests one after another; the latency of each in µs. */
async function sequential(contender, count) {
  const latencies = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const tokens = await contender.call();
    latencies[i] = Number(process.hrtime.bigint() - started) / 1e3;
    check(contender, tokens);
  }
  return latencies;
}

/** `count` requests with `concurrency` of them in flight. */
async function concurrent(contender, count, concurrency) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      check(contender, await contender.call());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function check(contender, tokens) {
  if (tokens !== 2) throw new Error(`${contender.name} got ${tokens} tokens instead of 2`);
}
