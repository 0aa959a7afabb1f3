import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSandbox } from "@apitokens/sandbox";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ConnectionKey,
  type ConnectOptions,
  connect,
  type DynatraceClient,
  isApiTokensError,
  type VendorKey,
  vendors,
} from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const specKeys = readdirSync(join(root, "specs"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.slice(0, -5))
  .sort();

describe("vendors: the one list, from specs/", () => {
  it("has one definition per spec, in display order, each with its package's data", () => {
    expect(vendors.map((v) => v.key)).toEqual(specKeys);
    for (const vendor of vendors) {
      const pkg = JSON.parse(readFileSync(join(root, "packages", vendor.key, "package.json"), "utf8")) as { name: string };
      expect(pkg.name).toBe(`@apitokens/${vendor.key}`);
      expect(vendor.settings.find((s) => s.key === "token")?.type).toBe("secret");
      expect(vendor.secretFormats.length).toBeGreaterThan(0);
      expect(vendor.spec.vendor).toBe(vendor.key);
      expect(vendor.name).toBe(vendor.spec.vendorName);
    }
  });

  it("recognises each vendor's example secrets by its formats", () => {
    const given: Record<string, string> = {
      dynatrace: `dt0c01.${"A".repeat(24)}.${"B".repeat(64)}`,
      qernal: "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@Q7.xVn2~pL_8rTb4KdWm0s",
      sematext: "33769323-60b5-4acd-acb0-49fd1f3999b2",
      timeweb: "eyJhbGciOiJSUzUxMiJ9.eyJqdGkiOiIxMjMifQ.c2lnbmF0dXJl",
    };
    for (const vendor of vendors) {
      const secret = given[vendor.key];
      if (secret === undefined) continue;
      const matched = vendor.secretFormats.some((f) => new RegExp(`^(?:${f.pattern.source})$`).test(secret));
      expect({ vendor: vendor.key, matched }).toEqual({ vendor: vendor.key, matched: true });
    }
  });
});

describe("connect()", () => {
  it("connects several named accounts of one vendor, side by side, with the account on each", async () => {
    const sandbox = createSandbox({ seed: "accounts" });
    const dt = { baseUrl: "http://sandbox.invalid/dynatrace/api/v2", token: sandbox.credentials.dynatrace, fetch: sandbox.fetch };
    const v = connect({ "dynatrace:prod": dt, "dynatrace:staging": dt, timeweb: { token: sandbox.credentials.timeweb } });
    expect(v.all.map((t) => [t.vendor, (t as { account?: string }).account])).toEqual([
      ["dynatrace", "prod"],
      ["dynatrace", "staging"],
      ["timeweb", undefined],
    ]);
    expectTypeOf(v["dynatrace:prod"].client).toEqualTypeOf<DynatraceClient>();
    const first = await v["dynatrace:prod"].tokens.list().next();
    expect(first.value?.vendor).toBe("dynatrace");
  });

  it.each([
    { given: { gitlub: { token: "x" } }, want: /unknown vendor "gitlub" in connect\(\) \(known: / },
    { given: { "dynatrace:": { token: "x" } }, want: /account name "" in "dynatrace:…" must be/ },
    { given: { "dynatrace:a b": { token: "x" } }, want: /account name "a b"/ },
  ])("refuses $given with a ConfigurationError", ({ given, want }) => {
    let error: unknown;
    try {
      connect(given as ConnectOptions);
    } catch (e) {
      error = e;
    }
    expect(isApiTokensError(error) && error.name).toBe("ConfigurationError");
    expect((error as Error).message).toMatch(want);
  });

  it("refuses a vendor that is both unnamed and named", () => {
    const dt = { baseUrl: "https://abc12345.live.dynatrace.com/api/v2", token: `dt0c01.${"A".repeat(24)}.${"B".repeat(64)}` };
    expect(() => connect({ dynatrace: dt, "dynatrace:prod": dt })).toThrow(/both set: name every account/);
  });

  it("types options per vendor and per account key", () => {
    expectTypeOf<"dynatrace">().toExtend<VendorKey>();
    expectTypeOf<"dynatrace:prod">().toExtend<ConnectionKey>();
    // Type-only: never called.
    const typeOnly = () => {
      // @ts-expect-error Dynatrace needs baseUrl: the vendor's own option type applies under an account key too.
      connect({ "dynatrace:prod": { token: "x" } });
      // @ts-expect-error an unknown connection key does not compile.
      connect({ gitlub: { token: "x" } });
    };
    expect(typeof typeOnly).toBe("function");
  });
});
