import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ConfigurationError } from "@apitokens/core";
import { createSandbox } from "@apitokens/sandbox";
import { describe, expect, it } from "vitest";
import { connect, type Tokens, type VendorKey, vendors } from "../src/index.js";
import { connectVendors, isApiTokensError, loadVendor, vendorInfo } from "../src/registry.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const light = (v: (typeof vendorInfo)[number] | (typeof vendors)[number]) => ({
  key: v.key,
  name: v.name,
  settings: v.settings,
  scopes: v.scopes,
  secretFormats: v.secretFormats.map((f) => ({ name: f.name, source: f.pattern.source, flags: f.pattern.flags, redact: f.redact })),
});

describe("apitokens/registry", () => {
  it("offers every vendor's data, the same as its definition, in the same order", () => {
    expect(vendorInfo.map((v) => v.key)).toEqual(vendors.map((v) => v.key));
    for (const [index, info] of vendorInfo.entries()) expect(light(info)).toEqual(light(vendors[index] as (typeof vendors)[number]));
  });

  it("loads a vendor's definition: the one connect() uses", async () => {
    for (const definition of vendors) expect(await loadVendor(definition.key as VendorKey)).toBe(definition);
  });

  it.each([
    {
      given: "an unknown vendor",
      key: "github",
      want: 'unknown vendor "github" in connect() (known: dynatrace, gitlab, qernal, sematext, timeweb)',
    },
    { given: "a prototype key", key: "constructor", want: 'unknown vendor "constructor"' },
  ])("refuses $given with a ConfigurationError", async ({ key, want }) => {
    const error = await loadVendor(key as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(want);
    expect(isApiTokensError(error)).toBe(true);
  });

  it("connectVendors() lists the same tokens as connect(), and refuses what connect() refuses", async () => {
    const sandbox = createSandbox({ seed: "registry" });
    const dynatrace = { baseUrl: "http://sandbox.invalid/dynatrace/api/v2", token: sandbox.credentials.dynatrace, fetch: sandbox.fetch };
    const ids = async (tokens: Tokens) => {
      const found: string[] = [];
      for await (const token of tokens.list()) found.push(token.id);
      return found;
    };
    const lazy = await connectVendors({ dynatrace });
    const eager = connect({ dynatrace });
    const listed = await ids(eager.dynatrace.tokens);
    expect(listed.length).toBeGreaterThan(0);
    expect(await ids(lazy.dynatrace.tokens)).toEqual(listed);
    expect(lazy.all.map((t) => t.vendor)).toEqual(["dynatrace"]);
    const both = { dynatrace, "dynatrace:prod": dynatrace };
    expect(() => connect(both)).toThrow(/"dynatrace" and "dynatrace:prod" are both set/);
    await expect(connectVendors(both)).rejects.toThrow(/"dynatrace" and "dynatrace:prod" are both set/);
  }, 60_000);

  it("loads no vendor package until one is used", async () => {
    // Lists the package directories of every module the import loads (a loader hook in a child process).
    const hook = `data:text/javascript,${encodeURIComponent(
      'export async function load(url, context, next) { if (url.includes("/packages/")) process.stdout.write(url.split("/packages/")[1].split("/")[0] + "\\n"); return next(url, context); }',
    )}`;
    const program = `import { register } from "node:module"; register(${JSON.stringify(hook)}); const r = await import("apitokens/registry"); process.stdout.write("vendors " + r.vendorInfo.length + "\\n"); await r.loadVendor("dynatrace");`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", program], { cwd: packageDir });
    const [before = "", after = ""] = stdout.split("vendors 5\n");
    expect(new Set(before.trim().split("\n"))).toEqual(new Set(["apitokens", "core"]));
    expect(new Set(after.trim().split("\n"))).toEqual(new Set(["dynatrace"]));
  }, 60_000);
});
