import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onlyJson, run } from "./run.js";

// A sandbox started on its own, with options of its own (token counts, several accounts): the
// CLI pointed at it by URL must reach every vendor and account with the right credentials,
// although the sandbox's index serves none (it gives the seed, counts and accounts instead).
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "by-url", tokens: 7, accounts: { dynatrace: ["prod", "staging"] } });
});
afterAll(() => sandbox.close());

describe("--sandbox URL against a sandbox with its own token counts and accounts", () => {
  it("the index names the seed, counts and accounts but no credential", async () => {
    const index = (await (await fetch(`${sandbox.origin}/`)).json()) as Record<string, unknown>;
    expect(index.seed).toBe("by-url");
    expect(index.accounts).toMatchObject({ dynatrace: ["prod", "staging"] });
    const text = JSON.stringify(index);
    for (const vendor of Object.keys(sandbox.credentials)) expect(text).not.toContain(sandbox.credentials[vendor as never]);
  });

  it("lists every vendor, each Dynatrace account on its own, with the account on every record", async () => {
    const { code, stdout } = await run(["list", "--json", "--sandbox", sandbox.origin]);
    const doc = onlyJson(stdout) as {
      vendors: { vendor: string; account?: string | null; status: string }[];
      tokens: { vendor: string; account?: string | null }[];
    };
    expect(doc.vendors.filter((v) => v.status !== "ok")).toEqual([]);
    expect(code).toBe(0);
    const dynatrace = doc.vendors.filter((v) => v.vendor === "dynatrace").map((v) => v.account);
    expect(dynatrace).toEqual(["prod", "staging"]);
    const accounts = new Set(doc.tokens.filter((t) => t.vendor === "dynatrace").map((t) => t.account));
    expect(accounts).toEqual(new Set(["prod", "staging"]));
  });
});
