import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/node.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "timeweb-rules", validateResponses: true });
});
afterAll(async () => {
  expect(sandbox.violations).toEqual([]);
  await sandbox?.close();
});

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const base = () => `${sandbox.url("timeweb")}/api/v1/auth/api-keys`;
async function call<T = Record<string, unknown>>(path: string, init: { method?: string; json?: unknown; token?: string } = {}) {
  const response = await fetch(`${base()}${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${init.token ?? sandbox.credentials.timeweb}`,
      ...(init.json === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
type Created = { api_key: { id: string; token: string; created_at: string; expired_at: string | null; name: string } };

const payload = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;

describe("Timeweb tokens", () => {
  it("creates a JWT whose payload names the token", async () => {
    const created = await call<Created>("", { method: "POST", json: { name: "терраформ", expire: "2099-03-14T00:00:00Z" } });
    expect(created.status).toBe(201);
    expect(created.body.api_key.token).toMatch(JWT);
    expect(payload(created.body.api_key.token)).toMatchObject({
      jti: created.body.api_key.id,
      login: sandbox.state.timeweb.login,
      exp: Date.UTC(2099, 2, 14) / 1000,
    });
    expect(created.body.api_key).toMatchObject({ name: "терраформ", expired_at: "2099-03-14T00:00:00Z" });
    expect("is_able_to_delete" in created.body.api_key).toBe(false);
  });

  it("lists every token at once, without secrets, newest first", async () => {
    const listed = await call<{ meta: { total: number }; api_keys: Record<string, unknown>[] }>("");
    expect(listed.body.meta.total).toBe(sandbox.state.timeweb.size);
    expect(listed.body.api_keys).toHaveLength(sandbox.state.timeweb.size);
    expect(listed.body.api_keys.every((key) => !("token" in key))).toBe(true);
    const created = listed.body.api_keys.map((key) => Date.parse(String(key.created_at)));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(listed.body.api_keys.some((key) => key.expired_at === null)).toBe(true);
  });

  it("reissue keeps the id, changes the JWT, and the old JWT stops working", async () => {
    const created = await call<Created>("", { method: "POST", json: { name: "rotating", expire: "2099-01-01T00:00:00Z" } });
    const { id, token: old } = created.body.api_key;
    expect((await call("", { token: old })).status).toBe(200);
    const reissued = await call<Created>(`/${id}`, { method: "PUT", json: {} });
    expect(reissued.status).toBe(200);
    expect(reissued.body.api_key.id).toBe(id);
    expect(reissued.body.api_key.token).toMatch(JWT);
    expect(reissued.body.api_key.token).not.toBe(old);
    expect(reissued.body.api_key.expired_at).toBe("2099-01-01T00:00:00Z");
    expect(sandbox.state.timeweb.get(id)?.secret).toBe(reissued.body.api_key.token);
    expect((await call("", { token: old })).body).toMatchObject({ status_code: 401, error_code: "unauthorized" });
    expect((await call("", { token: reissued.body.api_key.token })).status).toBe(200);
    const extended = await call<Created>(`/${id}`, { method: "PUT", json: { expire: "2100-01-01T00:00:00Z" } });
    expect(extended.body.api_key.expired_at).toBe("2100-01-01T00:00:00Z");
  });

  it("renames and changes the deletion permission, returning metadata only", async () => {
    const { body } = await call<Created>("", { method: "POST", json: { name: "before" } });
    const updated = await call<{ api_key: Record<string, unknown> }>(`/${body.api_key.id}`, {
      method: "PATCH",
      json: { name: "after", is_able_to_delete: true },
    });
    expect(updated.body.api_key).toEqual({
      id: body.api_key.id,
      created_at: body.api_key.created_at,
      name: "after",
      expired_at: null,
      is_able_to_delete: true,
    });
  });

  it("revokes with 204; the token is then unknown (404) and its JWT refused (401)", async () => {
    const { body } = await call<Created>("", { method: "POST", json: { name: "short-lived" } });
    expect((await call(`/${body.api_key.id}`, { method: "DELETE" })).status).toBe(204);
    expect(sandbox.state.timeweb.get(body.api_key.id)).toBeUndefined();
    expect((await call(`/${body.api_key.id}`, { method: "PATCH", json: {} })).body).toMatchObject({
      status_code: 404,
      error_code: "not_found",
    });
    expect((await call("", { token: body.api_key.token })).status).toBe(401);
  });

  it("refuses an expired token and explains bad requests in its error body", async () => {
    const expired = sandbox.state.timeweb.create({
      name: "old",
      createdAt: Date.now() - 1e9,
      expiredAt: Date.now() - 1,
      isAbleToDelete: false,
      roles: undefined,
      projects: null,
    });
    expect((await call("", { token: expired.secret })).status).toBe(401);
    const refused = await call<{ status_code: number; error_code: string; message: string[]; response_id: string }>("", {
      method: "POST",
      json: { name: 7, is_able_to_delete: "yes" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      status_code: 400,
      error_code: "bad_request",
      message: ["name must be string", "is_able_to_delete must be boolean"],
    });
    expect(refused.body.response_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
