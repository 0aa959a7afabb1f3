import { describe, expect, it } from "vitest";
import { createSandbox, SANDBOX_DEFAULTS, VENDORS } from "../src/index.js";

// The handler works without any socket: these tests never listen on a port.

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

describe("createSandbox", () => {
  it("answers requests in-process, given a URL string, a URL or a Request", async () => {
    const sandbox = createSandbox({ seed: "in-process" });
    const headers = { authorization: `Api-Token ${sandbox.credentials.dynatrace}` };
    const url = `${sandbox.url("dynatrace")}/apiTokens`;
    for (const response of [
      await sandbox.fetch(url, { headers }),
      await sandbox.fetch(new URL(url), { headers }),
      await sandbox.fetch(new Request(url, { headers })),
    ]) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { totalCount: number }).totalCount).toBe(61);
    }
  });

  it("lives at a never-resolving origin unless told otherwise", () => {
    expect(createSandbox().url("qernal")).toBe(`${SANDBOX_DEFAULTS.origin}/qernal/v1`);
    const sandbox = createSandbox({ origin: "http://sandbox.test/" });
    expect(VENDORS.map((vendor) => sandbox.url(vendor))).toEqual([
      "http://sandbox.test/dynatrace/api/v2",
      "http://sandbox.test/gitlab/api/v4",
      "http://sandbox.test/qernal/v1",
      "http://sandbox.test/sematext",
      "http://sandbox.test/timeweb",
    ]);
    expect(sandbox.tokenUrl).toBe("http://sandbox.test/qernal/oauth2/token");
  });

  it("describes itself at / without revealing credentials", async () => {
    const sandbox = createSandbox({ seed: "index" });
    const index = (await (await sandbox.fetch(`${sandbox.origin}/`)).json()) as Record<string, unknown>;
    expect(index).toMatchObject({
      seed: "index",
      sematextApps: [...sandbox.sematextApps],
      vendors: { qernal: { tokenUrl: sandbox.tokenUrl } },
    });
    expect(JSON.stringify(index)).not.toContain(sandbox.credentials.sematext);
  });

  it("answers unknown paths with 404 and other methods with 405, in the vendor's shape", async () => {
    const sandbox = createSandbox();
    const missing = await sandbox.fetch(`${sandbox.url("dynatrace")}/nothing-here`);
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { error: { code: 404, message: "no dynatrace route for /dynatrace/api/v2/nothing-here" } },
    ]);
    const wrongMethod = await sandbox.fetch(`${sandbox.url("timeweb")}/api/v1/auth/api-keys`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");
    expect(await wrongMethod.json()).toMatchObject({ status_code: 405, error_code: "method_not_allowed" });
    expect((await sandbox.fetch(`${sandbox.origin}/elsewhere`)).status).toBe(404);
  });
});

describe("seed", () => {
  const snapshot = (seed: string | undefined) => {
    const sandbox = createSandbox({ seed, now: () => NOW });
    return {
      credentials: sandbox.credentials,
      apps: sandbox.sematextApps,
      dynatrace: sandbox.state.dynatrace.all().map((t) => [t.id, t.name, t.owner, t.creationDate, t.lastUsedDate, t.enabled]),
      timeweb: sandbox.state.timeweb.all().map((t) => [t.id, t.name, t.createdAt, t.expiredAt]),
      qernal: sandbox.state.qernal.all().map((t) => [t.id, t.name, t.expiresAt]),
      sematext: sandbox.state.sematext.apps().map((app) => [...app.tokens.values()].map((t) => [t.id, t.token, t.name])),
    };
  };

  it("makes the whole state deterministic", () => {
    expect(snapshot("same")).toEqual(snapshot("same"));
    expect(snapshot("same").credentials).not.toEqual(snapshot("other").credentials);
  });

  it("without a seed, secrets are random and only the credential tokens exist", () => {
    const a = createSandbox();
    const b = createSandbox();
    expect(a.credentials).not.toEqual(b.credentials);
    expect([a.state.dynatrace.size, a.state.timeweb.size, a.state.qernal.size]).toEqual([1, 1, 1]);
    expect(a.state.sematext.apps().map((app) => app.tokens.size)).toEqual([1, 1, 1]);
  });

  it("seeds more tokens on request, and refuses a count that is not a non-negative integer", () => {
    const sandbox = createSandbox({ seed: "many", tokens: { dynatrace: 1200, sematext: 2 } });
    expect(sandbox.state.dynatrace.size).toBe(1201);
    expect(sandbox.state.timeweb.size).toBe(15);
    expect(sandbox.state.sematext.apps().map((app) => app.tokens.size)).toEqual([3, 3, 3]);
    expect(() => createSandbox({ tokens: { timeweb: -1 } })).toThrow(RangeError);
    expect(() => createSandbox({ tokens: { qernal: 1.5 } })).toThrow(RangeError);
  });
});
