import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { BREAKING_KINDS } from "../lib/openapi-diff.mjs";
import { type TempRepo, tempRepo } from "./temp-repo.js";

const FIXTURE = readFileSync(join(import.meta.dirname, "fixtures", "tokens.yaml"), "utf8");
const SPECS_DIR = join(import.meta.dirname, "..", "..", "specs");

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is untyped YAML
type Doc = any;

/** The fixture with one break of every kind spec-diff knows. */
function brokenFixture(): string {
  const doc: Doc = parse(FIXTURE);
  const { paths, components } = doc;
  delete paths["/tokens/{id}"].delete; // removed-operation
  paths["/tokens/{id}"].get.operationId = "readToken"; // changed-operation-id
  paths["/tokens"].get.parameters.pop(); // removed-parameter (status)
  paths["/tokens"].get.parameters[0].required = true; // newly-required-parameter (page)
  paths["/tokens"].get.parameters[0].schema = { type: "string" }; // retyped-field (page)
  delete paths["/tokens"].get.responses["200"].headers.Link; // removed-response-header
  delete paths["/tokens/{id}"].get.responses["200"]; // removed-response
  const created = paths["/tokens"].post.responses["201"].content;
  created["application/vnd.tokens+json"] = created["application/json"]; // removed-media-type
  delete created["application/json"];
  delete components.schemas.Token.properties.expires_at; // removed-field (response)
  components.schemas.Token.required = ["id", "status"]; // no-longer-required-field (name)
  components.schemas.NewToken.properties.scopes.items.enum = ["read"]; // removed-enum-value
  components.schemas.NewToken.required.push("expires_in"); // newly-required-field
  return stringify(doc);
}

/** The same spec with a body that becomes required and one that goes away. */
function bodyBreaks(): [string, string] {
  const before: Doc = parse(FIXTURE);
  before.paths["/tokens"].post.requestBody.required = false;
  before.paths["/tokens/{id}"].get.requestBody = { content: { "application/json": { schema: { type: "object" } } } };
  const after: Doc = parse(FIXTURE);
  return [stringify(before), stringify(after)];
}

