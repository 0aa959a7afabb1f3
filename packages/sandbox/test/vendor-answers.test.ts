import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../src/index.js";

// Answers the vendors' own SDKs can read, and requests the vendors would refuse: each row is
// a request, the answer the sandbox must give, and what must still work afterwards.

const DT_MEDIA = "application/json; charset=utf-8";
const LONG_NAME = "n".repeat(256);
const MAX_NAME = "n".repeat(255);

function sandboxWithAuth() {
  const sandbox = createSandbox({ seed: "vendor-answers", validateResponses: true });
  const dynatrace = (path: string, init: { method?: string; json?: unknown } = {}) =>
    sandbox.fetch(`${sandbox.url("dynatrace")}/apiTokens${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Api-Token ${sandbox.credentials.dynatrace}`, "content-type": "application/json" },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  return { sandbox, dynatrace };
}

async function qernalAccess(sandbox: Sandbox): Promise<string> {
  const [id, secret] = sandbox.credentials.qernal.split("@") as [string, string];
  const response = await sandbox.fetch(sandbox.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: secret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe("Dynatrace 404s carry an ErrorEnvelope with a JSON content type", () => {
  const unknown = "dt0c01.AAAAAAAAAAAAAAAAAAAAAAAA";
  it.each([
    { given: "GET /apiTokens/{id}", path: `/${unknown}`, method: "GET", json: undefined },
    { given: "PUT /apiTokens/{id}", path: `/${unknown}`, method: "PUT", json: { name: "renamed" } },
    { given: "DELETE /apiTokens/{id}", path: `/${unknown}`, method: "DELETE", json: undefined },
    { given: "POST /apiTokens/lookup", path: "/lookup", method: "POST", json: { token: `${unknown}.${"B".repeat(64)}` } },
  ])("$given of an unknown token", async ({ path, method, json }) => {
    const { sandbox, dynatrace } = sandboxWithAuth();
    const response = await dynatrace(path, { method, json });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe(DT_MEDIA);
    expect(await response.json()).toEqual({ error: { code: 404, message: "The requested token could not be found." } });
    expect(sandbox.violations).toEqual([]);
  });
});

describe("requests the vendors would refuse are 400, and change nothing", () => {
  it.each([
    { given: "an expiry beyond year 9999", json: { name: "far", scopes: ["metrics.read"], expirationDate: "now+99999999d" } },
    { given: "an expiry outside a date's range", json: { name: "far", scopes: ["metrics.read"], expirationDate: "now+99999999y" } },
    { given: `a name of ${LONG_NAME.length} characters`, json: { name: LONG_NAME, scopes: ["metrics.read"] } },
  ])("Dynatrace create with $given", async ({ json }) => {
    const { sandbox, dynatrace } = sandboxWithAuth();
    const before = sandbox.state.dynatrace.size;
    const response = await dynatrace("", { method: "POST", json });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { error: { constraintViolations: { path: string }[] } }).error.constraintViolations[0]?.path,
    ).toMatch(/^(expirationDate|name)$/);
    expect(sandbox.state.dynatrace.size).toBe(before);
    expect((await dynatrace("?pageSize=10000")).status).toBe(200);
    expect(sandbox.violations).toEqual([]);
  });

  it("Dynatrace takes a name of exactly the limit, and refuses a rename beyond it", async () => {
    const { sandbox, dynatrace } = sandboxWithAuth();
    const created = await dynatrace("", { method: "POST", json: { name: MAX_NAME, scopes: ["metrics.read"] } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await dynatrace(`/${id}`, { method: "PUT", json: { name: LONG_NAME } })).status).toBe(400);
    expect(sandbox.state.dynatrace.get(id)?.name).toBe(MAX_NAME);
  });

  it.each([
    { given: "an expiry_duration of 2^31-1 days", json: { name: "far", expiry_duration: 2147483647 }, field: "expiry_duration" },
    { given: `a name of ${LONG_NAME.length} characters`, json: { name: LONG_NAME, expiry_duration: 30 }, field: "name" },
  ])("Qernal create with $given", async ({ json, field }) => {
    const sandbox = createSandbox({ seed: "vendor-answers", validateResponses: true });
    const headers = { authorization: `Bearer ${await qernalAccess(sandbox)}`, "content-type": "application/json" };
    const before = sandbox.state.qernal.size;
    const response = await sandbox.fetch(`${sandbox.url("qernal")}/auth/tokens`, { method: "POST", headers, body: JSON.stringify(json) });
    expect(response.status).toBe(400);
    expect(Object.keys(((await response.json()) as { fields: Record<string, string> }).fields)).toEqual([field]);
    expect(sandbox.state.qernal.size).toBe(before);
    expect((await sandbox.fetch(`${sandbox.url("qernal")}/auth/tokens?page[size]=100`, { headers })).status).toBe(200);
    expect(sandbox.violations).toEqual([]);
  });

  it("Timeweb and Sematext refuse names beyond the limit", async () => {
    const sandbox = createSandbox({ seed: "vendor-answers", validateResponses: true });
    const timeweb = await sandbox.fetch(`${sandbox.url("timeweb")}/api/v1/auth/api-keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${sandbox.credentials.timeweb}`, "content-type": "application/json" },
      body: JSON.stringify({ name: LONG_NAME }),
    });
    expect([timeweb.status, ((await timeweb.json()) as { message: string }).message]).toEqual([400, "name must be at most 255 characters"]);
    const sematext = await sandbox.fetch(`${sandbox.url("sematext")}/users-web/api/v3/apps/${sandbox.sematextApps[0]}/tokens`, {
      method: "POST",
      headers: { authorization: `apiKey ${sandbox.credentials.sematext}`, "content-type": "application/json" },
      body: JSON.stringify({ name: LONG_NAME, readable: true }),
    });
    expect(sematext.status).toBe(400);
    expect(sandbox.violations).toEqual([]);
  });
});

