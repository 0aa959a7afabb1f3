import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { BASE_PATHS, createSandbox, DESCRIPTORS, VENDORS } from "../src/index.js";

// Vendors are data: a folder src/vendors/<vendor>/ with a descriptor plus specs/<vendor>.yaml.

const SPECS = fileURLToPath(new URL("../../../specs/", import.meta.url));
const specVendors = readdirSync(SPECS)
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.slice(0, -".yaml".length))
  .sort();

describe("the vendor list", () => {
  it("has an emulator for every spec in specs/, and a spec for every emulator", () => {
    expect(specVendors.filter((vendor) => !(VENDORS as readonly string[]).includes(vendor))).toEqual([]);
    expect([...VENDORS]).toEqual(specVendors);
  });

  it.each(VENDORS)("%s: the base path is the path of the spec's server URL, and the key names the folder", (vendor) => {
    const spec = parse(readFileSync(`${SPECS}${vendor}.yaml`, "utf8")) as { servers: { url: string }[] };
    const server = spec.servers[0]?.url.replace(/\{[^}]+\}/g, "x") ?? "";
    expect(DESCRIPTORS[vendor].key).toBe(vendor);
    expect(DESCRIPTORS[vendor].basePath).toBe(new URL(server).pathname.replace(/\/$/, ""));
    expect(BASE_PATHS[vendor]).toBe(`/${vendor}${DESCRIPTORS[vendor].basePath}`);
  });
});

describe("connectOptions", () => {
  it.each(VENDORS)("%s: base URL and token of the first account, as url() and credentials say", (vendor) => {
    const sandbox = createSandbox({ seed: "connect" });
    const options = sandbox.connectOptions(vendor);
    expect(options.baseUrl).toBe(sandbox.url(vendor));
    expect(options.token).toBe(sandbox.credentials[vendor]);
    expect(Object.isFrozen(options)).toBe(true);
  });

  it("carries the vendors' extras: Qernal's token URL, Sematext's App ids", () => {
    const sandbox = createSandbox({ seed: "connect" });
    expect(sandbox.connectOptions("qernal")).toEqual({
      baseUrl: sandbox.url("qernal"),
      token: sandbox.credentials.qernal,
      tokenUrl: sandbox.tokenUrl,
    });
    expect(sandbox.tokenUrl).toBe("http://sandbox.invalid/qernal/oauth2/token");
    expect(sandbox.connectOptions("sematext")).toEqual({
      baseUrl: sandbox.url("sematext"),
      token: sandbox.credentials.sematext,
      appId: [...sandbox.sematextApps],
    });
  });

  it("refuses an unknown account, naming the ones there are", () => {
    const sandbox = createSandbox();
    expect(() => sandbox.connectOptions("dynatrace", "prod")).toThrow(
      new RangeError('dynatrace has no account "prod"; its accounts: default'),
    );
  });
});

describe("several accounts per vendor", () => {
  const sandbox = createSandbox({ seed: "accounts", accounts: { dynatrace: ["prod", "staging"] } });
  const list = (account: string, token = sandbox.connectOptions("dynatrace", account).token) =>
    sandbox.fetch(`${sandbox.url("dynatrace", account)}/apiTokens`, { headers: { authorization: `Api-Token ${token}` } });

  it("gives each account its own base path, store and credential", async () => {
    expect(sandbox.accounts.dynatrace).toEqual(["prod", "staging"]);
    expect(sandbox.accounts.timeweb).toEqual(["default"]);
    expect(sandbox.url("dynatrace", "prod")).toBe("http://sandbox.invalid/dynatrace/prod/api/v2");
    expect(sandbox.url("dynatrace")).toBe(sandbox.url("dynatrace", "prod"));
    expect(sandbox.url("timeweb")).toBe("http://sandbox.invalid/timeweb");
    expect(sandbox.connectOptions("dynatrace", "prod").token).not.toBe(sandbox.connectOptions("dynatrace", "staging").token);
    expect(sandbox.stateOf("dynatrace", "staging")).not.toBe(sandbox.stateOf("dynatrace", "prod"));
    expect(sandbox.state.dynatrace).toBe(sandbox.stateOf("dynatrace", "prod"));
    for (const account of ["prod", "staging"]) expect((await list(account)).status).toBe(200);
    // One account's credential does not open another's environment.
    expect((await list("staging", sandbox.connectOptions("dynatrace", "prod").token)).status).toBe(401);
  });

  it("keeps a change in the account where it happened", async () => {
    const created = await sandbox.fetch(`${sandbox.url("dynatrace", "staging")}/apiTokens`, {
      method: "POST",
      headers: { authorization: `Api-Token ${sandbox.connectOptions("dynatrace", "staging").token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "staging-only", scopes: ["metrics.read"] }),
    });
    const { id } = (await created.json()) as { id: string };
    expect(sandbox.stateOf("dynatrace", "staging").get(id)?.name).toBe("staging-only");
    expect(sandbox.stateOf("dynatrace", "prod").get(id)).toBeUndefined();
  });

  it("keeps the default account's seeded state as it was without accounts", () => {
    const plain = createSandbox({ seed: "accounts" });
    expect(sandbox.credentials.timeweb).toBe(plain.credentials.timeweb);
    expect(sandbox.connectOptions("dynatrace", "prod").token).not.toBe(plain.credentials.dynatrace);
  });

  it.each([
    { given: { dynatrace: [] }, want: "accounts.dynatrace must name at least one account" },
    { given: { dynatrace: ["Prod"] }, want: 'accounts.dynatrace: "Prod" is not an account name (lower-case letters, digits, dashes)' },
    { given: { dynatrace: ["a", "a"] }, want: "accounts.dynatrace names an account twice" },
    { given: { nobody: ["a"] }, want: 'accounts: unknown vendor "nobody"' },
  ])("refuses accounts $given", ({ given, want }) => {
    expect(() => createSandbox({ accounts: given as never })).toThrow(new RangeError(want));
  });
});

describe("latencyMs and tokens", () => {
  it("delays every answer by a fixed latency", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const sandbox = createSandbox({ latencyMs: 40 });
      let settled = false;
      const pending = sandbox.fetch(`${sandbox.origin}/`).then((response) => {
        settled = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(39);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    expect(() => createSandbox({ latencyMs: -1 })).toThrow(RangeError);
  });

  it("seeds one count for every vendor", () => {
    const sandbox = createSandbox({ seed: "many", tokens: 250 });
    expect(sandbox.state.dynatrace.size).toBe(251);
    expect(sandbox.state.timeweb.size).toBe(251);
    expect(sandbox.state.qernal.size).toBe(251);
  });
});