describe("spec-diff on the command line", () => {
  let repo: TempRepo;
  afterEach(() => repo?.cleanup());

  test("a deliberately broken spec committed on top of main: every kind of break, exit 1", () => {
    repo = tempRepo();
    repo.write("specs/tokens.yaml", FIXTURE);
    repo.commit("spec");
    repo.write("specs/tokens.yaml", brokenFixture());
    repo.commit("break it");

    const json = repo.run("spec-diff.mjs", ["--json"]);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.base).toBe("HEAD~1");
    const kinds = new Set(report.specs[0].changes.map((change: { kind: string }) => change.kind));
    // Request-body kinds are covered by the next test (they need a different base).
    const expected = BREAKING_KINDS.filter((kind) => !["removed-request-body", "newly-required-request-body"].includes(kind));
    expect([...kinds].sort()).toEqual([...expected].sort());

    const text = repo.run("spec-diff.mjs");
    expect(text.status).toBe(1);
    expect(text.stdout).toContain("specs/tokens.yaml vs HEAD~1:");
    expect(text.stdout).toMatch(/removed-operation\s+DELETE \/tokens\/\{id\} \(deleteToken\)/);
    expect(text.stdout).toMatch(
      /removed-enum-value\s+POST \/tokens \(createToken\)\s+request body application\/json: scopes\[\] — "write" is no longer allowed/,
    );
    expect(text.stdout).toMatch(/spec-diff: \d+ breaking changes vs HEAD~1\n$/);
  });

  test("request bodies that go away or become required", () => {
    repo = tempRepo();
    const [before, after] = bodyBreaks();
    repo.write("specs/tokens.yaml", before);
    repo.commit("spec");
    repo.write("specs/tokens.yaml", after);
    const run = repo.run("spec-diff.mjs", ["--base", "HEAD", "--json"]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).specs[0].changes.map((c: { kind: string; operation: string }) => [c.kind, c.operation])).toEqual([
      ["newly-required-request-body", "POST /tokens (createToken)"],
      ["removed-request-body", "GET /tokens/{id} (getToken)"],
    ]);
  });

  test("a compatible change (an optional field added) reports nothing and exits 0", () => {
    repo = tempRepo();
    repo.write("specs/tokens.yaml", FIXTURE);
    repo.commit("spec");
    const doc: Doc = parse(FIXTURE);
    doc.components.schemas.NewToken.properties.description = { type: "string" };
    doc.components.schemas.Token.properties.description = { type: "string" };
    repo.write("specs/tokens.yaml", stringify(doc));
    repo.commit("add an optional field");

    const run = repo.run("spec-diff.mjs");
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe("specs/tokens.yaml vs HEAD~1: no breaking changes\nspec-diff: nothing breaks (1 spec vs HEAD~1)\n");
  });

  test("the real specs, one broken in the work tree: only that one is reported", () => {
    repo = tempRepo();
    for (const vendor of ["dynatrace", "qernal", "sematext", "timeweb"]) {
      repo.write(`specs/${vendor}.yaml`, readFileSync(join(SPECS_DIR, `${vendor}.yaml`), "utf8"));
    }
    repo.commit("specs");
    expect(repo.run("spec-diff.mjs", ["--base", "HEAD"]).status).toBe(0);

    const qernal: Doc = parse(readFileSync(join(SPECS_DIR, "qernal.yaml"), "utf8"));
    const [path, item] = Object.entries(qernal.paths as Record<string, Doc>).at(-1) ?? [];
    const method = Object.keys(item).find((key) => ["get", "put", "post", "delete", "patch"].includes(key)) ?? "";
    const { operationId } = item[method];
    delete item[method];
    repo.write("specs/qernal.yaml", stringify(qernal));

    const run = repo.run("spec-diff.mjs", ["--base", "HEAD", "--json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.breaking).toBe(1);
    expect(report.specs.map((s: { spec: string; changes: unknown[] }) => [s.spec, s.changes.length])).toEqual([
      ["specs/dynatrace.yaml", 0],
      ["specs/qernal.yaml", 1],
      ["specs/sematext.yaml", 0],
      ["specs/timeweb.yaml", 0],
    ]);
    expect(report.specs[1].changes[0]).toMatchObject({
      kind: "removed-operation",
      operation: `${method.toUpperCase()} ${path} (${operationId})`,
    });
    // Naming one spec compares only that one.
    expect(JSON.parse(repo.run("spec-diff.mjs", ["timeweb", "--base", "HEAD", "--json"]).stdout).specs).toHaveLength(1);
  });

  test("--report-only lists the breaks but exits 0", () => {
    repo = tempRepo();
    repo.write("specs/tokens.yaml", FIXTURE);
    repo.commit("spec");
    repo.write("specs/tokens.yaml", brokenFixture());
    const run = repo.run("spec-diff.mjs", ["--base", "HEAD", "--report-only"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("removed-operation");
  });

  test("two files, no git: --old and --new", () => {
    repo = tempRepo();
    repo.write("old.yaml", FIXTURE);
    repo.write("new.yaml", brokenFixture());
    const broken = repo.run("spec-diff.mjs", ["--old", "old.yaml", "--new", "new.yaml"]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("new.yaml vs old.yaml:");
    const same = repo.run("spec-diff.mjs", ["--old", "old.yaml", "--new", "old.yaml"]);
    expect(same.status).toBe(0);
    expect(repo.run("spec-diff.mjs", ["--old", "old.yaml"]).status).toBe(2);
  });

  test("a spec deleted since the base loses every operation; a new one has nothing to compare", () => {
    repo = tempRepo();
    repo.write("specs/tokens.yaml", FIXTURE);
    repo.commit("spec");
    repo.remove("specs/tokens.yaml");
    repo.write("specs/fresh.yaml", FIXTURE);
    const run = repo.run("spec-diff.mjs", ["--base", "HEAD"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("specs/fresh.yaml: new since HEAD, nothing to compare");
    expect(run.stdout).toContain("specs/tokens.yaml (deleted) vs HEAD: 4 breaking changes");
  });

  test("a base that does not exist is a usage error (exit 2), not a silent pass", () => {
    repo = tempRepo();
    repo.write("specs/tokens.yaml", FIXTURE);
    repo.commit("only commit");
    const run = repo.run("spec-diff.mjs");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown git ref "HEAD~1"');
  });
});
