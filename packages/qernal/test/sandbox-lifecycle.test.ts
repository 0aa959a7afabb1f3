import { BadRequestError, NotFoundError, paginate, TokenExchangeError, unwrap } from "@apitokens/core";
import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BadRequestResponse, createQernalClient, type NotFoundResponse, type QernalClient } from "../src/index.js";

// The typed client drives the whole token lifecycle against @apitokens/sandbox over real
// HTTP on 127.0.0.1 — including the OAuth2 client-credentials exchange at the sandbox's token
// endpoint — and every assertion on the API's answers is checked against the sandbox's state.

const SECRET = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@(.+)$/;
let sandbox: RunningSandbox;
let client: QernalClient;
const requested: string[] = [];

const clientFor = (token: string) => createQernalClient({ baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "qernal-lifecycle", tokens: { qernal: 1200 }, validateResponses: true });
  client = createQernalClient({
    baseUrl: sandbox.url("qernal"),
    tokenUrl: sandbox.tokenUrl,
    token: sandbox.credentials.qernal,
    fetch: (input, init) => {
      requested.push(input.url);
      return fetch(input, init);
    },
  });
});
afterAll(async () => {
  // Everything the sandbox answered in these tests conformed to specs/qernal.yaml.
  expect(sandbox?.violations).toEqual([]);
  await sandbox?.close();
});

describe("Qernal lifecycle against the sandbox", () => {
  it("lists 1,200+ tokens with paginate, following the page links", async () => {
    requested.length = 0;
    const ids: string[] = [];
    for await (const token of paginate(client, "/auth/tokens", { params: { query: { page: { size: 100 } } } })) ids.push(token.id);
    expect(ids).toHaveLength(sandbox.state.qernal.size);
    expect(new Set(ids)).toEqual(new Set(sandbox.state.qernal.all().map((t) => t.id)));
    const pages = requested.filter((url) => url.startsWith(sandbox.url("qernal")));
    expect(pages).toHaveLength(Math.ceil(sandbox.state.qernal.size / 100));
    // One exchange at the token endpoint served every page.
    expect(requested.filter((url) => url === sandbox.tokenUrl)).toHaveLength(1);
  });

  it("lists the same way when the server sends the 2025-09-15 bare array with Link headers", async () => {
    const arrays = await startSandbox({
      port: 0,
      seed: "qernal-lifecycle",
      tokens: { qernal: 250 },
      qernalListShape: "array",
      validateResponses: true,
    });
    try {
      const pages: string[] = [];
      const arrayClient = createQernalClient({
        baseUrl: arrays.url("qernal"),
        tokenUrl: arrays.tokenUrl,
        token: arrays.credentials.qernal,
        fetch: (input, init) => {
          if (input.url.startsWith(arrays.url("qernal"))) pages.push(input.url);
          return fetch(input, init);
        },
      });
      const ids: string[] = [];
      for await (const token of paginate(arrayClient, "/auth/tokens", { params: { query: { page: { size: 100 } } } })) ids.push(token.id);
      expect(new Set(ids)).toEqual(new Set(arrays.state.qernal.all().map((t) => t.id)));
      expect(ids).toHaveLength(251);
      expect(pages).toHaveLength(3);
      expect(arrays.violations).toEqual([]);
    } finally {
      await arrays.close();
    }
  });

  it("creates, gets, updates, rotates and deletes a token; 404 after delete", async () => {
    const created = await unwrap(client.POST("/auth/tokens", { body: { name: "lifecycle", expiry_duration: 30 } }));
    const match = SECRET.exec(created.token ?? "");
    expect(match?.[1]).toBe(created.id);
    expect(sandbox.state.qernal.get(created.id)).toMatchObject({ name: "lifecycle", secret: created.token });

    // The new token works as a credential of its own: exchanged, then sent as Bearer.
    const own = clientFor(created.token ?? "");
    expect((await unwrap(own.GET("/auth/tokens/{token_id}", { params: { path: { token_id: created.id } } }))).name).toBe("lifecycle");

    const read = await unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: created.id } } }));
    expect(read).toMatchObject({ id: created.id, name: "lifecycle", user_id: sandbox.state.qernal.userId });
    expect("token" in read).toBe(false);

    const renamed = await unwrap(
      client.PUT("/auth/tokens/{token_id}", { params: { path: { token_id: created.id } }, body: { name: "lifecycle-renamed" } }),
    );
    expect(renamed.token).toBeUndefined();
    expect(sandbox.state.qernal.get(created.id)?.name).toBe("lifecycle-renamed");

    // A new lifetime regenerates the secret in the sandbox: same id, new <id>@<secret>.
    const rotated = await unwrap(
      client.PUT("/auth/tokens/{token_id}", { params: { path: { token_id: created.id } }, body: { expiry_duration: 90 } }),
    );
    expect(rotated.id).toBe(created.id);
    expect(SECRET.exec(rotated.token ?? "")?.[1]).toBe(created.id);
    expect(rotated.token).not.toBe(created.token);
    await expect(unwrap(clientFor(created.token ?? "").GET("/auth/tokens"))).rejects.toBeInstanceOf(TokenExchangeError);

    const deleted = await unwrap(client.DELETE("/auth/tokens/{token_id}", { params: { path: { token_id: created.id } } }));
    expect(deleted).toEqual({ message: "Resource deleted" });
    expect(sandbox.state.qernal.get(created.id)).toBeUndefined();

    const gone = await unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: created.id } } })).catch(
      (e: unknown) => e,
    );
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((gone as NotFoundError<NotFoundResponse>).body).toEqual({ message: "Resource not found" });

    // The client of the deleted token had an access token; it is revoked, and exchanging again fails.
    await expect(unwrap(own.GET("/auth/tokens"))).rejects.toBeInstanceOf(TokenExchangeError);
  });

  it("gets the vendor's BadRequestResponse for bad requests", async () => {
    const bad = await unwrap(client.POST("/auth/tokens", { body: { name: "has digits 42", expiry_duration: 1 } })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError<BadRequestResponse>).body).toEqual({
      message: "Invalid fields",
      fields: { name: 'must match pattern "^[A-z-]+$"' },
    });
  });

  it("cannot exchange an unknown credential", async () => {
    const stranger = clientFor(`${crypto.randomUUID()}@not-the-secret`);
    const refused = await unwrap(stranger.GET("/auth/tokens")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TokenExchangeError);
    expect((refused as TokenExchangeError).status).toBe(401);
  });
});
