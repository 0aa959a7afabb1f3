#!/usr/bin/env node
// npm run bench [-- --only overhead,bundle,pagination,build,cli-start,inventory]
//
// Builds what it measures, generates the hey-api peer, runs each section in a fresh process,
// prints one table and writes bench/results.json. Every ratio divides two figures measured in
// this same run: the machines are shared and noisy, so absolute times mean little.
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BUILD_TITLE, buildRows } from "./build/rows.mjs";
import { BUNDLE_TITLE, bundleRows } from "./bundle/rows.mjs";
import { CLI_START_TITLE, cliStartRows } from "./cli-start/rows.mjs";
import { INVENTORY_TITLE, inventoryRows } from "./inventory/rows.mjs";
import { runChild } from "./lib/child.mjs";
import { BENCH } from "./lib/exec.mjs";
import { seconds } from "./lib/format.mjs";
import { BUILD_FILTERS, buildPackages, generateHeyApi } from "./lib/prepare.mjs";
import { formatTable } from "./lib/table.mjs";
import { OVERHEAD_TITLE, overheadRows } from "./overhead/rows.mjs";
import { PAGINATION_TITLE, paginationRows } from "./pagination/rows.mjs";

/** The sections, in the issue's order: where each one's measurement runs and how it becomes rows. */
const SECTIONS = [
  { id: "overhead", title: OVERHEAD_TITLE, script: "overhead/measure.mjs", execArgv: [], rows: overheadRows },
  { id: "bundle", title: BUNDLE_TITLE, script: "bundle/measure.mjs", execArgv: [], rows: bundleRows },
  { id: "pagination", title: PAGINATION_TITLE, script: "pagination/measure.mjs", execArgv: ["--expose-gc"], rows: paginationRows },
  { id: "build", title: BUILD_TITLE, script: "build/measure.mjs", execArgv: [], rows: buildRows },
  { id: "cli-start", title: CLI_START_TITLE, script: "cli-start/measure.mjs", execArgv: [], rows: cliStartRows },
  { id: "inventory", title: INVENTORY_TITLE, script: "inventory/measure.mjs", execArgv: [], rows: inventoryRows, timeoutMs: 900_000 },
];
const RESULTS = resolve(BENCH, "results.json");

const { values } = parseArgs({ options: { only: { type: "string" } } });
const only = values.only ? values.only.split(",").map((s) => s.trim()) : SECTIONS.map((s) => s.id);
const unknown = only.filter((id) => !SECTIONS.some((s) => s.id === id));
if (unknown.length) {
  console.error(`unknown section ${unknown.join(", ")}; use ${SECTIONS.map((s) => s.id).join(", ")}`);
  process.exit(2);
}

const started = performance.now();
const loadAtStart = loadavg().map((n) => Math.round(n * 100) / 100);
const log = (message) => console.error(`[bench ${seconds(performance.now() - started)}] ${message}`);

log(
  `building the packages (turbo run build ${BUILD_FILTERS.join(" ")}); load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(", ")}`,
);
await buildPackages();
if (only.includes("overhead") || only.includes("bundle")) {
  log("generating the hey-api client from specs/dynatrace.yaml into bench/.generated");
  await generateHeyApi();
}

const sections = {};
let failed = false;
for (const section of SECTIONS.filter((s) => only.includes(s.id))) {
  log(`measuring ${section.id}`);
  try {
    const raw = await runChild(resolve(BENCH, section.script), {
      execArgv: section.execArgv,
      ...(section.timeoutMs ? { timeoutMs: section.timeoutMs } : {}),
    });
    sections[section.id] = { title: section.title, measuredAt: new Date().toISOString(), raw, rows: section.rows(raw) };
  } catch (error) {
    failed = true;
    sections[section.id] = { title: section.title, measuredAt: new Date().toISOString(), error: String(error?.message ?? error), rows: [] };
  }
}
log(`done in ${seconds(performance.now() - started)}`);

const table = [];
for (const [id, section] of Object.entries(sections)) {
  if (section.error)
    table.push({ section: id, sectionTitle: section.title, name: "FAILED", value: section.error.split("\n")[0], status: "FAILED" });
  for (const row of section.rows) table.push({ section: id, sectionTitle: section.title, ...row });
}
console.log(formatTable(table));
const missed = table.filter((r) => r.status === "MISSED").map((r) => r.name);
console.log(missed.length ? `\nTargets missed: ${missed.join("; ")}` : "\nEvery target met.");

// A partial run (--only) replaces its own sections and keeps the others from the last run.
const previous = await readFile(RESULTS, "utf8").then(JSON.parse, () => ({ sections: {} }));
await writeFile(
  RESULTS,
  `${JSON.stringify(
    {
      machine: {
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: availableParallelism(),
        cpu: cpus()[0]?.model,
        // The load average when the run started and ended (1, 5, 15 minutes): how quiet the machine was.
        loadAverage: { started: loadAtStart, ended: loadavg().map((n) => Math.round(n * 100) / 100) },
      },
      sections: { ...previous.sections, ...sections },
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote ${RESULTS}`);
process.exitCode = failed ? 1 : 0;
