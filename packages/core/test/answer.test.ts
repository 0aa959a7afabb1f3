import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ResponseParseError, unwrap } from "../src/index.js";
import { acmeClient } from "./fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const LOGIN_PAGE = "<!doctype html><html><body><form action=/login>Sign in to the proxy</form></body></html>";
const html = { "content-type": "text/html; charset=utf-8" };
const client = () => acmeClient({ baseUrl: server.url, retry: false });
const id = { params: { path: { id: "a1" } } };

describe("an answer the operation does not declare is an error", () => {
  it.each([
    {
      given: "a 200 HTML login page where the spec says 204",
      reply: { status: 200, headers: html, body: LOGIN_PAGE },
      call: () => client().DELETE("/tokens/{id}", id),
      want: "Acme on DELETE /tokens/{id}: 200 is not an answer the spec declares (it declares 204)",
    },
    {
      given: "a 200 JSON body where the spec says 204",
      reply: { status: 200, body: { deleted: true } },
      call: () => client().DELETE("/tokens/{id}", id),
      want: "Acme on DELETE /tokens/{id}: 200 is not an answer the spec declares (it declares 204)",
    },
    {
      given: "a 202 where the spec says 200",
      reply: { status: 202, body: { id: "a1", name: "n" } },
      call: () => client().GET("/tokens/{id}", id),
      want: "Acme on GET /tokens/{id}: 202 is not an answer the spec declares (it declares 200)",
    },
    {
      given: "HTML where only JSON is declared",
      reply: { status: 200, headers: html, body: LOGIN_PAGE },
      call: () => client().GET("/tokens/{id}", id),
      want: "Acme on GET /tokens/{id}: 200 with text/html where JSON was expected",
    },
    {
      given: "an untyped non-JSON body where JSON is declared",
      reply: { status: 200, body: LOGIN_PAGE },
      call: () => client().GET("/tokens/{id}", id),
      want: "Acme on GET /tokens/{id}: 200 with malformed JSON",
    },
    {
      given: "an empty 200 where JSON is declared",
      reply: { status: 200 },
      call: () => client().GET("/tokens/{id}", id),
      want: "Acme on GET /tokens/{id}: 200 with an empty body where JSON was expected",
    },
    {
      given: "an undeclared status even when the caller parses the body itself",
      reply: { status: 200, headers: html, body: LOGIN_PAGE },
      call: () => client().DELETE("/tokens/{id}", { ...id, parseAs: "text" }),
      want: "Acme on DELETE /tokens/{id}: 200 is not an answer the spec declares (it declares 204)",
    },
  ])("$given", async ({ reply, call, want }) => {
    server.next(reply);
    const error = await unwrap(call() as Promise<{ data?: unknown; response: Response }>).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).message).toBe(want);
    expect((error as ResponseParseError).status).toBe(reply.status);
  });

  it("keeps a snippet of the body for the reader", async () => {
    server.next({ status: 200, headers: html, body: LOGIN_PAGE });
    const error = (await unwrap(client().DELETE("/tokens/{id}", id)).catch((e: unknown) => e)) as ResponseParseError;
    expect(error.contentType).toBe("text/html; charset=utf-8");
    expect(error.bodySnippet).toContain("Sign in to the proxy");
  });
});

describe("declared answers pass", () => {
  it.each([
    { given: "204 where 204 is declared", reply: { status: 204 }, call: () => client().DELETE("/tokens/{id}", id), want: undefined },
    {
      given: "JSON with a charset where JSON is declared",
      reply: { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: '{"id":"a1","name":"n"}' },
      call: () => client().GET("/tokens/{id}", id),
      want: { id: "a1", name: "n" },
    },
    {
      given: "a path outside the spec (not checked)",
      reply: { status: 200, headers: html, body: "<p>hi</p>" },
      call: () => client().request("get", "/health" as "/tokens"),
      want: "<p>hi</p>",
    },
  ])("$given", async ({ reply, call, want }) => {
    server.next(reply);
    expect(await unwrap(call() as Promise<{ data?: unknown; response: Response }>)).toEqual(want);
  });
});
