import { inspect } from "node:util";
import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  isApiError,
  isApiTokensError,
  isErrorOf,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  unwrap,
} from "../../src/index.js";
import { acmeClient } from "../fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const TOKEN = "acme-secret-token-0123456789";
const client = () => acmeClient({ baseUrl: server.url, token: TOKEN, retry: false });

describe("HTTP errors", () => {
  it.each([
    { status: 400, type: BadRequestError },
    { status: 401, type: AuthenticationError },
    { status: 403, type: PermissionDeniedError },
    { status: 404, type: NotFoundError },
    { status: 409, type: ConflictError },
    { status: 429, type: RateLimitError },
    { status: 500, type: ServerError },
    { status: 503, type: ServerError },
    { status: 418, type: ApiError },
  ])("$status is a $type.name", async ({ status, type }) => {
    server.next({ status, body: { error: { code: status, message: "nope" } } });
    const error = await unwrap(client().GET("/tokens/{id}", { params: { path: { id: "a1" } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(isApiError(error, status)).toBe(true);
    expect(error).toMatchObject({ status, vendor: "acme", operation: "GET /tokens/{id}" });
  });

  it("says vendor, status, operation and the vendor's own words", async () => {
    server.next({
      status: 400,
      body: {
        error: { code: 400, message: "Constraints violated.", constraintViolations: [{ path: "scopes", message: "must not be empty" }] },
      },
    });
    const error = (await unwrap(client().POST("/tokens", { body: { name: "x" } })).catch((e: unknown) => e)) as BadRequestError;
    expect(error.message).toBe("Acme 400 on POST /tokens: scopes: must not be empty");
    expect(error.body).toEqual({
      error: { code: 400, message: "Constraints violated.", constraintViolations: [{ path: "scopes", message: "must not be empty" }] },
    });
    expect(error.request).toEqual({ method: "POST", url: `${server.url}/tokens` });
  });

  it("keeps the raw { data, error } result for those who want it", async () => {
    server.next({ status: 400, body: { error: { code: 400, message: "bad" } } });
    const { data, error, response } = await client().POST("/tokens", { body: { name: "x" } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: { code: 400, message: "bad" } });
    expect(response.status).toBe(400);
  });

  it("carries the request id header", async () => {
    server.next({ status: 500, headers: { "x-request-id": "req-42" }, body: { error: { code: 500, message: "boom" } } });
    const error = (await unwrap(client().GET("/tokens/{id}", { params: { path: { id: "a1" } } })).catch((e: unknown) => e)) as ServerError;
    expect(error.requestId).toBe("req-42");
  });

  it("an HTML 502 page is a typed error, not a crash", async () => {
    server.next({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    });
    const error = (await unwrap(client().GET("/tokens/{id}", { params: { path: { id: "a1" } } })).catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.body).toBeUndefined();
    expect(error.message).toMatch(/^Acme 502 on GET \/tokens\/\{id\}: /);
  });

  it("an error with an empty body still says what happened", async () => {
    server.next({ status: 404 });
    const error = (await unwrap(client().GET("/tokens/{id}", { params: { path: { id: "a1" } } })).catch(
      (e: unknown) => e,
    )) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("Acme 404 on GET /tokens/{id}: Not Found");
  });
});

describe("bodies that break the spec's promise", () => {
  it.each([
    {
      given: "malformed JSON",
      reply: { status: 200, headers: { "content-type": "application/json" }, body: '{"id": "a1",' },
      want: /malformed JSON/,
    },
    {
      given: "an empty body",
      reply: { status: 200, headers: { "content-type": "application/json" }, body: "" },
      want: /empty body where JSON was expected/,
    },
    {
      given: "an HTML page",
      reply: { status: 200, headers: { "content-type": "text/html" }, body: "<html>login</html>" },
      want: /text\/html where JSON was expected/,
    },
  ])("$given on a 200 is a ResponseParseError", async ({ reply, want }) => {
    server.next(reply);
    const error = await client()
      .GET("/tokens/{id}", { params: { path: { id: "a1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).toMatch(want);
    expect((error as ResponseParseError).status).toBe(200);
  });

  it("an empty 204 is fine", async () => {
    server.next({ status: 204 });
    const { data, response } = await client().PUT("/tokens/{id}", { params: { path: { id: "a1" } }, body: { name: "x" } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
  });

  it("respects a caller's own parseAs", async () => {
    server.next({ status: 200, body: "not json at all" });
    const { data } = await client().GET("/tokens/{id}", { params: { path: { id: "a1" } }, parseAs: "text" });
    expect(data).toBe("not json at all");
  });
});

describe("network failures", () => {
  it("a refused connection is a ConnectionError", async () => {
    const closed = await startTestServer();
    const url = closed.url;
    await closed.close();
    const error = await acmeClient({ baseUrl: url, retry: false })
      .GET("/tokens/{id}", { params: { path: { id: "a1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe("guards", () => {
  // Another copy of the package and minified names: see brand.test.ts.
  it("do not take an error's name for its class", () => {
    const forged = Object.assign(new Error("x"), { name: "NotFoundError", status: 404 });
    expect(isApiError(forged)).toBe(false);
    expect(isApiTokensError(forged)).toBe(false);
    expect(isErrorOf(forged, NotFoundError)).toBe(false);
    expect(isApiError(new NotFoundError("x", { status: 404 }), 404)).toBe(true);
    expect(isApiError(new Error("x"))).toBe(false);
    expect(isApiError({ name: "ApiError", status: 1 })).toBe(false);
  });
});

describe("no secret in any printed form", () => {
  it("an error echoing the credential redacts it everywhere", async () => {
    server.next((r) => ({ status: 401, body: { error: { code: 401, message: `token ${String(r.headers.authorization)} is invalid` } } }));
    const error = await unwrap(client().GET("/tokens/{id}", { params: { path: { id: TOKEN } } })).catch((e: unknown) => e);
    for (const printed of [
      String(error),
      (error as Error).message,
      (error as Error).stack ?? "",
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(printed).not.toContain(TOKEN);
    }
    expect(JSON.stringify(error)).toContain('"status":401');
  });
});
