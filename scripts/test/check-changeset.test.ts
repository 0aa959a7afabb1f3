import { afterEach, describe, expect, test } from "vitest";
import { formatVerdict, packagesNamedBy } from "../check-changeset.mjs";
import { type TempRepo, tempRepo } from "./temp-repo.js";

const SCHEMA = "export interface paths { '/tokens': { get: unknown } }\n";
const CHANGED_SCHEMA = "export interface paths { '/tokens': { get: unknown; post: unknown } }\n";

/** A repository like ours: two published vendor packages with generated types, one private helper. */
function monorepo(): TempRepo {
  const repo = tempRepo();
  repo.write("packages/alpha/package.json", JSON.stringify({ name: "@x/alpha", version: "0.1.0" }));
  repo.write("packages/alpha/src/generated/schema.ts", SCHEMA);
  repo.write("packages/beta/package.json", JSON.stringify({ name: "@x/beta", version: "0.1.0" }));
  repo.write("packages/beta/src/generated/schema.ts", SCHEMA);
  repo.write("packages/helper/package.json", JSON.stringify({ name: "@x/helper", version: "0.0.0", private: true }));
  repo.write("packages/helper/src/generated/schema.ts", SCHEMA);
  repo.write(".changeset/README.md", "---\n'@x/alpha': major\n---\nnot a changeset\n");
  repo.commit("base");
  return repo;
}

const changeset = (name: string, bump = "minor") => `---\n"${name}": ${bump}\n---\n\nAdd POST /tokens.\n`;

describe("check-changeset", () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  test("passes when no generated type changed", () => {
    repo = monorepo();
    repo.write("packages/alpha/src/client.ts", "export {};\n");
    repo.commit("hand-written change");
    const run = repo.run("check-changeset.mjs");
    expect(run).toMatchObject({
      status: 0,
      stdout: "check-changeset: generated types and API reports unchanged since HEAD~1 (2 packages checked)\n",
    });
  });

  test("fails when a generated type changed and no changeset names the package", () => {
    repo = monorepo();
    repo.write("packages/alpha/src/generated/schema.ts", CHANGED_SCHEMA);
    repo.write(".changeset/other.md", changeset("@x/beta"));
    repo.commit("regenerate alpha");
    const run = repo.run("check-changeset.mjs");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "check-changeset: @x/alpha: generated types changed since HEAD~1 (packages/alpha/src/generated/schema.ts) but no changeset names it.",
    );
    expect(run.stderr).toContain("npx changeset");
  });

  test("passes when a changeset added since the base names the package", () => {
    repo = monorepo();
    repo.write("packages/alpha/src/generated/schema.ts", CHANGED_SCHEMA);
    repo.write(".changeset/brave-tokens.md", changeset("@x/alpha"));
    repo.commit("regenerate alpha, with a changeset");
    const run = repo.run("check-changeset.mjs");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("@x/alpha: generated types changed since HEAD~1, covered by .changeset/brave-tokens.md");
  });

  test("sees uncommitted and untracked generated files, and an uncommitted changeset", () => {
    repo = monorepo();
    repo.write("packages/beta/src/generated/models.ts", "export type Token = { id: string };\n");
    const missing = repo.run("check-changeset.mjs", ["--base", "HEAD"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("@x/beta: generated types changed since HEAD (packages/beta/src/generated/models.ts)");
    repo.write(".changeset/wip.md", changeset("@x/beta", "patch"));
    expect(repo.run("check-changeset.mjs", ["--base", "HEAD"]).status).toBe(0);
  });

  test("a changeset that was already there before the base does not count", () => {
    repo = monorepo();
    repo.write(".changeset/old.md", changeset("@x/alpha"));
    repo.commit("an older change, still unreleased");
    repo.write("packages/alpha/src/generated/schema.ts", CHANGED_SCHEMA);
    repo.commit("regenerate alpha");
    expect(repo.run("check-changeset.mjs").status).toBe(1);
  });

  test("a CHANGELOG updated since the base counts (the changeset was consumed by `changeset version`)", () => {
    repo = monorepo();
    repo.write("packages/alpha/src/generated/schema.ts", CHANGED_SCHEMA);
    repo.write("packages/alpha/CHANGELOG.md", "# @x/alpha\n\n## 0.2.0\n\n- Add POST /tokens.\n");
    repo.commit("version");
    expect(repo.run("check-changeset.mjs").status).toBe(0);
  });

  test("skips private packages and a package's first generation", () => {
    repo = monorepo();
    repo.write("packages/helper/src/generated/schema.ts", CHANGED_SCHEMA);
    repo.write("packages/gamma/package.json", JSON.stringify({ name: "@x/gamma", version: "0.1.0" }));
    repo.write("packages/gamma/src/generated/schema.ts", SCHEMA);
    repo.commit("new package, private helper regenerated");
    expect(repo.run("check-changeset.mjs")).toMatchObject({ status: 0 });
  });

  test("--base and $CHANGESET_BASE choose the base", () => {
    repo = monorepo();
    repo.write("packages/alpha/src/generated/schema.ts", CHANGED_SCHEMA);
    repo.commit("regenerate alpha");
    repo.write("README.md", "later\n");
    repo.commit("unrelated");
    expect(repo.run("check-changeset.mjs").status).toBe(0);
    expect(repo.run("check-changeset.mjs", ["--base", "HEAD~2"]).status).toBe(1);
    expect(repo.run("check-changeset.mjs", [], { CHANGESET_BASE: "HEAD~2" }).status).toBe(1);
  });

  test("with no base commit (first commit, shallow clone) it says so and passes", () => {
    repo = tempRepo();
    repo.write("packages/alpha/package.json", JSON.stringify({ name: "@x/alpha", version: "0.1.0" }));
    repo.write("packages/alpha/src/generated/schema.ts", SCHEMA);
    repo.commit("first");
    const run = repo.run("check-changeset.mjs");
    expect(run).toMatchObject({ status: 0 });
    expect(run.stdout).toContain('no commit "HEAD~1" to compare with');
  });
});

