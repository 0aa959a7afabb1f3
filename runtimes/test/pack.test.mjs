// The packages as a user gets them: every publishable package packed with `npm pack`, the
// tarballs installed into a fresh directory outside the workspace (registry dependencies from
// npm's cache), a consumer type-checked with moduleResolution NodeNext and Bundler and by
// `deno check`, then run on Node, Bun and Deno; the CLI started from its tarball.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { table } from "./support/matrix-table.mjs";
import { builtBeforeTest, publishable, ROOT } from "./support/packages.mjs";
import { npm, reportLine, run, tail } from "./support/process.mjs";
import { moduleRuntimes } from "./support/runtimes.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const TIMEOUT = 180_000;
const packages = publishable();
const rows = [];
let dir;

/** The consumer's compiler options; `module`/`moduleResolution` vary per check. */
const COMPILER = {
  target: "ES2022",
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  strict: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
  // The declaration files of the packages and their dependencies are checked; TypeScript's own lib files are not.
  skipDefaultLibCheck: true,
  types: [],
};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "apitokens-consumer-"));
  await mkdir(join(dir, "tarballs"));
  const packed = await npm(["pack", "--json", "--pack-destination", join(dir, "tarballs"), ...packages.flatMap((p) => ["-w", p.name])], {
    cwd: ROOT,
  });
  assert.equal(packed.code, 0, `npm pack failed:\n${tail(packed.stderr)}`);
  // Every package from its tarball, also where another package depends on it by version.
  const fromTarballs = Object.fromEntries(JSON.parse(packed.stdout).map((p) => [p.name, `file:tarballs/${p.filename}`]));
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: fromTarballs, overrides: fromTarballs }, null, 2),
  );
  const installed = await npm(["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: dir,
    timeoutMs: TIMEOUT,
  });
  assert.equal(installed.code, 0, `npm install of the tarballs failed:\n${tail(installed.stderr)}`);
  const source = await readFile(join(HERE, "..", "consumer", "consumer.ts"), "utf8");
  await writeFile(join(dir, "consumer.ts"), source);
  // The JavaScript the runtimes run, emitted before (and apart from) the type checks below.
  const ts = require("typescript");
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  });
  await writeFile(join(dir, "consumer.js"), js.outputText);
  for (const [name, module, moduleResolution] of [
    ["nodenext", "NodeNext", "NodeNext"],
    ["bundler", "ESNext", "Bundler"],
  ]) {
    const compilerOptions = { ...COMPILER, module, moduleResolution, noEmit: true };
    await writeFile(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }));
  }
});

after(async () => {
  console.log(table(`Packed packages installed on their own (${packages.map((p) => p.name).join(", ")})`, rows));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Records a row of the table around a check. */
async function recorded(runtime, version, body) {
  const started = performance.now();
  try {
    const note = await body();
    rows.push({ runtime, version, result: "pass", ms: Math.round(performance.now() - started), ...(note ? { note } : {}) });
  } catch (error) {
    rows.push({ runtime, version, result: "fail", ms: Math.round(performance.now() - started), note: error.message.split("\n")[0] });
    throw error;
  }
}

describe("the packed packages, installed outside the workspace", { concurrency: 2, timeout: TIMEOUT }, () => {
  it("turbo builds every publishable package before this test", () => {
    const built = builtBeforeTest();
    const unbuilt = packages.map((p) => p.name).filter((name) => !built.has(name));
    assert.deepEqual(unbuilt, [], "add these to runtimes/package.json devDependencies (or to a package it depends on)");
  });

  it("installs every package from its tarball, none linked to the workspace", async () => {
    const lock = JSON.parse(await readFile(join(dir, "package-lock.json"), "utf8"));
    for (const { name } of packages) {
      const entry = lock.packages[`node_modules/${name}`];
      assert.ok(entry, `${name} is not installed`);
      assert.match(entry.resolved ?? "", /^file:tarballs\/.+\.tgz$/, `${name} came from ${entry.resolved}`);
    }
  });

  it("each package imports by name on Node and exports something", async () => {
    const program = [
      `const failed = [];`,
      `for (const name of ${JSON.stringify(packages.map((p) => p.name))}) {`,
      `  try { if (Object.keys(await import(name)).length === 0) failed.push(name + ": exports nothing"); }`,
      `  catch (error) { failed.push(name + ": " + error.message.split("\\n")[0]); }`,
      `}`,
      `console.log(JSON.stringify(failed));`,
    ].join("\n");
    const result = await run(process.execPath, ["--input-type=module", "-e", program], { cwd: dir });
    assert.deepEqual(JSON.parse(result.stdout || "null"), [], `packages that do not import:\n${tail(result.stderr)}`);
  });

  for (const [name, label] of [
    ["nodenext", "moduleResolution NodeNext"],
    ["bundler", "moduleResolution Bundler"],
  ]) {
    it(`type-checks the consumer with ${label} (skipLibCheck off)`, async () => {
      await recorded(`tsc, ${label}`, "5.9", async () => {
        const result = await run(process.execPath, [TSC, "-p", `tsconfig.${name}.json`], { cwd: dir });
        assert.equal(result.code, 0, `tsc found errors:\n${tail(result.stdout, 20)}`);
      });
    });
  }

  it("the CLI starts from its tarball (apitokens list --sandbox)", async () => {
    await recorded("apitokens CLI on node", process.versions.node, async () => {
      const bin = join(dir, "node_modules", "@apitokens", "cli", "bin", "apitokens.js");
      const result = await run(process.execPath, [bin, "list", "--sandbox"], { cwd: dir });
      assert.equal(result.code, 0, tail(result.stderr));
      for (const vendor of ["timeweb", "qernal", "dynatrace", "sematext"]) assert.match(result.stdout, new RegExp(`^${vendor} `, "m"));
    });
  });

  describe("the consumer runs", { concurrency: 2 }, async () => {
    const runtimes = await moduleRuntimes();
    const deno = runtimes.find((r) => r.name === "deno");
    it("deno check of the consumer (packages from node_modules)", async (t) => {
      if ("skip" in deno) return t.skip(deno.skip);
      await recorded("deno check", deno.version, async () => {
        const [file] = deno.command("consumer.ts");
        const result = await run(file, ["check", "consumer.ts"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
        assert.equal(result.code, 0, `deno check failed:\n${tail(result.stderr, 20)}`);
      });
    });
    for (const runtime of runtimes) {
      it(`on ${runtime.name}`, async (t) => {
        if ("skip" in runtime) {
          rows.push({ runtime: runtime.name, version: "–", result: "skip", ms: 0, note: runtime.skip });
          return t.skip(runtime.skip);
        }
        await recorded(runtime.name, runtime.version, async () => {
          const [file, args] = runtime.command(join(dir, "consumer.js"));
          const result = await run(file, args, { cwd: dir });
          const report = reportLine(result.stdout, "CONSUMER");
          assert.ok(report, `no CONSUMER line; it printed:\n${tail(result.stdout + result.stderr)}`);
          assert.match(report.firstId ?? "", /^dt0c01\./);
          assert.deepEqual(Object.keys(report.listed).sort(), ["dynatrace", "qernal", "sematext", "timeweb"]);
          assert.deepEqual(
            { secretShown: report.secretShown, isSecret: report.isSecret, notFound: report.notFound },
            { secretShown: "dt0c01…", isSecret: true, notFound: true },
          );
          assert.equal(result.code, 0, tail(result.stderr));
        });
      });
    }
  });
});
