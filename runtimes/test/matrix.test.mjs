// The smoke program (smoke/smoke.mjs, web APIs only) on every runtime against the in-process
// sandbox: Node (in use and oldest supported), Bun, Deno, workerd, and headless Chromium with
// and without a strict CSP. A runtime that cannot be installed or started is skipped with the
// reason; each prints its result and time, and the whole matrix is printed as a table.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { bundle } from "./support/bundle.mjs";
import { launchChromium, servePages, smokeInPage } from "./support/chromium.mjs";
import { table } from "./support/matrix-table.mjs";
import { reportLine, run, tail } from "./support/process.mjs";
import { moduleRuntimes } from "./support/runtimes.mjs";
import { runInWorkerd, workerd } from "./support/workerd.mjs";

const SMOKE = join(dirname(fileURLToPath(import.meta.url)), "..", "smoke");
const TIMEOUT = 120_000;

/** @type {import("./support/matrix-table.mjs").Row[]} */
const rows = [];
const once = (make) => {
  let value;
  return () => (value ??= make());
};
const chromium = once(launchChromium);
const pages = once(async () => servePages(await bundle(join(SMOKE, "browser.mjs"), ["browser"])));

after(async () => {
  const launched = await (rows.some((r) => r.runtime.startsWith("chromium")) ? chromium() : undefined);
  await launched?.browser?.close();
  const served = await pages().catch(() => undefined);
  await served?.close();
  console.log(table("Runtime matrix: the smoke program against the in-process sandbox", rows));
});

/** Asserts a smoke report: every check passed, each failure named with its error. */
function assertReport(report, output) {
  assert.ok(report, `no SMOKE report line; the runtime printed:\n${tail(output)}`);
  const failed = report.checks.filter((c) => !c.ok);
  assert.deepEqual(
    failed.map((c) => `${c.name}: ${c.error}`),
    [],
    `${failed.length} of ${report.checks.length} checks failed`,
  );
  assert.equal(report.checks.length, 7, "every check ran");
}

/** Runs one row: records its result and time whatever happens, so the table has every row. */
async function row(t, runtime, version, body) {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const note = await body();
    rows.push({ runtime, version, result: "pass", ms: ms(), ...(note ? { note } : {}) });
    t.diagnostic(`${runtime} ${version}: pass in ${ms()} ms`);
  } catch (error) {
    rows.push({ runtime, version, result: "fail", ms: ms(), note: error.message.split("\n")[0] });
    throw error;
  }
}

function skip(t, runtime, reason) {
  rows.push({ runtime, version: "–", result: "skip", ms: 0, note: reason });
  t.skip(reason);
}

describe("the smoke program on every runtime", { concurrency: 2, timeout: TIMEOUT }, async () => {
  for (const runtime of await moduleRuntimes()) {
    it(runtime.name, async (t) => {
      if ("skip" in runtime) return skip(t, runtime.name, runtime.skip);
      await row(t, runtime.name, runtime.version, async () => {
        const [file, args] = runtime.command(join(SMOKE, "main.mjs"));
        const result = await run(file, args, { cwd: SMOKE });
        assertReport(reportLine(result.stdout, "SMOKE"), result.stdout + result.stderr);
        assert.equal(result.code, 0, tail(result.stderr));
      });
    });
  }

  it("workerd", async (t) => {
    const found = await workerd();
    if ("skip" in found) return skip(t, "workerd", found.skip);
    await row(t, "workerd", found.version, async () => {
      const code = await bundle(join(SMOKE, "worker.mjs"), ["workerd", "worker", "browser"]);
      const result = await runInWorkerd(found.path, code);
      assertReport(reportLine(result.stdout, "SMOKE"), result.stdout + result.stderr);
      assert.equal(result.code, 0, tail(result.stderr));
    });
  });

  for (const [name, path, strict] of [
    ["chromium", "/", false],
    ["chromium, strict CSP (no unsafe-eval)", "/strict-csp", true],
  ]) {
    it(name, async (t) => {
      const launched = await chromium();
      if ("skip" in launched) return skip(t, name, launched.skip);
      await row(t, name, launched.version, async () => {
        const served = await pages();
        const { report, problems } = await smokeInPage(launched.browser, `${served.origin}${path}`);
        assertReport(report, problems.join("\n"));
        // The CSP page must really forbid eval, or it proves nothing.
        assert.equal(report.evalAllowed, !strict, strict ? "the strict-CSP page allowed eval" : "the plain page forbade eval");
        assert.deepEqual(problems, []);
        return strict ? "eval refused by the page's CSP" : undefined;
      });
    });
  }
});