const REPORT = "# API report: `@x/core`\n\n### `list`: function\n\n```ts\nexport declare function list(): void;\n```\n";
const CHANGED_REPORT = REPORT.replace("list(): void", "list(all: boolean): void");

/** A package with no generated types whose public API is recorded in api-report.md. */
function withReport(): TempRepo {
  const repo = monorepo();
  repo.write("packages/core/package.json", JSON.stringify({ name: "@x/core", version: "0.1.0" }));
  repo.write("packages/core/api-report.md", REPORT);
  repo.write("packages/helper/api-report.md", REPORT);
  repo.commit("api reports");
  return repo;
}

describe("check-changeset and the API reports", () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  test("fails when a package's api-report.md changed and no changeset names it", () => {
    repo = withReport();
    repo.write("packages/core/api-report.md", CHANGED_REPORT);
    repo.write(".changeset/other.md", changeset("@x/alpha"));
    repo.commit("core: list takes a flag");
    const run = repo.run("check-changeset.mjs");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "check-changeset: @x/core: public API (api-report.md) changed since HEAD~1 (packages/core/api-report.md) but no changeset names it.",
    );
  });

  test("passes when a changeset names the package whose report changed", () => {
    repo = withReport();
    repo.write("packages/core/api-report.md", CHANGED_REPORT);
    repo.write(".changeset/flag.md", changeset("@x/core"));
    repo.commit("core: list takes a flag, with a changeset");
    const run = repo.run("check-changeset.mjs");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("@x/core: public API (api-report.md) changed since HEAD~1, covered by .changeset/flag.md");
  });

  test("names both when generated types and the report changed", () => {
    repo = withReport();
    repo.write("packages/alpha/api-report.md", REPORT);
    repo.commit("alpha report");
    repo.write("packages/alpha/src/generated/schema.ts", CHANGED_SCHEMA);
    repo.write("packages/alpha/api-report.md", CHANGED_REPORT);
    const run = repo.run("check-changeset.mjs", ["--base", "HEAD"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "@x/alpha: generated types and public API (api-report.md) changed since HEAD (packages/alpha/src/generated/schema.ts, packages/alpha/api-report.md)",
    );
  });

  test("skips a first report and a private package's report", () => {
    repo = withReport();
    repo.write("packages/beta/api-report.md", REPORT);
    repo.write("packages/helper/api-report.md", CHANGED_REPORT);
    repo.commit("beta's first report; helper changed");
    expect(repo.run("check-changeset.mjs")).toMatchObject({ status: 0 });
  });
});

describe("packagesNamedBy reads a changeset's front matter", () => {
  test.each([
    { given: '---\n"@apitokens/qernal": minor\n---\n\nAdd expiry.\n', want: ["@apitokens/qernal"] },
    { given: "---\n'@apitokens/core': patch\napitokens: patch\n---\n\nFix.\n", want: ["@apitokens/core", "apitokens"] },
    { given: "---\n---\n\nEmpty release.\n", want: [] },
    { given: "No front matter.\n", want: [] },
  ])("$given", ({ given, want }) => {
    expect(packagesNamedBy(given)).toEqual(want);
  });
});

describe("formatVerdict", () => {
  test("names every uncovered package", () => {
    const verdict = formatVerdict({
      base: "main",
      baseExists: true,
      packages: [
        { dir: "a", name: "@x/a", changed: ["packages/a/src/generated/schema.ts"], coveredBy: undefined },
        { dir: "b", name: "@x/b", changed: ["packages/b/src/generated/spec.ts"], coveredBy: ".changeset/b.md" },
        { dir: "c", name: "@x/c", changed: [], coveredBy: undefined },
      ],
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.text.split("\n")[0]).toBe("check-changeset: @x/b: generated types changed since main, covered by .changeset/b.md");
    expect(verdict.text).toContain(
      "@x/a: generated types changed since main (packages/a/src/generated/schema.ts) but no changeset names it.",
    );
  });
});
