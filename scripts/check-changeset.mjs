#!/usr/bin/env node
/**
 * check-changeset: a change to a package's generated types or public API needs a changeset.
 *
 * The rule. The files under `packages/<dir>/src/generated/` are the package's types as the
 * spec defines them, and `packages/<dir>/api-report.md` (written by `scripts/api-report.mjs`,
 * checked by `npm test`) is its public API as a whole. When any of them differs between the
 * base ref and the work tree (committed since, staged, unstaged or untracked), a changeset
 * added or changed since the base must name that package (`"@apitokens/<dir>": patch|minor|major` in its front
 * matter), so the change gets a version bump and a CHANGELOG entry. The package's
 * `CHANGELOG.md` having changed since the base counts too: that is a changeset already
 * consumed by `changeset version`.
 *
 * Not checked: private packages (never published), and a package's `src/generated/` or
 * `api-report.md` that did not exist at the base (a first generation or a first report: what is
 * released is the version in its package.json with the CHANGELOG's first entry). Use `npm run spec-diff` to see what a spec
 * change breaks, and so whether the changeset is a patch, a minor or a major.
 *
 * The base: `--base <ref>`, else $CHANGESET_BASE, else HEAD~1 (main's previous commit when run
 * on main). Where the base does not exist (a first commit, a shallow clone) there is nothing to
 * compare with: the check says so and passes.
 *
 *   node scripts/check-changeset.mjs [--base <ref>]
 *
 * Exit status: 0 fine, 1 a changeset is missing, 2 usage or git error.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { filesAt, git, repositoryRoot, resolveCommit } from "./lib/git.mjs";

/** Defaults, as data. */
export const CHECK_CHANGESET_DEFAULTS = Object.freeze({
  base: "HEAD~1",
  /** Overrides the default base, e.g. `CHANGESET_BASE=origin/main` in a pull-request build. */
  baseEnv: "CHANGESET_BASE",
  packagesDir: "packages",
  generatedDir: "src/generated",
  /** The public API report of a package, see scripts/api-report.mjs. */
  apiReport: "api-report.md",
  changesetDir: ".changeset",
});

/**
 * @typedef {{ dir: string, name: string, changed: string[], coveredBy: string | undefined, what?: string }} PackageVerdict
 * @typedef {{ base: string, baseExists: boolean, packages: PackageVerdict[] }} CheckResult
 */

/**
 * Applies the rule in the repository that holds `cwd`.
 *
 * @param {{ cwd: string, base?: string | undefined }} options
 * @returns {CheckResult}
 * @example checkChangesets({ cwd: process.cwd(), base: "main" }).packages.filter((p) => p.changed.length && !p.coveredBy)
 */
export function checkChangesets({ cwd, base = CHECK_CHANGESET_DEFAULTS.base }) {
  const root = repositoryRoot(cwd);
  const commit = resolveCommit(root, base);
  if (!commit) return { base, baseExists: false, packages: [] };
  const { packagesDir, generatedDir, apiReport, changesetDir } = CHECK_CHANGESET_DEFAULTS;

  const changedSinceBase = (/** @type {string} */ path) =>
    [
      ...git(root, ["diff", "--name-only", commit, "--", path]).split("\n"),
      ...git(root, ["ls-files", "--others", "--exclude-standard", "--", path]).split("\n"),
    ].filter(Boolean);

  const named = new Map();
  for (const file of changedSinceBase(changesetDir)) {
    if (!file.endsWith(".md") || file.endsWith("/README.md") || !existsSync(join(root, file))) continue;
    for (const name of packagesNamedBy(readFileSync(join(root, file), "utf8"))) if (!named.has(name)) named.set(name, file);
  }

  /** @type {PackageVerdict[]} */
  const packages = [];
  const dirs = existsSync(join(root, packagesDir)) ? readdirSync(join(root, packagesDir)).sort() : [];
  for (const dir of dirs) {
    const manifest = join(root, packagesDir, dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, private: isPrivate } = JSON.parse(readFileSync(manifest, "utf8"));
    // What stands for the package's API, each watched only where it existed at the base.
    const watched = [
      { path: `${packagesDir}/${dir}/${generatedDir}`, what: "generated types" },
      { path: `${packagesDir}/${dir}/${apiReport}`, what: "public API (api-report.md)" },
    ].filter(({ path }) => filesAt(root, commit, path).length > 0);
    if (isPrivate || watched.length === 0) continue;
    const changes = watched.map(({ path, what }) => ({ what, files: changedSinceBase(path) })).filter(({ files }) => files.length > 0);
    const changed = changes.flatMap(({ files }) => files);
    const what = changes.map((change) => change.what).join(" and ") || undefined;
    const changelog = `${packagesDir}/${dir}/CHANGELOG.md`;
    const coveredBy =
      changed.length === 0 ? undefined : (named.get(name) ?? (changedSinceBase(changelog).length > 0 ? changelog : undefined));
    packages.push({ dir, name, changed, coveredBy, ...(what ? { what } : {}) });
  }
  return { base, baseExists: true, packages };
}

/**
 * The package names in a changeset's front matter.
 *
 * @param {string} text A `.changeset/*.md` file.
 * @returns {string[]}
 * @example packagesNamedBy('---\n"@apitokens/qernal": minor\n---\n\nAdd expiry.') // ["@apitokens/qernal"]
 */
export function packagesNamedBy(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text.trimStart());
  if (!match) return [];
  const front = parse(match[1] ?? "");
  return front && typeof front === "object" ? Object.keys(front) : [];
}

/**
 * The verdict as text, and whether it passes.
 *
 * @param {CheckResult} result
 * @returns {{ ok: boolean, text: string }}
 */
export function formatVerdict({ base, baseExists, packages }) {
  if (!baseExists) {
    return { ok: true, text: `check-changeset: no commit "${base}" to compare with (first commit or shallow clone): nothing to check` };
  }
  const changed = packages.filter((p) => p.changed.length > 0);
  const missing = changed.filter((p) => !p.coveredBy);
  const lines = changed
    .filter((p) => p.coveredBy)
    .map((p) => `check-changeset: ${p.name}: ${p.what ?? "generated types"} changed since ${base}, covered by ${p.coveredBy}`);
  for (const p of missing) {
    lines.push(
      `check-changeset: ${p.name}: ${p.what ?? "generated types"} changed since ${base} (${p.changed.join(", ")}) but no changeset names it.`,
      `  Run \`npx changeset\`, pick ${p.name}, and say what changes for users (\`npm run spec-diff\` lists what a spec change breaks).`,
    );
  }
  if (changed.length === 0) {
    lines.push(`check-changeset: generated types and API reports unchanged since ${base} (${packages.length} packages checked)`);
  }
  return { ok: missing.length === 0, text: lines.join("\n") };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { base: { type: "string" } } });
    const base = values.base ?? (process.env[CHECK_CHANGESET_DEFAULTS.baseEnv] || CHECK_CHANGESET_DEFAULTS.base);
    const { ok, text } = formatVerdict(checkChangesets({ cwd: process.cwd(), base }));
    (ok ? console.log : console.error)(text);
    process.exitCode = ok ? 0 : 1;
  } catch (error) {
    console.error(`check-changeset: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
