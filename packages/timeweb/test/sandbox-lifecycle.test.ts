import { AuthenticationError, BadRequestError, NotFoundError, unwrap } from "@apitokens/core";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTimewebClient, type ErrorResponse, type TimewebClient } from "../src/index.js";

// The typed client drives the whole token lifecycle against @apitokens/sandbox over real
// HTTP on 127.0.0.1, and every assertion on the API's answers is checked against the
// sandbox's state as well.

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
let sandbox: RunningSandbox;
let client: TimewebClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "timeweb-lifecycle", tokens: { timeweb: 1200 }, validateResponses: true });
  client = createTimewebClient({ baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb });
});
afterAll(async () => {
  // Everything the sandbox answered in these tests conformed to specs/timeweb.yaml.
  expect(sandbox?.violations).toEqual([]);
  await sandbox?.close();
});

const list = () => unwrap(client.GET("/api/v1/auth/api-keys"));

describe("Timeweb lifecycle against the sandbox", () => {
  it("lists all 1,200+ tokens in one answer (Timeweb does not paginate)", async () => {
    const listed = await list();
    expect(listed.meta.total).toBe(sandbox.state.timeweb.size);
    expect(listed.api_keys).toHaveLength(1201);
    expect(new Set(listed.api_keys.map((key) => key.id))).toEqual(new Set(sandbox.state.timeweb.all().map((t) => t.id)));
    expect(listed.api_keys.every((key) => !("token" in key))).toBe(true);
  });

  it("creates, finds, renames, reissues and deletes a token; 404 after delete", async () => {
    const created = await unwrap(
      client.POST("/api/v1/auth/api-keys", { body: { name: "lifecycle", expire: "2099-01-01T00:00:00Z", roles: ["domains:read"] } }),
    );
    const { id, token: firstSecret } = created.api_key;
    expect(firstSecret).toMatch(JWT);
    expect(sandbox.state.timeweb.get(id)).toMatchObject({ name: "lifecycle", secret: firstSecret, roles: ["domains:read"] });

    // Timeweb has no "get one": a token is found in the list.
    expect((await list()).api_keys.find((key) => key.id === id)).toMatchObject({
      name: "lifecycle",
      expired_at: "2099-01-01T00:00:00Z",
      is_able_to_delete: false,
    });

    const renamed = await unwrap(
      client.PATCH("/api/v1/auth/api-keys/{token_id}", {
        params: { path: { token_id: id } },
        body: { name: "lifecycle-v2", is_able_to_delete: true },
      }),
    );
    expect(renamed.api_key).toMatchObject({ id, name: "lifecycle-v2", is_able_to_delete: true });
    expect(sandbox.state.timeweb.get(id)).toMatchObject({ name: "lifecycle-v2", isAbleToDelete: true });

    // Reissue: same id, new JWT; the old JWT stops working, the new one works.
    const reissued = await unwrap(client.PUT("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: id } }, body: {} }));
    expect(reissued.api_key.id).toBe(id);
    expect(reissued.api_key.token).toMatch(JWT);
    expect(reissued.api_key.token).not.toBe(firstSecret);
    expect(sandbox.state.timeweb.get(id)?.secret).toBe(reissued.api_key.token);
    const withOld = createTimewebClient({ baseUrl: sandbox.url("timeweb"), token: firstSecret });
    await expect(unwrap(withOld.GET("/api/v1/auth/api-keys"))).rejects.toBeInstanceOf(AuthenticationError);
    const withNew = createTimewebClient({ baseUrl: sandbox.url("timeweb"), token: reissued.api_key.token });
    expect((await unwrap(withNew.GET("/api/v1/auth/api-keys"))).meta.total).toBe(sandbox.state.timeweb.size);

    await unwrap(client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: id } } }));
    expect(sandbox.state.timeweb.get(id)).toBeUndefined();
    expect((await list()).api_keys.some((key) => key.id === id)).toBe(false);
    const gone = await unwrap(
      client.PATCH("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: id } }, body: { name: "x" } }),
    ).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((gone as NotFoundError<ErrorResponse>).body).toMatchObject({
      status_code: 404,
      error_code: "not_found",
      response_id: expect.any(String),
    });
    expect((gone as NotFoundError<ErrorResponse>).requestId).toBe((gone as NotFoundError<ErrorResponse>).body?.response_id);
  });

  it("gets the vendor's error body for bad requests and a wrong token", async () => {
    const bad = await unwrap(
      client.PUT("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: "not-a-uuid" } }, body: {} }),
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError<ErrorResponse>).body).toMatchObject({
      status_code: 400,
      error_code: "bad_request",
      message: 'token_id must match format "uuid"',
    });

    const past = await unwrap(client.POST("/api/v1/auth/api-keys", { body: { name: "late", expire: "2001-01-01T00:00:00Z" } })).catch(
      (e: unknown) => e,
    );
    expect((past as BadRequestError<ErrorResponse>).body).toMatchObject({
      status_code: 400,
      message: "expire must be a date-time in the future",
    });

    const stranger = createTimewebClient({ baseUrl: sandbox.url("timeweb"), token: "eyJhbGciOiJSUzUxMiJ9.eyJqdGkiOiJ4In0.c2ln" });
    const refused = await unwrap(stranger.GET("/api/v1/auth/api-keys")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect((refused as AuthenticationError<ErrorResponse>).body).toMatchObject({ status_code: 401, error_code: "unauthorized" });
  });
});
