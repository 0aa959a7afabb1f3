// Inventory at the round-trip floor: `apitokens list --json` over all five vendors against
// `apitokens-sandbox --tokens 20000 --latency <ms>` (a child process), through a counting proxy
// so the round trips per vendor are observed. Each vendor's floor is the fewest sequential round
// trips its API allows (floors.mjs) times the latency; vendors are independent, so the floor of
// the whole listing is the largest of them. Run by run.mjs in a fresh process; prints JSON when
// run alone.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PAGE_WALK } from "@apitokens/core";
import { reportToParent } from "../lib/child.mjs";
import { exec, ROOT } from "../lib/exec.mjs";
import { startSandboxProcess } from "../lib/sandbox-process.mjs";
import { median } from "../lib/stats.mjs";
import { collectionOf, floorRoundTrips } from "./floors.mjs";
import { startCountingProxy } from "./proxy.mjs";

/** The issue's setting, as data. */
export const INVENTORY_SETTINGS = Object.freeze({
  /** Tokens seeded per vendor (the sandbox adds its own credential token). */
  tokens: 20_000,
  /** The sandbox's fixed delay before every answer, ms: a vendor API's typical round trip (so the emulator's own work, shared by five listings on one event loop, stays small beside it). */
  latencyMs: Number(process.env.BENCH_INVENTORY_LATENCY ?? 100),
  /** Timed runs of the CLI (the median is reported); one lasts about the slowest vendor's floor (20 s at 100 ms). */
  runs: Number(process.env.BENCH_INVENTORY_RUNS ?? 1),
});

const CLI = resolve(ROOT, "packages/cli/bin/apitokens.js");

reportToParent(async () => {
  const { tokens, latencyMs, runs } = INVENTORY_SETTINGS;
  const sandbox = await startSandboxProcess(["--tokens", String(tokens), "--latency", String(latencyMs)]);
  const proxy = await startCountingProxy(sandbox.doc.origin);
  const home = await mkdtemp(join(tmpdir(), "apitokens-bench-"));
  try {
    // Every vendor from a config file, as users configure several: the sandbox's connect options, through the proxy.
    const config = {};
    for (const [vendor, accounts] of Object.entries(sandbox.doc.vendors))
      config[vendor] = JSON.parse(JSON.stringify(accounts.default).replaceAll(sandbox.doc.origin, proxy.origin));
    const configFile = join(home, "config.json");
    await writeFile(configFile, JSON.stringify(config), { mode: 0o600 });
    const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: "1" };
    const args = [CLI, "list", "--json", "--config", configFile];
    const measured = [];
    for (let run = 0; run < runs; run++) {
      proxy.reset();
      const { ms, stdout } = await exec(process.execPath, args, { env });
      const doc = JSON.parse(stdout);
      const failed = doc.vendors.filter((v) => v.status !== "ok");
      if (failed.length) throw new Error(`apitokens list failed for ${failed.map((v) => `${v.vendor}: ${v.error?.message}`).join("; ")}`);
      const collections = {};
      for (const token of doc.tokens) {
        collections[token.vendor] ??= {};
        const byCollection = collections[token.vendor];
        const key = collectionOf(token.id);
        byCollection[key] = (byCollection[key] ?? 0) + 1;
      }
      measured.push({ ms, vendors: doc.vendors, collections, observed: proxy.stats() });
    }
    const typical = measured.toSorted((a, b) => a.ms - b.ms)[Math.floor(runs / 2)];
    const vendors = typical.vendors.map((v) => {
      const collections = typical.collections[v.vendor] ?? {};
      const roundTrips = floorRoundTrips(v.vendor, Object.values(collections), PAGE_WALK.concurrency);
      const observed = typical.observed[v.vendor] ?? { requests: 0, maxInFlight: 0, spanMs: 0 };
      return { vendor: v.vendor, tokens: v.tokens, collections, floorRoundTrips: roundTrips, floorMs: roundTrips * latencyMs, ...observed };
    });
    return {
      settings: { ...INVENTORY_SETTINGS, window: PAGE_WALK.concurrency },
      wallMs: median(measured.map((m) => m.ms)),
      runsMs: measured.map((m) => m.ms),
      floorMs: Math.max(...vendors.map((v) => v.floorMs)),
      vendors,
    };
  } finally {
    await proxy.close();
    await sandbox.stop();
    await rm(home, { recursive: true, force: true });
  }
});
