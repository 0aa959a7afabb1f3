// Build: lint + generate of the four specs with nothing cached, a second `turbo run build`
// with no change (every task should be a cache hit), and `tsc --extendedDiagnostics` on a
// consumer of all four clients against the same calls through bare openapi-fetch.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { reportToParent } from "../lib/child.mjs";
import { BENCH, exec, ROOT, TURBO, TURBO_ENV } from "../lib/exec.mjs";
import { HEY_API } from "../lib/prepare.mjs";
import { median } from "../lib/stats.mjs";

/** The four vendor packages, each with its own `lint:spec` and `generate` task. */
export const VENDOR_FILTERS = ["@apitokens/timeweb", "@apitokens/qernal", "@apitokens/dynatrace", "@apitokens/sematext"].map(
  (p) => `--filter=${p}`,
);

/** Runs of each `tsc` measurement (cold each time; the median is reported). */
const TSC_RUNS = 3;

reportToParent(async () => ({
  cache: await secondBuild(),
  specs: await lintAndGenerate(),
  generator: await generatorPeers(),
  types: { consumer: await typecheck("consumer"), floor: await typecheck("floor") },
}));

/**
 * `turbo run build` twice, back to back; the second's "N cached, M total" line is the result,
 * with the tasks that missed (from its run summary) so a miss can be traced to its inputs.
 */
async function secondBuild() {
  const run = () => exec(process.execPath, [TURBO, "run", "build", "--summarize", "--output-logs=errors-only"], { env: TURBO_ENV });
  const first = await run();
  const second = await run();
  const counts = async ({ stdout, ms }) => {
    const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(stdout);
    if (!match) throw new Error(`no cache line in turbo's output:\n${stdout}`);
    const tasks = await summaryTasks(stdout);
    return { cached: Number(match[1]), total: Number(match[2]), ms, misses: tasks.filter((t) => t.cache !== "HIT").map((t) => t.task) };
  };
  return { first: await counts(first), second: await counts(second) };
}

/** The tasks of the run summary turbo printed the path of (`--summarize`); the file is removed. */
async function summaryTasks(stdout) {
  const file = /Summary:\s+(\S+\.json)/.exec(stdout)?.[1];
  if (!file) return [];
  const summary = JSON.parse(await readFile(file, "utf8"));
  await rm(file, { force: true });
  return summary.tasks.map((task) => ({
    task: task.taskId,
    ms: task.execution ? task.execution.endTime - task.execution.startTime : 0,
    cache: task.cache.status,
  }));
}

/** `lint:spec` + `generate` of the four vendors with `--force`; per-task times from turbo's run summary. */
async function lintAndGenerate() {
  const { ms, stdout } = await exec(
    process.execPath,
    [TURBO, "run", "lint:spec", "generate", ...VENDOR_FILTERS, "--force", "--summarize", "--output-logs=errors-only"],
    { env: TURBO_ENV },
  );
  const tasks = await summaryTasks(stdout);
  const sum = (name) => tasks.filter((t) => t.task.endsWith(`#${name}`)).reduce((total, t) => total + t.ms, 0);
  return { wallMs: ms, lintTaskMs: sum("lint:spec"), generateTaskMs: sum("generate"), tasks };
}

/** The same spec through our generator and through hey-api's, each a fresh process. */
async function generatorPeers() {
  const out = await mkdtemp(join(tmpdir(), "apitokens-bench-"));
  try {
    const ours = [];
    const heyApi = [];
    for (let i = 0; i < TSC_RUNS; i++) {
      // --check generates in memory and compares, so nothing in the repo is written.
      ours.push((await exec(process.execPath, [resolve(ROOT, "scripts/generate.mjs"), "dynatrace", "--check"], { okCodes: [0, 1] })).ms);
      heyApi.push((await exec(process.execPath, [resolve(BENCH, "lib/generate-hey-api.mjs"), HEY_API.spec, out])).ms);
    }
    return { oursMs: median(ours), heyApiMs: median(heyApi) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** `tsc --extendedDiagnostics` on one of the consumers; medians over cold runs. */
async function typecheck(name) {
  const runs = [];
  for (let i = 0; i < TSC_RUNS; i++) {
    const { stdout } = await exec(process.execPath, [
      resolve(ROOT, "node_modules/typescript/bin/tsc"),
      "-p",
      resolve(BENCH, `build/${name}/tsconfig.json`),
      "--extendedDiagnostics",
    ]);
    const read = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(stdout)?.[1]);
    runs.push({ instantiations: read("Instantiations"), types: read("Types"), checkS: read("Check time"), totalS: read("Total time") });
  }
  return {
    instantiations: runs[0].instantiations,
    types: runs[0].types,
    checkS: median(runs.map((r) => r.checkS)),
    totalS: median(runs.map((r) => r.totalS)),
  };
}
