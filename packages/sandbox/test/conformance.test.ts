import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox, type Vendor } from "../src/node.js";
import { SpecConformance } from "./support/spec-conformance.js";

// Every answer the sandbox gives here is checked against specs/*.yaml by an independent
// validator (test/support/spec-conformance.ts); the last tests assert nothing broke the spec
// and that every operation and the statuses listed below were exercised.

const conformance = new SpecConformance();
let sandbox: RunningSandbox;
let arrays: RunningSandbox;
const fetch = conformance.fetch((request) => globalThis.fetch(request));

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "conformance", tokens: { dynatrace: 250 }, validateResponses: true });
  arrays = await startSandbox({ port: 0, seed: "conformance", qernalListShape: "array", validateResponses: true });
});
afterAll(async () => {
  await sandbox?.close();
  await arrays?.close();
});

const JSON_TYPE = { "content-type": "application/json" };
const send = (url: string, method: string, headers: Record<string, string>, body?: unknown) =>
  fetch(url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : JSON_TYPE) },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });

describe("Dynatrace", () => {
  const base = () => `${sandbox.url("dynatrace")}/apiTokens`;
  const auth = () => ({ authorization: `Api-Token ${sandbox.credentials.dynatrace}` });

  it("lists, with every query option, and pages with the cursor alone", async () => {
    const first = await send(`${base()}?pageSize=100&fields=%2BexpirationDate,%2Bscopes,-owner&sort=%2Bname`, "GET", auth());
    expect(first.status).toBe(200);
    const { nextPageKey } = (await first.json()) as { nextPageKey: string };
    expect((await send(`${base()}?nextPageKey=${encodeURIComponent(nextPageKey)}`, "GET", auth())).status).toBe(200);
    expect((await send(`${base()}?nextPageKey=${encodeURIComponent(nextPageKey)}&pageSize=100`, "GET", auth())).status).toBe(400);
    expect((await send(`${base()}?nextPageKey=bm90LWEta2V5`, "GET", auth())).status).toBe(400);
    for (const query of [
      'apiTokenSelector=owner("jane.doe"),personalAccessToken(false)',
      'apiTokenSelector=scope("logs.ingest","metrics.read")',
      "from=now-1y/w&to=now-1d&sort=-lastUsedDate",
      "fields=creationDate,expirationDate,lastUsedDate,lastUsedIpAddress,modifiedDate,additionalMetadata,personalAccessToken&sort=expirationDate",
      "sort=modifiedDate",
    ]) {
      expect((await send(`${base()}?${query.replace(/"/g, "%22")}`, "GET", auth())).status, query).toBe(200);
    }
    for (const query of ["pageSize=99", "pageSize=10001", "sort=owner", "fields=secret", "apiTokenSelector=bogus", "from=yesterday"]) {
      expect((await send(`${base()}?${query}`, "GET", auth())).status, query).toBe(400);
    }
  });

  it("creates, reads, updates, looks up and deletes", async () => {
    const created = await send(base(), "POST", auth(), { name: "conformance", scopes: ["metrics.read"], expirationDate: "now+30d" });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect((await send(base(), "POST", auth(), { name: "no-expiry", scopes: ["logs.ingest"], personalAccessToken: true })).status).toBe(
      201,
    );
    expect((await send(`${base()}/${id}`, "GET", auth())).status).toBe(200);
    expect(
      (await send(`${base()}/${id}`, "PUT", auth(), { name: "renamed", enabled: false, scopes: ["metrics.read", "logs.read"] })).status,
    ).toBe(204);
    expect((await send(`${base()}/lookup`, "POST", auth(), { token })).status).toBe(200);
    expect((await send(`${base()}/${encodeURIComponent(token)}`, "DELETE", auth())).status).toBe(204);
    expect((await send(`${base()}/${id}`, "GET", auth())).status).toBe(404);
    expect((await send(`${base()}/${id}`, "PUT", auth(), { name: "gone" })).status).toBe(404);
    expect((await send(`${base()}/${id}`, "DELETE", auth())).status).toBe(404);
    expect((await send(`${base()}/lookup`, "POST", auth(), { token })).status).toBe(404);
  });

  it("refuses what breaks the spec or the vendor's rules", async () => {
    const self = sandbox.state.dynatrace.bySecret(sandbox.credentials.dynatrace)?.id ?? "";
    const refusals: [string, string, unknown][] = [
      ["POST", base(), { name: "x", scopes: [] }],
      ["POST", base(), { name: "x", scopes: ["Mobile"] }],
      ["POST", base(), { name: "x", scopes: ["not a scope"] }],
      ["POST", base(), { name: "x", scopes: ["metrics.read"], expirationDate: "now-1d" }],
      ["POST", base(), "{not json"],
      ["GET", `${base()}/not-a-token-id`, undefined],
      ["PUT", `${base()}/${self}`, { enabled: false }],
      ["PUT", `${base()}/${self}`, { name: " " }],
      ["PUT", `${base()}/${self}`, { scopes: [] }],
      ["DELETE", `${base()}/${self}`, undefined],
      ["POST", `${base()}/lookup`, { token: "dt0c01.short" }],
    ];
    for (const [method, url, body] of refusals)
      expect((await send(url, method, auth(), body)).status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
    const wrongType = await fetch(base(), { method: "POST", headers: { ...auth(), "content-type": "text/plain" }, body: "{}" });
    expect(wrongType.status).toBe(400);
  });

  it("answers 401 for a missing, unknown, disabled or scope-less token and 403 for a personal token deleting another owner's", async () => {
    const reader = sandbox.state.dynatrace.create({
      name: "metrics-only",
      scopes: ["metrics.read"],
      enabled: true,
      personalAccessToken: true,
      owner: "someone.else",
      creationDate: Date.now(),
      modifiedDate: undefined,
      expirationDate: undefined,
      lastUsedDate: undefined,
      lastUsedIpAddress: undefined,
      additionalMetadata: {},
    });
    const patWriter = sandbox.state.dynatrace.create({ ...reader, name: "pat-writer", scopes: ["apiTokens.write"] });
    expect((await send(base(), "GET", {})).status).toBe(401);
    expect((await send(base(), "GET", { authorization: "Api-Token dt0c01.WRONG" })).status).toBe(401);
    expect((await send(base(), "GET", { authorization: `Api-Token ${reader.secret}` })).status).toBe(401);
    const victim = sandbox.state.dynatrace.all().find((t) => t.owner !== "someone.else" && t.secret !== sandbox.credentials.dynatrace);
    expect((await send(`${base()}/${victim?.id}`, "DELETE", { authorization: `Api-Token ${patWriter.secret}` })).status).toBe(403);
  });
});

describe("Timeweb", () => {
  const base = () => `${sandbox.url("timeweb")}/api/v1/auth/api-keys`;
  const auth = () => ({ authorization: `Bearer ${sandbox.credentials.timeweb}` });

  it("lists, creates, renames, reissues and deletes, with 400/401/404 on the way", async () => {
    expect((await send(base(), "GET", auth())).status).toBe(200);
    expect((await send(base(), "GET", {})).status).toBe(401);
    expect((await send(base(), "GET", { authorization: "Bearer not.a.jwt" })).status).toBe(401);
    const created = await send(base(), "POST", auth(), {
      name: "conformance",
      expire: "2099-01-01T00:00:00Z",
      roles: ["domains:read"],
      projects: [1],
    });
    expect(created.status).toBe(201);
    const { api_key } = (await created.json()) as { api_key: { id: string } };
    expect((await send(base(), "POST", auth(), { name: "no-expiry" })).status).toBe(201);
    expect((await send(`${base()}/${api_key.id}`, "PATCH", auth(), { name: "renamed", is_able_to_delete: true })).status).toBe(200);
    expect((await send(`${base()}/${api_key.id}`, "PUT", auth(), {})).status).toBe(200);
    expect((await send(`${base()}/${api_key.id}`, "PUT", auth(), { expire: "2098-01-01T00:00:00Z" })).status).toBe(200);
    expect((await send(`${base()}/${api_key.id}`, "DELETE", auth())).status).toBe(204);
    for (const method of ["PATCH", "PUT", "DELETE"]) {
      expect((await send(`${base()}/${api_key.id}`, method, auth(), method === "DELETE" ? undefined : {})).status, method).toBe(404);
      expect((await send(`${base()}/not-a-uuid`, method, auth(), method === "DELETE" ? undefined : {})).status, method).toBe(400);
    }
    for (const body of [{}, { name: 5 }, { name: "x", expire: "2001-01-01T00:00:00Z" }, { name: "x", expire: "tomorrow" }]) {
      expect((await send(base(), "POST", auth(), body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await fetch(`${base()}/${api_key.id}`, { method: "PUT", headers: auth() })).status).toBe(400);
  });
});

describe("Qernal", () => {
  const base = (s = sandbox) => `${s.url("qernal")}/auth/tokens`;
  async function auth(s = sandbox): Promise<Record<string, string>> {
    const [id = "", secret = ""] = s.credentials.qernal.split("@");
    const exchange = await globalThis.fetch(s.tokenUrl, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${btoa(`${id}:${encodeURIComponent(secret)}`)}`,
      },
      body: "grant_type=client_credentials",
    });
    return { authorization: `Bearer ${((await exchange.json()) as { access_token: string }).access_token}` };
  }

  it("lists in both body shapes, creates, reads, updates and deletes", async () => {
    const headers = await auth();
    expect((await send(`${base()}?page[size]=5&page[after]=5`, "GET", headers)).status).toBe(200);
    expect((await send(`${base()}?page[before]=10`, "GET", headers)).status).toBe(200);
    const array = await send(`${base(arrays)}?page[size]=3`, "GET", await auth(arrays));
    expect(array.status).toBe(200);
    expect(array.headers.get("link")).toContain('rel="next"');
    expect((await send(base(), "GET", {})).status).toBe(401);
    const created = await send(base(), "POST", headers, { name: "conformance", expiry_duration: 30 });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    expect((await send(base(), "POST", headers, { name: "forever", expiry_duration: 0 })).status).toBe(200);
    expect((await send(`${base()}/${id}`, "GET", headers)).status).toBe(200);
    expect((await send(`${base()}/${id}`, "PUT", headers, { name: "renamed" })).status).toBe(200);
    expect((await send(`${base()}/${id}`, "PUT", headers, { expiry_duration: 90 })).status).toBe(200);
    expect((await send(`${base()}/${id}`, "DELETE", headers)).status).toBe(200);
    for (const method of ["GET", "PUT", "DELETE"]) {
      expect((await send(`${base()}/${id}`, method, headers, method === "PUT" ? {} : undefined)).status, method).toBe(404);
    }
    // Delete declares no 400: a malformed id names nothing, so it is a 404 there.
    expect((await send(`${base()}/not-a-uuid`, "DELETE", headers)).status).toBe(404);
    expect((await send(`${base()}/not-a-uuid`, "GET", headers)).status).toBe(400);
    expect((await send(`${base()}/${id}`, "PUT", headers, { name: "has digits 1" })).status).toBe(400);
    for (const body of [
      { name: "x" },
      { name: "bad name", expiry_duration: 1 },
      { name: "x", expiry_duration: -1 },
      { name: "x", expiry_duration: 1.5 },
    ]) {
      expect((await send(base(), "POST", headers, body)).status, JSON.stringify(body)).toBe(400);
    }
    for (const query of ["page[size]=0", "page[after]=-1", "page[size]=many"])
      expect((await send(`${base()}?${query}`, "GET", headers)).status, query).toBe(400);
  });
});

describe("Sematext", () => {
  const base = (appId: number | string = sandbox.sematextApps[0] ?? 0) =>
    `${sandbox.url("sematext")}/users-web/api/v3/apps/${appId}/tokens`;
  const auth = () => ({ authorization: `apiKey ${sandbox.credentials.sematext}` });

  it("lists, creates, updates, regenerates and deletes, with 400/401/404 on the way", async () => {
    expect((await send(base(), "GET", auth())).status).toBe(200);
    expect((await send(base(), "GET", {})).status).toBe(401);
    expect((await send(base(1), "GET", auth())).status).toBe(404);
    expect((await send(base("abc"), "GET", auth())).status).toBe(400);
    const created = await send(base(), "POST", auth(), { name: "conformance", readable: true, writeable: false });
    expect(created.status).toBe(200);
    const id = ((await created.json()) as { data: { token: { id: number } } }).data.token.id;
    expect((await send(`${base()}/${id}`, "PUT", auth(), { name: "renamed", enabled: false })).status).toBe(200);
    expect((await send(`${base()}/${id}/regenerate`, "POST", auth())).status).toBe(200);
    expect((await send(`${base()}/${id}`, "DELETE", auth())).status).toBe(200);
    expect((await send(`${base()}/${id}`, "PUT", auth(), {})).status).toBe(404);
    expect((await send(`${base()}/${id}/regenerate`, "POST", auth())).status).toBe(404);
    expect((await send(`${base()}/${id}`, "DELETE", auth())).status).toBe(404);
    expect((await send(base(1), "POST", auth(), { name: "x", writeable: true })).status).toBe(404);
    for (const body of [{}, { name: "x" }, { name: 1, readable: true }])
      expect((await send(base(), "POST", auth(), body)).status, JSON.stringify(body)).toBe(400);
    expect((await send(`${base()}/x`, "PUT", auth(), {})).status).toBe(400);
    expect((await send(`${base()}/x`, "DELETE", auth())).status).toBe(400);
    expect((await send(`${base()}/x/regenerate`, "POST", auth())).status).toBe(400);
  });
});

describe("every answer", () => {
  it("conforms to the spec", () => {
    expect(conformance.checked.length).toBeGreaterThan(100);
    expect(conformance.violations).toEqual([]);
    expect(sandbox.violations).toEqual([]);
    expect(arrays.violations).toEqual([]);
  });

  it("covered every operation and the statuses the vendors document", () => {
    const covered = conformance.covered;
    for (const vendor of ["dynatrace", "qernal", "sematext", "timeweb"] as Vendor[]) {
      for (const operationId of conformance.operationIds(vendor)) {
        expect(
          [...covered].some((c) => c.startsWith(`${vendor} ${operationId} `)),
          `${vendor} ${operationId}`,
        ).toBe(true);
      }
    }
    const expected = [
      "dynatrace listApiTokens 200",
      "dynatrace listApiTokens 400",
      "dynatrace listApiTokens 401",
      "dynatrace createApiToken 201",
      "dynatrace createApiToken 400",
      "dynatrace getApiToken 404",
      "dynatrace updateApiToken 204",
      "dynatrace deleteApiToken 204",
      "dynatrace deleteApiToken 403",
      "dynatrace lookupApiToken 400",
      "timeweb getTokens 401",
      "timeweb reissueToken 200",
      "timeweb deleteToken 404",
      "qernal auth-tokens-list 401",
      "qernal auth-tokens-delete 200",
      "qernal auth-tokens-delete 404",
      "sematext createAppToken 400",
      "sematext regenerateAppToken_1 200",
      "sematext deleteAppToken_1 404",
    ];
    for (const key of expected) expect(covered.has(key), key).toBe(true);
  });
});
