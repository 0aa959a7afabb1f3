import { AuthenticationError, BadRequestError, NotFoundError, unwrap } from "@apitokens/core";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSematextClient, type ErrorResponse, type SematextClient } from "../src/index.js";

// The typed client drives the whole token lifecycle against @apitokens/sandbox over real
// HTTP on 127.0.0.1, and every assertion on the API's answers is checked against the
// sandbox's state as well.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let sandbox: RunningSandbox;
let client: SematextClient;
let appId: number;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "sematext-lifecycle", tokens: { sematext: 1200 }, validateResponses: true });
  client = createSematextClient({ baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext });
  appId = sandbox.sematextApps[0] ?? 0;
});
afterAll(async () => {
  // Everything the sandbox answered in these tests conformed to specs/sematext.yaml.
  expect(sandbox?.violations).toEqual([]);
  await sandbox?.close();
});

const app = () => ({ params: { path: { appId } } });
const token = (tokenId: number) => ({ params: { path: { appId, tokenId } } });
const list = async () => (await unwrap(client.GET("/users-web/api/v3/apps/{appId}/tokens", app()))).data?.tokens ?? [];

describe("Sematext lifecycle against the sandbox", () => {
  it("lists all 1,200+ tokens of an App in one answer, values included (Sematext does not paginate)", async () => {
    const tokens = await list();
    const stored = [...(sandbox.state.sematext.app(appId)?.tokens.values() ?? [])];
    expect(tokens).toHaveLength(1201);
    expect(tokens.map((t) => [t.id, t.token])).toEqual(stored.map((t) => [t.id, t.token]));
    expect(tokens.every((t) => UUID.test(t.token ?? ""))).toBe(true);
  });

  it("creates, finds, updates, regenerates and deletes a token; 404 after delete", async () => {
    const created = (
      await unwrap(
        client.POST("/users-web/api/v3/apps/{appId}/tokens", { ...app(), body: { name: "lifecycle", readable: true, writeable: true } }),
      )
    ).data?.token;
    const id = created?.id ?? -1;
    expect(created).toMatchObject({
      name: "lifecycle",
      readable: true,
      writeable: true,
      enabled: true,
      token: expect.stringMatching(UUID),
    });
    expect(sandbox.state.sematext.get(appId, id)).toMatchObject({ name: "lifecycle", token: created?.token });

    // Sematext has no "get one": a token is found in the list, value included.
    expect((await list()).find((t) => t.id === id)).toEqual(created);

    const updated = (
      await unwrap(
        client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { ...token(id), body: { name: "lifecycle-off", enabled: false } }),
      )
    ).data?.token;
    expect(updated).toMatchObject({ id, name: "lifecycle-off", enabled: false, token: created?.token });
    expect(sandbox.state.sematext.get(appId, id)).toMatchObject({ name: "lifecycle-off", enabled: false });

    // Regenerate: same id, name and permissions; a new value.
    const regenerated = (await unwrap(client.POST("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", token(id)))).data?.token;
    expect(regenerated).toEqual({ ...updated, token: regenerated?.token });
    expect(regenerated?.token).toMatch(UUID);
    expect(regenerated?.token).not.toBe(created?.token);
    expect(sandbox.state.sematext.get(appId, id)?.token).toBe(regenerated?.token);

    const deleted = await unwrap(client.DELETE("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", token(id)));
    expect(deleted).toEqual({ success: true, data: {} });
    expect(sandbox.state.sematext.get(appId, id)).toBeUndefined();
    expect((await list()).some((t) => t.id === id)).toBe(false);

    const gone = await unwrap(client.POST("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", token(id))).catch(
      (e: unknown) => e,
    );
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((gone as NotFoundError<ErrorResponse>).body).toEqual({ success: false, message: `invalid token id ${id}` });
  });

  it("gets the vendor's envelope for bad requests, unknown Apps and a wrong key", async () => {
    const bad = await unwrap(client.POST("/users-web/api/v3/apps/{appId}/tokens", { ...app(), body: { name: "neither" } })).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError<ErrorResponse>).body).toEqual({
      success: false,
      message: "Invalid request",
      errors: [{ code: "VALIDATION_ERROR", message: "a token must be readable or writeable" }],
    });

    const missing = await unwrap(client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: 1 } } })).catch(
      (e: unknown) => e,
    );
    expect((missing as NotFoundError<ErrorResponse>).body).toEqual({ success: false, message: "invalid app id 1" });

    const stranger = createSematextClient({ baseUrl: sandbox.url("sematext"), token: crypto.randomUUID() });
    const refused = await unwrap(stranger.GET("/users-web/api/v3/apps/{appId}/tokens", app())).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect((refused as AuthenticationError<ErrorResponse>).body).toEqual({ success: false, message: "Unauthorized" });
  });
});
