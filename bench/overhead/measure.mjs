// Per-request cost: every contender against the same child-process server, in interleaved
// rounds so that drift of a shared machine hits them all alike. Run by run.mjs in a fresh
// process; prints JSON when run alone.
//
// The figure is total time ÷ requests, per contender and mode, summed over every round: what a
// user's process spends per request, garbage collection included (a median per request would
// leave out exactly the requests that paid for a scavenge). No forced GC between rounds: a full
// `gc()` shrinks V8's young generation, so the next round pays for many more scavenges until it
// grows back, which penalises whoever allocates most.
import { fork } from "node:child_process";
import { once } from "node:events";
import { reportToParent } from "../lib/child.mjs";
import { HEY_API } from "../lib/prepare.mjs";
import { median } from "../lib/stats.mjs";
import { contenders } from "./clients.mjs";

/** What the issue asks for, as data. */
export const OVERHEAD_SETTINGS = Object.freeze({
  /** Requests per contender and mode before anything is timed (JIT, sockets, caches). */
  warmup: 500,
  /** Timed requests per contender and mode. */
  requests: 12_000,
  /** Requests per contender, mode and round; the contenders take turns round by round. */
  batch: 250,
  /** In-flight requests in the concurrent mode. */
  concurrency: 16,
});

/** A well-formed Dynatrace token (the server only checks the `Api-Token` prefix). */
const TOKEN = `dt0c01.${"A".repeat(24)}.${"B".repeat(64)}`;

const settings = {
  ...OVERHEAD_SETTINGS,
  ...(process.env.BENCH_OVERHEAD_REQUESTS ? { requests: Number(process.env.BENCH_OVERHEAD_REQUESTS) } : {}),
};

reportToParent(async () => {
  const server = fork(new URL("./server.mjs", import.meta.url), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    const [{ port }] = await once(server, "message");
    const baseUrl = `http://127.0.0.1:${port}/api/v2`;
    const list = await contenders({ baseUrl, token: TOKEN, heyApiBundle: HEY_API.nodeBundle });
    return await measure(list, settings);
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
  const totals = new Map(list.map((c) => [c.id, { sequentialNs: 0n, concurrentNs: 0n, sequentialRounds: [], concurrentRounds: [] }]));
  const rounds = Math.ceil(requests / batch);
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so no contender always follows the same one.
    const order = list.map((_, i) => list[(i + round) % list.length]);
    for (const contender of order) {
      const t = totals.get(contender.id);
      const seq = await sequential(contender, batch);
      t.sequentialNs += seq;
      t.sequentialRounds.push(Number(seq) / 1e3 / batch);
      const c16 = await concurrent(contender, batch, concurrency);
      t.concurrentNs += c16;
      t.concurrentRounds.push(Number(c16) / 1e3 / batch);
    }
  }
  const n = rounds * batch;
  return {
    settings: { warmup, requests: n, batch, rounds, concurrency },
    contenders: list.map(({ id, name }) => {
      const t = totals.get(id);
      return {
        id,
        name,
        // µs per request: the total over every round ÷ the requests made (GC included).
        sequential: { usPerRequest: Number(t.sequentialNs) / 1e3 / n, medianRoundUs: median(t.sequentialRounds), requests: n },
        concurrent: { usPerRequest: Number(t.concurrentNs) / 1e3 / n, medianRoundUs: median(t.concurrentRounds), requests: n },
      };
    }),
  };
}

/** `count` requests one after another; their total time in ns. */
async function sequential(contender, count) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) check(contender, await contender.call());
  return process.hrtime.bigint() - started;
}

/** `count` requests with `concurrency` of them in flight; their total time in ns. */
async function concurrent(contender, count, concurrency) {
  const started = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      check(contender, await contender.call());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return process.hrtime.bigint() - started;
}

function check(contender, tokens) {
  if (tokens !== 2) throw new Error(`${contender.name} got ${tokens} tokens instead of 2`);
}
