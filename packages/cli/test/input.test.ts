import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { connect } from "apitokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { recordingIo } from "./io.js";
import { CRASH, run, sandboxEnv, sandboxVendors } from "./run.js";

let sandbox: RunningSandbox;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "input" });
  env = sandboxEnv(sandbox);
  dir = await mkdtemp(join(tmpdir(), "apitokens-input-"));
});
afterAll(() => sandbox.close());

/** Every token at the sandbox, per vendor: a refused command must leave them as they were. */
async function sizes(): Promise<Record<string, string[]>> {
  const all = sandboxVendors(sandbox).all;
  const out: Record<string, string[]> = {};
  for (const tokens of all) {
    const ids: string[] = [];
    for await (const token of tokens.list()) ids.push(`${token.id}|${token.enabled}`);
    out[tokens.vendor] = ids.sort();
  }
  return out;
}

describe("input is checked before anything is sent; usage errors exit 2 and name what the user typed", () => {
  it.each([
    {
      args: ["create", "timeweb", "--name", "x", "--expires", "2027-02-30"],
      want: /--expires: "2027-02-30" is not a day of the calendar; it takes a date \(2027-01-31/,
    },
    {
      args: ["create", "qernal", "--name", "x", "--expires", "2020-01-01"],
      want: /--expires: "2020-01-01" is in the past; it takes a date/,
    },
    {
      args: ["create", "dynatrace", "--name", "x", "--scope", "metrics.read", "--expires", "2001-09-09T01:46:40Z"],
      want: /--expires: .* is in the past/,
    },
    {
      args: ["create", "sematext", "--name", "x", "--expires", "tomorrow"],
      want: /--expires: "tomorrow" is not a date; it takes .*duration from now \(90d/,
    },
    {
      args: ["create", "dynatrace", "--name", "x"],
      want: /^error: Dynatrace tokens need at least one --scope, for example: --scope apiTokens\.read/m,
    },
    {
      args: ["create", "sematext", "--name", "x", "--scope", "admin"],
      want: /^error: --scope admin is not a Sematext scope \(allowed: read, write\)/m,
    },
    { args: ["create", "timeweb"], want: /^error: --name is required: apitokens create timeweb --name <name>/m },
    { args: ["create"], want: /^error: missing <vendor>: Usage: apitokens create/m },
    { args: ["revoke", "timeweb", "a", "b"], want: /^error: unexpected argument "b": Usage: apitokens revoke <vendor> <id>/m },
    { args: ["list", "--name"], want: /^error: unknown flag --name for "apitokens list"; see apitokens list --help/m },
    { args: ["create", "timeweb", "--name"], want: /^error: --name needs a value; see apitokens create --help/m },
    { args: ["list", "--json=yes"], want: /^error: --json takes no value/m },
    { args: ["rotate", "timeweb", "x", "--revoke-old", "maybe"], want: /--revoke-old is keep, disable or delete, got "maybe"/ },
    { args: ["list", "--timeout", "soon"], want: /--timeout takes a duration like 30s/ },
    { args: ["list", "--vendor", "acme"], want: /--vendor: unknown vendor "acme" \(known: dynatrace, / },
    { args: ["revoke", "timeweb", "0f0e0d0c-0b0a-4908-8706-050403020100"], want: /pass --yes to confirm \(no terminal to ask on\)/ },
  ])("$args", async ({ args, want }) => {
    const before = await sizes();
    const { code, stdout, stderr } = await run([...args, ...(args[0] === "create" ? ["--show-secret"] : [])], { env });
    expect(stderr).toMatch(want);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).not.toMatch(CRASH);
    expect(stderr).not.toMatch(/baseUrl|expiresAt/);
    expect(await sizes()).toEqual(before);
  });

  it.each([
    {
      given: { DT_ENV_URL: "not a url" },
      want: /^error: DT_ENV_URL must be an http\(s\) URL like https:\/\/abc12345\.live\.dynatrace\.com, got "not a url"$/m,
    },
    {
      given: { DT_ENV_URL: "" },
      want: /^error: DT_API_TOKEN is set but DT_ENV_URL is not: Environment URL\. \(e\.g\. https:\/\/abc12345/m,
    },
    { given: { SEMATEXT_REGION: "asia" }, want: /^error: SEMATEXT_REGION must be one of us, eu, got "asia"/m },
    { given: { SEMATEXT_APP_ID: "x" }, want: /^error: SEMATEXT_APP_ID must be ids like 42 or 42,43/m },
    { given: { TWC_BASE_URL: "ftp://example.com" }, want: /^error: TWC_BASE_URL must be an http\(s\) URL/m },
    { given: { QERNAL_TOKEN: "no-separator" }, want: /^error: Qernal: QERNAL_TOKEN must look like <client id>@<client secret>$/m },
  ])("environment $given", async ({ given, want }) => {
    const { code, stderr } = await run(["list"], { env: { ...env, ...given } });
    expect(stderr).toMatch(want);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/\bbaseUrl\b/);
  });

  it("a vendor that is not configured is named with its variable", async () => {
    const { TWC_TOKEN: _, ...rest } = env;
    const { code, stderr } = await run(["create", "timeweb", "--name", "x", "--show-secret"], { env: rest });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: timeweb is not configured: set TWC_TOKEN/m);
  });

  it.each([
    { given: { timeweb: { token: "t", baseURL: "http://x" } }, want: /"timeweb" has an unknown key "baseURL" \(allowed: token, baseUrl\)/ },
    { given: { acme: { token: "t" } }, want: /unknown vendor "acme" \(known: dynatrace, / },
    { given: { "timeweb:": { token: "t" } }, want: /the account in "timeweb:" must be 1–64 letters/ },
    { given: { timeweb: "t" }, want: /"timeweb" must be an object of token, baseUrl/ },
    { given: { dynatrace: { token: "t" } }, want: /"dynatrace" is in .* but "dynatrace"\.baseUrl in .* is not/ },
  ])("config file $given", async ({ given, want }) => {
    const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(given));
    await chmod(file, 0o600);
    const { code, stderr } = await run(["list", "--config", file]);
    expect(stderr).toMatch(want);
    expect(code).toBe(2);
  });
});

describe("revoke asks on a terminal", () => {
  const vendors = () => connect({ timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb } });
  it.each([
    { answer: "yes", deleted: true, code: 0 },
    { answer: "no", deleted: false, code: 2 },
  ])("answer $answer", async ({ answer, deleted, code }) => {
    const { token } = await vendors().timeweb.tokens.create({ name: `ask-${answer}` });
    const io = recordingIo(env, { tty: true, answer });
    expect(await main(["revoke", "timeweb", token.id], io)).toBe(code);
    expect(io.err).toContain(`Delete Timeweb Cloud token ${token.id} for good?`);
    const still = await vendors()
      .timeweb.tokens.get(token.id)
      .then(() => true)
      .catch(() => false);
    expect(still).toBe(!deleted);
  });
});

