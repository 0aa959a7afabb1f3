import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/node.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "qernal-rules", tokens: { qernal: 120 }, validateResponses: true });
});
afterAll(async () => {
  expect(sandbox.violations).toEqual([]);
  await sandbox?.close();
});

const SECRET = /^([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})@([A-Za-z0-9._~-]{32})$/;
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const split = (secret: string) => {
  const at = secret.indexOf("@");
  return { id: secret.slice(0, at), secret: secret.slice(at + 1) };
};

/** Exchanges with client_secret_basic (default) or client_secret_post. */
async function exchange(credential: string, method: "basic" | "post" = "basic") {
  const { id, secret } = split(credential);
  const response = await fetch(sandbox.tokenUrl, {
    method: "POST",
    headers: { ...FORM, ...(method === "basic" ? { authorization: `Basic ${btoa(`${id}:${encodeURIComponent(secret)}`)}` } : {}) },
    body: new URLSearchParams({ grant_type: "client_credentials", ...(method === "post" ? { client_id: id, client_secret: secret } : {}) }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}
async function bearer(credential = sandbox.credentials.qernal): Promise<string> {
  return String((await exchange(credential)).body.access_token);
}
async function call<T = Record<string, unknown>>(path: string, init: { method?: string; json?: unknown; access?: string } = {}) {
  const response = await fetch(`${sandbox.url("qernal")}/auth/tokens${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${init.access ?? (await bearer())}`,
      ...(init.json === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

describe("the token endpoint", () => {
  it("issues a bearer access token for client_secret_basic and client_secret_post alike", async () => {
    for (const method of ["basic", "post"] as const) {
      const issued = await exchange(sandbox.credentials.qernal, method);
      expect(issued.status).toBe(200);
      expect(issued.headers.get("cache-control")).toBe("no-store");
      expect(issued.body).toMatchObject({
        token_type: "bearer",
        expires_in: 3600,
        access_token: expect.stringMatching(/^ory_at_[\w-]{43}\.[\w-]{43}$/),
      });
      expect((await call("", { access: String(issued.body.access_token) })).status).toBe(200);
    }
  });

  it.each([
    [
      "both methods at once",
      { ...FORM, authorization: `Basic ${btoa("a:b")}` },
      "grant_type=client_credentials&client_id=a&client_secret=b",
      400,
      "invalid_request",
    ],
    ["another grant", FORM, "grant_type=password", 400, "unsupported_grant_type"],
    ["no grant", FORM, "client_id=a", 400, "invalid_request"],
    ["a JSON body", { "content-type": "application/json" }, '{"grant_type":"client_credentials"}', 400, "invalid_request"],
    ["no client authentication", FORM, "grant_type=client_credentials", 401, "invalid_client"],
    [
      "a wrong secret",
      { ...FORM, authorization: `Basic ${btoa("00000000-0000-4000-8000-000000000000:nope")}` },
      "grant_type=client_credentials",
      401,
      "invalid_client",
    ],
  ])("refuses %s", async (_, headers, body, status, error) => {
    const response = await fetch(sandbox.tokenUrl, { method: "POST", headers, body });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error });
  });

  it("will not exchange a deleted or an expired token, and deleting revokes its access tokens", async () => {
    const created = await call<{ id: string; token: string }>("", { method: "POST", json: { name: "doomed", expiry_duration: 1 } });
    const access = await bearer(created.body.token);
    expect((await call("", { access })).status).toBe(200);
    expect((await call(`/${created.body.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await exchange(created.body.token)).status).toBe(401);
    const revoked = await call("", { access });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const expired = sandbox.state.qernal.create({
      name: "expired",
      expiresAt: Date.now() - 1,
      createdAt: Date.now() - 1e9,
      updatedAt: Date.now() - 1e9,
    });
    expect((await exchange(expired.secret)).body).toMatchObject({ error: "invalid_client" });
  });

  it("the auth token itself is not a bearer credential", async () => {
    expect((await call("", { access: sandbox.credentials.qernal })).status).toBe(401);
    expect((await fetch(`${sandbox.url("qernal")}/auth/tokens`)).status).toBe(401);
  });
});

describe("Qernal tokens", () => {
  it("creates with 200 and shows <uuid>@<secret> once; reads never show it", async () => {
    const created = await call<{ id: string; token: string; user_id: string; expiry_at: string }>("", {
      method: "POST",
      json: { name: "tf-deploy", expiry_duration: 90 },
    });
    expect(created.status).toBe(200);
    const match = SECRET.exec(created.body.token);
    expect(match?.[1]).toBe(created.body.id);
    expect(created.body.user_id).toBe(sandbox.state.qernal.userId);
    expect(Date.parse(created.body.expiry_at) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    const read = await call(`/${created.body.id}`);
    expect(read.status).toBe(200);
    expect("token" in read.body).toBe(false);
    const never = await call<Record<string, unknown>>("", { method: "POST", json: { name: "forever", expiry_duration: 0 } });
    expect("expiry_at" in never.body).toBe(false);
  });

  it("pages with page[after] offsets and meta links until meta.end reaches meta.results", async () => {
    type List = { meta: { results: number; start: number; end: number; pages: number; links: { next: string } }; data: { id: string }[] };
    const access = await bearer();
    const ids: string[] = [];
    let query = "?page[size]=10";
    for (;;) {
      const page = await call<List>(query, { access });
      ids.push(...page.body.data.map((t) => t.id));
      if (page.body.meta.end >= page.body.meta.results) break;
      query = page.body.meta.links.next.replace("/auth/tokens", "");
    }
    expect(new Set(ids).size).toBe(sandbox.state.qernal.size);
    expect((await call<List>("?page[size]=1000", { access })).body.data).toHaveLength(100);
  });

  it("rename keeps the secret; a new lifetime regenerates it and the old one can no longer be exchanged", async () => {
    const created = await call<{ id: string; token: string }>("", { method: "POST", json: { name: "rotate", expiry_duration: 30 } });
    const renamed = await call<Record<string, unknown>>(`/${created.body.id}`, { method: "PUT", json: { name: "rotated" } });
    expect(renamed.body).toMatchObject({ name: "rotated" });
    expect("token" in renamed.body).toBe(false);
    expect((await exchange(created.body.token)).status).toBe(200);
    const extended = await call<{ id: string; token: string }>(`/${created.body.id}`, { method: "PUT", json: { expiry_duration: 180 } });
    expect(extended.body.id).toBe(created.body.id);
    expect(extended.body.token).toMatch(SECRET);
    expect(extended.body.token).not.toBe(created.body.token);
    expect((await exchange(created.body.token)).status).toBe(401);
    expect((await exchange(extended.body.token)).status).toBe(200);
  });

  it("deletes with 200 and a body; then 404 with the vendor's body", async () => {
    const created = await call<{ id: string }>("", { method: "POST", json: { name: "bye", expiry_duration: 0 } });
    expect((await call(`/${created.body.id}`, { method: "DELETE" })).body).toEqual({ message: "Resource deleted" });
    expect(await call(`/${created.body.id}`)).toMatchObject({ status: 404, body: { message: "Resource not found" } });
  });

  it("names the offending fields in a 400", async () => {
    const refused = await call("", { method: "POST", json: { name: "has space" } });
    expect(refused).toMatchObject({
      status: 400,
      body: { message: "Missing fields", fields: { name: expect.stringContaining("pattern"), expiry_duration: "is required" } },
    });
    expect((await call("?page[after]=x")).body).toMatchObject({ fields: { "page[after]": "must be integer" } });
  });
});

describe("the 2025-09-15 list shape", () => {
  it("is a bare array with Pagination-* headers and a Link to the next page", async () => {
    const arrays = await startSandbox({ port: 0, seed: "qernal-rules", qernalListShape: "array", validateResponses: true });
    try {
      const { secret, id } = split(arrays.credentials.qernal);
      const issued = await fetch(arrays.tokenUrl, {
        method: "POST",
        headers: FORM,
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: secret }),
      });
      const access = ((await issued.json()) as { access_token: string }).access_token;
      const response = await fetch(`${arrays.url("qernal")}/auth/tokens?page[size]=5`, { headers: { authorization: `Bearer ${access}` } });
      const body = (await response.json()) as unknown[];
      expect(body).toHaveLength(5);
      expect(response.headers.get("pagination-total-count")).toBe(String(arrays.state.qernal.size));
      expect(response.headers.get("link")).toContain(`<${arrays.url("qernal")}/auth/tokens?page[after]=5&page[size]=5>; rel="next"`);
      expect(arrays.violations).toEqual([]);
    } finally {
      await arrays.close();
    }
  });
});
