import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { connect } from "apitokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onlyJson, run, SECRET_SHAPES, sandboxEnv } from "./run.js";
import { SCHEMAS, type Schema, violations } from "./schema.js";

let sandbox: RunningSandbox;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "json-contract" });
  env = sandboxEnv(sandbox);
  dir = await mkdtemp(join(tmpdir(), "apitokens-json-"));
});
afterAll(() => sandbox.close());

const vendors = () =>
  connect({
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace },
  });

/** Runs a command with --json and checks: one document on stdout, conforming to its schema. */
async function document(args: readonly string[], schema: Schema, options: { stdin?: string; env?: Record<string, string> } = {}) {
  const result = await run([...args, "--json"], {
    env: options.env ?? env,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });
  const doc = onlyJson(result.stdout);
  expect(violations(schema, doc)).toEqual([]);
  return { ...result, doc };
}

describe("--json prints exactly one document on stdout, of the command's documented shape", () => {
  it("list, with every vendor's status", async () => {
    const { code, doc } = await document(["list"], SCHEMAS.list);
    expect(code).toBe(0);
    expect((doc.vendors as { vendor: string; status: string }[]).map((v) => v.status)).toEqual(["ok", "ok", "ok", "ok"]);
  });

  it("audit and summary", async () => {
    expect((await document(["audit"], SCHEMAS.audit)).code).toBe(1);
    expect((await document(["summary"], SCHEMAS.summary)).code).toBe(0);
  });

  it("create with --show-secret holds the secret; with --secret-file only the path", async () => {
    const shown = await document(["create", "timeweb", "--name", "json-shown", "--show-secret"], SCHEMAS.create);
    expect(shown.code).toBe(0);
    expect((shown.doc.secret as { value: string }).value).toMatch(SECRET_SHAPES[1] as RegExp);
    expect(shown.stderr).not.toContain((shown.doc.secret as { value: string }).value);

    const file = join(dir, "create.secret");
    const filed = await document(
      ["create", "dynatrace", "--name", "json-file", "--scope", "metrics.read", "--secret-file", file],
      SCHEMAS.create,
    );
    expect(filed.code).toBe(0);
    expect(filed.doc.secret).toEqual({ delivered: "file", path: file });
    for (const shape of SECRET_SHAPES) expect(filed.stdout + filed.stderr).not.toMatch(shape);
  });

  it("rotate, revoke, disable, enable", async () => {
    const { token } = await vendors().dynatrace.tokens.create({ name: "json-rotate", scopes: ["metrics.read"] });
    const rotated = await document(
      ["rotate", "dynatrace", token.id, "--revoke-old", "disable", "--secret-file", join(dir, "rotated")],
      SCHEMAS.rotate,
    );
    expect(rotated.code).toBe(0);
    expect(rotated.doc.old).toEqual({ id: token.id, outcome: "disabled" });
    expect((await document(["enable", "dynatrace", token.id], SCHEMAS.enable)).doc.result).toBe("enabled");
    expect((await document(["disable", "dynatrace", token.id], SCHEMAS.disable)).doc.result).toBe("disabled");
    expect((await document(["revoke", "dynatrace", token.id, "--yes"], SCHEMAS.revoke)).doc.result).toBe("deleted");
  });

  it("leaked, found and not found", async () => {
    const { secret } = await vendors().dynatrace.tokens.create({ name: "json-leak", scopes: ["metrics.read"] });
    const found = await document(["leaked", "-"], SCHEMAS.leaked, { stdin: `${secret.reveal()}\n` });
    expect(found.code).toBe(5);
    expect(found.stdout).not.toContain(secret.reveal());
    const file = join(dir, "stranger");
    await writeFile(file, `dt0c01.${"A".repeat(24)}.${"B".repeat(64)}\n`);
    const missing = await document(["leaked", file], SCHEMAS.leaked);
    expect(missing.code).toBe(4);
    expect((missing.doc.secrets as { status: string }[]).map((s) => s.status)).toEqual(["not-found"]);
  });

  it("version", async () => {
    const { code, doc } = await document(["--version"], SCHEMAS.version);
    expect(code).toBe(0);
    expect(doc.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    { args: ["list", "--bogus"], code: 2, cls: "UsageError" },
    { args: ["frobnicate"], code: 2, cls: "UsageError" },
    { args: ["create", "timeweb", "--name", "x", "--expires", "2027-02-30", "--show-secret"], code: 2, cls: "UsageError" },
    { args: ["revoke", "timeweb", "0f0e0d0c-0b0a-4908-8706-050403020100", "--yes"], code: 3, cls: "NotFoundError" },
    { args: ["create", "timeweb", "--name", "x"], code: 2, cls: "UsageError" },
  ])("errors: $args → $cls, exit $code", async ({ args, code, cls }) => {
    const result = await document(args, SCHEMAS.error);
    expect(result.code).toBe(code);
    expect(result.doc.error).toMatchObject({ class: cls, exitCode: code });
    expect(result.stderr).toMatch(/^error: /m);
  });

  it("a failed vendor is a status with its error class and request id, and exit code 3 — never an empty result", async () => {
    const { code, doc } = await document(["list"], SCHEMAS.list, {
      env: { ...env, DT_API_TOKEN: `dt0c01.${"C".repeat(24)}.${"D".repeat(64)}` },
    });
    expect(code).toBe(3);
    const dynatrace = (doc.vendors as { vendor: string; status: string; error?: { class: string; status: number } }[]).find(
      (v) => v.vendor === "dynatrace",
    );
    expect(dynatrace).toMatchObject({ status: "error", error: { class: "AuthenticationError", status: 401, vendor: "dynatrace" } });
    expect((doc.tokens as { vendor: string }[]).some((t) => t.vendor === "timeweb")).toBe(true);
  });
});