describe("several accounts per vendor", () => {
  it("config file accounts are listed side by side, with the account in every row and record, and addressed by --account or vendor:account", async () => {
    const file = join(dir, "accounts.json");
    const account = { token: env.TWC_TOKEN, baseUrl: env.TWC_BASE_URL };
    await writeFile(file, JSON.stringify({ "timeweb:prod": account, "timeweb:staging": account }), { mode: 0o600 });
    const table = await run(["list", "--config", file]);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^VENDOR\s+ACCOUNT\s+ID/);
    expect(table.stdout).toMatch(/^timeweb\s+prod\s/m);
    expect(table.stdout).toMatch(/^timeweb\s+staging\s/m);

    const json = await run(["list", "--config", file, "--json", "--account", "staging"]);
    const doc = JSON.parse(json.stdout) as { vendors: { account: string }[]; tokens: { account: string }[] };
    expect(doc.vendors.map((v) => v.account)).toEqual(["staging"]);
    expect(new Set(doc.tokens.map((t) => t.account))).toEqual(new Set(["staging"]));

    const ambiguous = await run(["create", "timeweb", "--name", "x", "--show-secret", "--config", file]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/timeweb has several accounts \(prod, staging\): name one, e\.g\. timeweb:prod or --account prod/);

    const created = await run(["create", "timeweb:prod", "--name", "acct", "--show-secret", "--json", "--config", file]);
    expect(created.code).toBe(0);
    expect((JSON.parse(created.stdout) as { token: { account: string } }).token.account).toBe("prod");
  });

  it("the environment keeps working for a single account", async () => {
    const { code, stdout } = await run(["list", "--json", "--vendor", "timeweb"], { env });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { vendors: { account: null }[] }).vendors).toEqual([
      { vendor: "timeweb", account: null, status: "ok", tokens: expect.any(Number) },
    ]);
  });
});
