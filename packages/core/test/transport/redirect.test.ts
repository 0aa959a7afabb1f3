import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError, unwrap } from "../../src/index.js";
import { acmeClient } from "../fixtures.js";

// A server per test: the answers are scripted in order.
let server: TestServer;
let other: TestServer;
let auth: TestServer;
beforeEach(async () => {
  [server, other, auth] = await Promise.all([startTestServer(), startTestServer(), startTestServer()]);
  other.fallback({ status: 200, body: { id: "forged", name: "from elsewhere" } });
  auth.fallback({ status: 200, body: { access_token: "access-token-0123456789", token_type: "bearer", expires_in: 3600 } });
});
afterEach(() => Promise.all([server.close(), other.close(), auth.close()]));

const CREDENTIAL = "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@Q7.xVn2~pL_8rTb@4Kd";
const get = (client: ReturnType<typeof acmeClient>) => unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));

describe("redirects", () => {
  it.each([
    { scheme: "bearer", status: 307 },
    { scheme: "prefixed", status: 302 },
    { scheme: "custom", status: 301 },
    { scheme: "session", status: 308 },
    { scheme: "oauth", status: 303 },
  ])("a $status to another origin is not followed, so the $scheme credential never crosses", async ({ scheme, status }) => {
    server.next({ status, headers: { location: `${other.url}/elsewhere` } });
    const client = acmeClient({ baseUrl: server.url, scheme, token: CREDENTIAL, tokenUrl: `${auth.url}/oauth2/token` });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).message).toMatch(/redirect not followed/);
    expect(server.requests).toHaveLength(1);
    expect(Object.values(server.requests[0]?.headers ?? {}).join(" ")).toMatch(/Q7\.xVn2|access-token|5b0e7a3c/);
    expect(other.requests).toEqual([]);
  });

  it.each([
    { given: "a data: URL", location: 'data:application/json,{"id":"forged","name":"x"}' },
    { given: "a javascript: URL", location: "javascript:alert(1)" },
    { given: "an ftp: URL", location: "ftp://127.0.0.1/tokens/a1" },
    { given: "an unparseable location", location: "http://[::1" },
  ])("a redirect to $given is not followed and its body is never the answer", async ({ location }) => {
    server.next({ status: 302, headers: { location } });
    const error = await get(acmeClient({ baseUrl: server.url })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it("a same-origin redirect is followed with the credential", async () => {
    server.next({ status: 301, headers: { location: "/v2/tokens/a1" } });
    server.next({ status: 200, body: { id: "a1", name: "n" } });
    await get(acmeClient({ baseUrl: server.url, token: "tok-123456" }));
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["/tokens/a1", "Bearer tok-123456"],
      ["/v2/tokens/a1", "Bearer tok-123456"],
    ]);
  });

  it("a 303 after a POST becomes a body-less GET on the same origin", async () => {
    server.next({ status: 303, headers: { location: "/created/t1" } });
    server.next({ status: 201, body: { id: "t1", name: "ci", secret: "s" } });
    await unwrap(acmeClient({ baseUrl: server.url }).POST("/tokens", { body: { name: "ci" } }));
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body} ${r.headers["content-type"] ?? "-"}`)).toEqual([
      'POST /tokens {"name":"ci"} application/json',
      "GET /created/t1  -",
    ]);
  });

  it("a 307 or 308 of a request with a body is not re-sent (no copy of the body is kept)", async () => {
    server.next({ status: 308, headers: { location: "/tokens-v2" } });
    const error = await unwrap(acmeClient({ baseUrl: server.url }).POST("/tokens", { body: { name: "ci" } })).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(308);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /tokens"]);
  });

  it("stops after 20 hops and reports the last redirect", async () => {
    server.fallback({ status: 302, headers: { location: "/loop" } });
    const error = await get(acmeClient({ baseUrl: server.url })).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(302);
    expect(server.requests).toHaveLength(21);
  });
});
