import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DynatraceToken, type RunningSandbox, startSandbox } from "../src/node.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "dynatrace-rules", tokens: { dynatrace: 450 }, validateResponses: true });
});
afterAll(async () => {
  expect(sandbox.violations).toEqual([]);
  await sandbox?.close();
});

const SECRET = /^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/;
const base = () => `${sandbox.url("dynatrace")}/apiTokens`;
const as = (secret: string) => ({ authorization: `Api-Token ${secret}` });
const admin = () => as(sandbox.credentials.dynatrace);
async function call<T = Record<string, unknown>>(
  path: string,
  init: RequestInit & { json?: unknown } = {},
  headers: Record<string, string> = admin(),
) {
  const response = await fetch(`${base()}${path}`, {
    ...init,
    headers: { ...headers, ...(init.json === undefined ? {} : { "content-type": "application/json" }) },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
const token = (overrides: Partial<DynatraceToken> = {}) =>
  sandbox.state.dynatrace.create({
    name: "fixture",
    scopes: ["apiTokens.read", "apiTokens.write"],
    enabled: true,
    personalAccessToken: false,
    owner: "fixture.owner",
    creationDate: Date.now(),
    modifiedDate: undefined,
    expirationDate: undefined,
    lastUsedDate: undefined,
    lastUsedIpAddress: undefined,
    additionalMetadata: {},
    ...overrides,
  });

type Page = { totalCount: number; pageSize: number; nextPageKey: string | null; apiTokens: Record<string, unknown>[] };

describe("the secret", () => {
  it("is returned by create only, in the vendor's shape; reads never contain it", async () => {
    const created = await call<{ id: string; token: string }>("", { method: "POST", json: { name: "once", scopes: ["metrics.read"] } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(SECRET);
    expect(created.body.token.startsWith(`${created.body.id}.`)).toBe(true);
    const reads = [
      await call(`/${created.body.id}`),
      await call("/lookup", { method: "POST", json: { token: created.body.token } }),
      await call("?pageSize=10000&fields=id,name,scopes,additionalMetadata"),
    ];
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).not.toContain(created.body.token.slice(32));
    }
    expect(reads[1]?.body).toMatchObject({ id: created.body.id, name: "once", owner: "sandbox.admin" });
  });
});

describe("pagination", () => {
  it("defaults to 200 per page, walks every token once with the cursor alone, and ends with null", async () => {
    const first = await call<Page>("");
    expect([first.body.pageSize, first.body.apiTokens.length]).toEqual([200, 200]);
    const seen = new Set(first.body.apiTokens.map((t) => t.id));
    let key = first.body.nextPageKey;
    while (key) {
      const page = await call<Page>(`?nextPageKey=${encodeURIComponent(key)}`);
      expect(page.body.totalCount).toBe(first.body.totalCount);
      for (const t of page.body.apiTokens) seen.add(t.id);
      key = page.body.nextPageKey;
    }
    expect(seen.size).toBe(first.body.totalCount);
    expect(first.body.totalCount).toBe(sandbox.state.dynatrace.size);
  });

  it("refuses a cursor sent with anything else, and page sizes outside 100..10000", async () => {
    const first = await call<Page>("?pageSize=100");
    const key = encodeURIComponent(first.body.nextPageKey ?? "");
    const mixed = await call<{ error: { constraintViolations: { path: string; parameterLocation: string }[] } }>(
      `?nextPageKey=${key}&sort=name`,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.constraintViolations[0]).toMatchObject({ path: "nextPageKey", parameterLocation: "QUERY" });
    for (const size of [99, 10001]) {
      const refused = await call<{ error: { constraintViolations: { path: string }[] } }>(`?pageSize=${size}`);
      expect([refused.status, refused.body.error.constraintViolations[0]?.path]).toEqual([400, "pageSize"]);
    }
    expect((await call<Page>("?pageSize=10000")).body.nextPageKey).toBeNull();
  });

  it("sorts, filters and chooses fields as the grammar says", async () => {
    const byName = (await call<Page>("?pageSize=10000&sort=%2Bname")).body.apiTokens.map((t) => String(t.name).toLowerCase());
    expect(byName).toEqual([...byName].sort());
    const recent = (await call<Page>("?pageSize=10000&sort=-lastUsedDate&fields=%2BlastUsedDate")).body.apiTokens;
    const dates = recent.map((t) => (t.lastUsedDate ? Date.parse(String(t.lastUsedDate)) : Number.NEGATIVE_INFINITY));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const jane = await call<Page>(
      `?pageSize=10000&apiTokenSelector=${encodeURIComponent('owner("jane.doe"),personalAccessToken(false)')}&fields=owner,personalAccessToken`,
    );
    expect(jane.body.totalCount).toBeGreaterThan(0);
    expect(jane.body.apiTokens.every((t) => t.owner === "jane.doe" && t.personalAccessToken === false && !("name" in t))).toBe(true);
    const shippers = await call<Page>(`?pageSize=10000&apiTokenSelector=${encodeURIComponent('scope("logs.ingest")')}&fields=scopes`);
    expect(shippers.body.apiTokens.every((t) => (t.scopes as string[]).includes("logs.ingest"))).toBe(true);
    // Taken before the request: the sandbox resolves `now-30d` later, so its bound is at or after this one.
    const monthAgo = Date.now() - 30 * 86_400_000;
    const lastMonth = await call<Page>("?pageSize=10000&from=now-30d&fields=%2BlastUsedDate");
    expect(lastMonth.body.apiTokens.every((t) => Date.parse(String(t.lastUsedDate)) >= monthAgo)).toBe(true);
    const unencodedPlus = await call<{ error: { constraintViolations: { message: string }[] } }>("?fields=+scopes");
    expect(unencodedPlus.status).toBe(400);
    expect(unencodedPlus.body.error.constraintViolations[0]?.message).toContain("%2B");
  });
});

describe("the calling token", () => {
  it("cannot delete or disable itself (400), but may rename itself", async () => {
    const self = token({ owner: "self.owner" });
    const deleted = await call<{ error: { message: string } }>(`/${self.id}`, { method: "DELETE" }, as(self.secret));
    expect([deleted.status, deleted.body.error.message]).toEqual([400, "You can't delete the token you're using for authentication."]);
    const disabled = await call<{ error: { message: string } }>(
      `/${self.id}`,
      { method: "PUT", json: { enabled: false } },
      as(self.secret),
    );
    expect([disabled.status, disabled.body.error.message]).toEqual([400, "You can't disable the token you're using for authentication."]);
    expect((await call(`/${self.id}`, { method: "PUT", json: { name: "renamed-self" } }, as(self.secret))).status).toBe(204);
    expect(sandbox.state.dynatrace.get(self.id)).toMatchObject({ name: "renamed-self", enabled: true });
  });

  it("owns the tokens it creates, and its last use is recorded", async () => {
    const self = token({ owner: "creator.owner" });
    const before = Date.now();
    const created = await call<{ id: string }>("", { method: "POST", json: { name: "child", scopes: ["logs.read"] } }, as(self.secret));
    expect(sandbox.state.dynatrace.get(created.body.id)?.owner).toBe("creator.owner");
    expect(sandbox.state.dynatrace.get(self.id)?.lastUsedDate).toBeGreaterThanOrEqual(before);
    expect(sandbox.state.dynatrace.get(self.id)?.lastUsedIpAddress).toBe("127.0.0.1");
  });
});

describe("delete and update", () => {
  it("deletes by id or by full secret; 404 afterwards", async () => {
    for (const by of ["id", "secret"] as const) {
      const victim = token();
      expect((await call(`/${encodeURIComponent(victim[by])}`, { method: "DELETE" })).status).toBe(204);
      expect(sandbox.state.dynatrace.get(victim.id)).toBeUndefined();
      expect((await call(`/${victim.id}`)).status).toBe(404);
    }
  });

  it("lets a personal access token delete only its owner's tokens (403 otherwise)", async () => {
    const pat = token({ personalAccessToken: true, owner: "pat.owner" });
    const foreign = token({ owner: "someone.else" });
    const own = token({ owner: "pat.owner" });
    expect((await call(`/${foreign.id}`, { method: "DELETE" }, as(pat.secret))).status).toBe(403);
    expect((await call(`/${own.id}`, { method: "DELETE" }, as(pat.secret))).status).toBe(204);
  });

  it("counts renames and scope changes as modifications, enabling and disabling not", async () => {
    const target = token();
    expect((await call(`/${target.id}`, { method: "PUT", json: { enabled: false } })).status).toBe(204);
    expect(sandbox.state.dynatrace.get(target.id)?.modifiedDate).toBeUndefined();
    expect((await call(`/${target.id}`, { method: "PUT", json: { scopes: ["metrics.read", "metrics.ingest"] } })).status).toBe(204);
    expect(sandbox.state.dynatrace.get(target.id)).toMatchObject({
      enabled: false,
      scopes: ["metrics.read", "metrics.ingest"],
      modifiedDate: expect.any(Number),
    });
  });
});

describe("authentication", () => {
  it.each([
    ["no header", {}, "Missing authorization parameter."],
    ["another scheme", { authorization: `Bearer ${"x".repeat(10)}` }, "Authorization header must be 'Api-Token <token>'."],
    ["an unknown token", as(`dt0c01.${"A".repeat(24)}.${"B".repeat(64)}`), "Token Authentication failed"],
  ])("answers 401 with the error envelope for %s", async (_, headers, message) => {
    const refused = await call<{ error: { code: number; message: string } }>("", {}, headers);
    expect([refused.status, refused.body]).toEqual([401, { error: { code: 401, message } }]);
  });

  it("answers 401 for a disabled, an expired, or a scope-less token", async () => {
    const disabled = token({ enabled: false });
    const expired = token({ expirationDate: Date.now() - 1000 });
    const reader = token({ scopes: ["apiTokens.read"] });
    expect((await call("", {}, as(disabled.secret))).body).toEqual({ error: { code: 401, message: "Token is disabled" } });
    expect((await call("", {}, as(expired.secret))).body).toEqual({ error: { code: 401, message: "Token is expired" } });
    expect((await call("", {}, as(reader.secret))).status).toBe(200);
    const write = await call("", { method: "POST", json: { name: "x", scopes: ["metrics.read"] } }, as(reader.secret));
    expect([write.status, write.body]).toEqual([401, { error: { code: 401, message: "Token is missing required scope." } }]);
    // Lookup takes any scope.
    expect((await call("/lookup", { method: "POST", json: { token: reader.secret } }, as(reader.secret))).status).toBe(200);
  });
});

describe("create", () => {
  it.each([
    ["now+30d", 30 * 86_400_000],
    ["now+1w", 7 * 86_400_000],
  ])("resolves the relative expiry %s", async (expirationDate, ms) => {
    const before = Date.now();
    const created = await call<{ expirationDate: string }>("", {
      method: "POST",
      json: { name: "expiring", scopes: ["metrics.read"], expirationDate },
    });
    const at = Date.parse(created.body.expirationDate);
    expect(at).toBeGreaterThanOrEqual(before + ms - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + ms + 1000);
  });

  it("refuses legacy scopes, unknown scope names and expiries in the past", async () => {
    for (const [json, path] of [
      [{ name: "x", scopes: ["ViewReport"] }, "scopes[0]"],
      [{ name: "x", scopes: ["metrics.read", "everything"] }, "scopes[1]"],
      [{ name: "x", scopes: ["metrics.read"], expirationDate: "2001-01-01T00:00" }, "expirationDate"],
      [{ scopes: ["metrics.read"] }, "name"],
    ] as const) {
      const refused = await call<{ error: { constraintViolations: { path: string; parameterLocation: string }[] } }>("", {
        method: "POST",
        json,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.constraintViolations[0]).toMatchObject({ path, parameterLocation: "PAYLOAD_BODY" });
    }
    expect((await call("", { method: "POST", json: { name: "newer scope", scopes: ["openpipeline.events"] } })).status).toBe(201);
  });
});
