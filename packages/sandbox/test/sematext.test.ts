import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startSandbox } from "../src/node.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "sematext-rules", validateResponses: true });
});
afterAll(async () => {
  expect(sandbox.violations).toEqual([]);
  await sandbox?.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type Dto = { id: number; name: string; token: string; readable: boolean; writeable: boolean; enabled: boolean; createdAt: string };
const app = () => sandbox.sematextApps[0] ?? 0;
async function call<T = Record<string, unknown>>(
  path: string,
  init: { method?: string; json?: unknown; key?: string; appId?: number } = {},
) {
  const response = await fetch(`${sandbox.url("sematext")}/users-web/api/v3/apps/${init.appId ?? app()}/tokens${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: init.key ?? `apiKey ${sandbox.credentials.sematext}`,
      ...(init.json === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe("Sematext App tokens", () => {
  it("lists the App's tokens with their values, every time", async () => {
    const listed = await call<{ success: boolean; data: { tokens: Dto[] } }>("");
    expect(listed.body.success).toBe(true);
    expect(listed.body.data.tokens).toHaveLength(sandbox.state.sematext.app(app())?.tokens.size ?? -1);
    expect(listed.body.data.tokens.every((t) => UUID.test(t.token))).toBe(true);
    expect(listed.body.data.tokens[0]).toMatchObject({ name: "default", readable: true, writeable: true });
  });

  it("regenerate keeps id, name and permissions and changes the value", async () => {
    const created = await call<{ data: { token: Dto } }>("", { method: "POST", json: { name: "shipper", writeable: true } });
    const before = created.body.data.token;
    expect(before).toMatchObject({ readable: false, writeable: true, enabled: true });
    const after = (await call<{ data: { token: Dto } }>(`/${before.id}/regenerate`, { method: "POST" })).body.data.token;
    expect(after).toEqual({ ...before, token: after.token });
    expect(after.token).toMatch(UUID);
    expect(after.token).not.toBe(before.token);
    expect(sandbox.state.sematext.get(app(), before.id)?.token).toBe(after.token);
  });

  it("updates name and enabled only; permissions stay as created", async () => {
    const { body } = await call<{ data: { token: Dto } }>("", { method: "POST", json: { name: "reader", readable: true } });
    const updated = await call<{ data: { token: Dto } }>(`/${body.data.token.id}`, {
      method: "PUT",
      json: { name: "reader-old", enabled: false, writeable: true },
    });
    expect(updated.body.data.token).toMatchObject({ name: "reader-old", enabled: false, readable: true, writeable: false });
  });

  it("deletes with the generic envelope, then knows the token no more", async () => {
    const { body } = await call<{ data: { token: Dto } }>("", { method: "POST", json: { name: "temp", writeable: true } });
    expect((await call(`/${body.data.token.id}`, { method: "DELETE" })).body).toEqual({ success: true, data: {} });
    expect(await call(`/${body.data.token.id}/regenerate`, { method: "POST" })).toEqual({
      status: 404,
      body: { success: false, message: `invalid token id ${body.data.token.id}` },
    });
  });

  it("keeps tokens per App: another App's token id is unknown here", async () => {
    const other = sandbox.sematextApps[1] ?? 0;
    const { body } = await call<{ data: { token: Dto } }>("", {
      method: "POST",
      json: { name: "elsewhere", writeable: true },
      appId: other,
    });
    expect((await call(`/${body.data.token.id}`, { method: "PUT", json: {} })).status).toBe(404);
    expect((await call("", { appId: 1 })).body).toEqual({ success: false, message: "invalid app id 1" });
  });

  it("wants the account API key with its apiKey prefix", async () => {
    expect((await call("", { key: sandbox.credentials.sematext })).body).toEqual({ success: false, message: "Unauthorized" });
    expect((await call("", { key: `Bearer ${sandbox.credentials.sematext}` })).status).toBe(401);
    const value = sandbox.state.sematext.app(app())?.tokens.values().next().value?.token;
    expect((await call("", { key: `apiKey ${value}` })).status).toBe(401);
  });

  it("explains a bad request in the envelope's errors", async () => {
    expect(await call("", { method: "POST", json: { name: ["x"], readable: "yes" } })).toEqual({
      status: 400,
      body: {
        success: false,
        message: "Invalid request",
        errors: [
          { code: "VALIDATION_ERROR", message: "name: must be string" },
          { code: "VALIDATION_ERROR", message: "readable: must be boolean" },
        ],
      },
    });
  });
});