describe("one bad stored token cannot break a listing", () => {
  it("the stores refuse dates that no answer could write", () => {
    const sandbox = createSandbox({ seed: "vendor-answers" });
    const far = Date.UTC(10000, 0, 1);
    expect(() =>
      sandbox.state.dynatrace.create({
        name: "far",
        scopes: ["metrics.read"],
        enabled: true,
        personalAccessToken: false,
        owner: "o",
        creationDate: Date.now(),
        modifiedDate: undefined,
        expirationDate: far,
        lastUsedDate: undefined,
        lastUsedIpAddress: undefined,
        additionalMetadata: {},
      }),
    ).toThrow(new RangeError(`dynatrace token: expirationDate must be a finite epoch-ms date up to 9999-12-31, got ${far}`));
    expect(() => sandbox.state.qernal.create({ name: "far", expiresAt: Number.NaN, createdAt: 0, updatedAt: 0 })).toThrow(RangeError);
    expect(() =>
      sandbox.state.timeweb.create({
        name: "far",
        createdAt: far,
        expiredAt: undefined,
        isAbleToDelete: false,
        roles: undefined,
        projects: null,
      }),
    ).toThrow(RangeError);
  });
});

describe("Qernal's 401 follows RFC 6750 §3.1", () => {
  it.each([
    { given: "no credentials", headers: {} as Record<string, string>, want: "Bearer" },
    {
      given: "an unknown access token",
      headers: { authorization: "Bearer ory_at_unknown" },
      want: 'Bearer error="invalid_token", error_description="The access token is malformed, expired or revoked"',
    },
  ])("with $given", async ({ headers, want }) => {
    const sandbox = createSandbox({ validateResponses: true });
    const response = await sandbox.fetch(`${sandbox.url("qernal")}/auth/tokens`, { headers });
    expect([response.status, response.headers.get("www-authenticate"), await response.text()]).toEqual([401, want, ""]);
    expect(sandbox.violations).toEqual([]);
  });
});
