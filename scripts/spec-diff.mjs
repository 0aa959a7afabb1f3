#!/usr/bin/env node
/**
 * spec-diff: a reviewer's report of what a spec change breaks for users of the clients.
 *
 * Compares each `specs/<vendor>.yaml` in the work tree (or only the named ones) with its
 * version at a git ref and lists, per operation: removed operations, changed operationIds,
 * removed parameters, removed or retyped fields (request bodies, responses, parameters,
 * response headers), newly required parameters, properties and request bodies, fields a
 * response no longer always has, removed enum values, removed success responses and media
 * types. The rules are in `lib/openapi-diff.mjs`.
 *
 *   node scripts/spec-diff.mjs                      every spec against HEAD~1 (main's previous commit)
 *   node scripts/spec-diff.mjs qernal --base main   one spec against another ref
 *   node scripts/spec-diff.mjs --old a.yaml --new b.yaml   two files, no git
 *   npm run spec-diff -- --report-only --json
 *
 * Exit status: 0 nothing breaks (or `--report-only`), 1 something breaks, 2 usage or git error.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { fileAt, filesAt, repositoryRoot, resolveCommit } from "./lib/git.mjs";
import { diffSpecs } from "./lib/openapi-diff.mjs";

/** Defaults, as data. */
export const SPEC_DIFF_DEFAULTS = Object.freeze({
  /** `main`'s previous commit when run on main; any ref git understands. */
  base: "HEAD~1",
  /** Where the specs live, relative to the repository root. */
  specsDir: "specs",
});

const USAGE = `usage: node scripts/spec-diff.mjs [vendor|path …] [--base <ref>] [--report-only] [--json]
       node scripts/spec-diff.mjs --old <file> --new <file> [--report-only] [--json]`;

/**
 * @typedef {import("./lib/openapi-diff.mjs").BreakingChange} BreakingChange
 * @typedef {{ spec: string, status: "compared" | "added" | "removed", changes: BreakingChange[] }} SpecReport
 */

/** A usage or git problem: exit status 2. */
class UsageError extends Error {}

/**
 * Compares the specs as the command line says.
 *
 * @param {readonly string[]} argv The arguments after the script name.
 * @param {string} cwd
 * @returns {{ base: string, reports: SpecReport[], reportOnly: boolean, json: boolean }}
 */
export function run(argv, cwd) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      base: { type: "string" },
      old: { type: "string" },
      new: { type: "string" },
      "report-only": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const options = { reportOnly: Boolean(values["report-only"]), json: Boolean(values.json) };

  if (values.old !== undefined || values.new !== undefined) {
    if (!values.old || !values.new || positionals.length > 0 || values.base)
      throw new UsageError(`--old and --new go together, alone\n${USAGE}`);
    const before = readSpec(resolve(cwd, values.old));
    const after = readSpec(resolve(cwd, values.new));
    return { base: values.old, reports: [{ spec: values.new, status: "compared", changes: diffSpecs(before, after) }], ...options };
  }

  const root = repositoryRoot(cwd);
  const ref = values.base ?? SPEC_DIFF_DEFAULTS.base;
  const commit = resolveCommit(root, ref);
  if (!commit) {
    throw new UsageError(
      `unknown git ref "${ref}" (a shallow clone or a first commit has no HEAD~1: fetch more history or pass --base <ref>)`,
    );
  }
  const specs = positionals.length > 0 ? positionals.map((name) => specFile(root, cwd, name)) : allSpecs(root, commit);
  const reports = specs.map((path) => compareWithCommit(root, commit, path));
  return { base: ref, reports, ...options };
}

/**
 * @param {string} root
 * @param {string} commit
 * @param {string} path Relative to the root.
 * @returns {SpecReport}
 */
function compareWithCommit(root, commit, path) {
  const old = fileAt(root, commit, path);
  const current = existsSync(join(root, path)) ? readSpec(join(root, path)) : undefined;
  if (old === undefined) return { spec: path, status: "added", changes: [] };
  const before = parse(old);
  if (!current) return { spec: path, status: "removed", changes: diffSpecs(before, { paths: {} }) };
  return { spec: path, status: "compared", changes: diffSpecs(before, current) };
}

/**
 * Every spec in the work tree or at the base (a deleted spec breaks every operation).
 *
 * @param {string} root
 * @param {string} commit
 */
function allSpecs(root, commit) {
  const dir = SPEC_DIFF_DEFAULTS.specsDir;
  const now = existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((file) => `${dir}/${file}`) : [];
  const then = filesAt(root, commit, dir);
  return [...new Set([...now, ...then])].filter((path) => /\.ya?ml$/.test(path) && !path.slice(dir.length + 1).includes("/")).sort();
}

/**
 * `timeweb`, `specs/timeweb.yaml` or a path from `cwd` → the path relative to the root.
 *
 * @param {string} root
 * @param {string} cwd
 * @param {string} name
 */
function specFile(root, cwd, name) {
  const path = /\.ya?ml$/.test(name) ? resolve(cwd, name) : join(root, SPEC_DIFF_DEFAULTS.specsDir, `${name}.yaml`);
  return relative(root, path).split("\\").join("/");
}

/** @param {string} path */
function readSpec(path) {
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
  return parse(readFileSync(path, "utf8"));
}

/**
 * The human report.
 *
 * @param {{ base: string, reports: SpecReport[] }} result
 * @returns {string}
 */
export function formatReport({ base, reports }) {
  const lines = [];
  let total = 0;
  for (const { spec, status, changes } of reports) {
    total += changes.length;
    if (status === "added") {
      lines.push(`${spec}: new since ${base}, nothing to compare`);
      continue;
    }
    const verdict = changes.length === 0 ? "no breaking changes" : `${changes.length} breaking change${changes.length === 1 ? "" : "s"}`;
    lines.push(`${spec}${status === "removed" ? " (deleted)" : ""} vs ${base}: ${verdict}`);
    const width = Math.max(0, ...changes.map((change) => change.kind.length));
    for (const change of changes) {
      lines.push(`  ${change.kind.padEnd(width)}  ${change.operation}  ${change.where} — ${change.detail}`);
    }
  }
  lines.push(
    total === 0
      ? `spec-diff: nothing breaks (${reports.length} spec${reports.length === 1 ? "" : "s"} vs ${base})`
      : `spec-diff: ${total} breaking change${total === 1 ? "" : "s"} vs ${base}`,
  );
  return lines.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const result = run(process.argv.slice(2), process.cwd());
    const total = result.reports.reduce((sum, report) => sum + report.changes.length, 0);
    console.log(
      result.json ? JSON.stringify({ base: result.base, breaking: total, specs: result.reports }, null, 2) : formatReport(result),
    );
    process.exitCode = total > 0 && !result.reportOnly ? 1 : 0;
  } catch (error) {
    console.error(`spec-diff: ${error instanceof Error ? error.message : String(error)}`);
    // A usage mistake, an unknown ref or unreadable YAML: no verdict either way.
    process.exitCode = 2;
  }
}
