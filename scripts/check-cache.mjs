#!/usr/bin/env node
/**
 * Proves that running the given turbo tasks again would do nothing: asks turbo for a dry run
 * and fails unless every task that has a script is a cache hit.
 *
 *   node scripts/check-cache.mjs build typecheck test
 *
 * `npm test` runs it after the real run, so "a second run with no change is all cache hits"
 * is checked on every test run, not just claimed.
 */
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tasks = process.argv.slice(2);
if (tasks.length === 0) {
  console.error("usage: node scripts/check-cache.mjs <task> [task…]");
  process.exit(2);
}

const out = execFileSync(process.execPath, [resolve(root, "node_modules/turbo/bin/turbo"), "run", ...tasks, "--dry=json"], {
  cwd: root,
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
const plan = JSON.parse(out.slice(out.indexOf("{")));
const real = plan.tasks.filter((t) => t.command && t.command !== "<NONEXISTENT>");
const misses = real.filter((t) => t.cache?.status !== "HIT");
if (misses.length) {
  console.error(`turbo cache: ${misses.length} of ${real.length} tasks would run again:`);
  for (const t of misses) console.error(`  ${t.taskId} (${t.hash})`);
  console.error("A task whose inputs did not change must be a cache hit: check its `inputs`/`outputs` in turbo.json.");
  process.exit(1);
}
console.log(`turbo cache: all ${real.length} tasks of \`turbo run ${tasks.join(" ")}\` are cache hits on a second run`);
