import { startTestServer, type TestServer } from "@apitokens/testing";
import type { Middleware } from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigurationError, ConnectionError, unwrap } from "../../src/index.js";
import { acmeClient } from "../fixtures.js";

// A server per test, so a scripted answer is never taken by another test's late request.
let server: TestServer;
let other: TestServer;
let auth: TestServer;
let issued = 0;
beforeEach(async () => {
  [server, other, auth] = await Promise.all([startTestServer(), startTestServer(), startTestServer()]);
  issued = 0;
  auth.fallback(() => ({
    status: 200,
    body: { access_token: `access-${++issued}-0123456789abcdef`, token_type: "bearer", expires_in: 3600 },
  }));
  server.fallback({ status: 200, body: { id: "a1", name: "n" } });
  other.fallback({ status: 200, body: { id: "a1", name: "n" } });
});
afterEach(() => Promise.all([server.close(), other.close(), auth.close()]));

const CREDENTIAL = "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@Q7.xVn2~pL_8rTb@4Kd";
/** Every string a credential or an access token could show up as in a middleware's view. */
const SECRETS = [CREDENTIAL, "Q7.xVn2", "access-1-", "access-2-", "old-token-aaaa", "new-token-bbbb", btoa("5b0e7a3c")];

/** A middleware that writes down everything it is shown: headers and bodies, in every hook. */
function recorder(seen: string[]): Middleware {
  const headers = (h: Headers) => JSON.stringify([...h.entries()]);
  return {
    async onRequest({ request }) {
      seen.push(`request ${request.url} ${headers(request.headers)} ${request.body ? await request.clone().text() : ""}`);
      return undefined;
    },
    async onResponse({ request, response }) {
      seen.push(`response-of ${request.url} ${headers(request.headers)} ${headers(response.headers)} ${await response.clone().text()}`);
      return undefined;
    },
    onError({ request, error }) {
      seen.push(`error-of ${request.url} ${headers(request.headers)} ${String(error)}`);
      return undefined;
    },
  };
}

const options = (scheme: string) => ({
  baseUrl: server.url,
  scheme,
  token: scheme === "oauth" ? CREDENTIAL : ({ refresh }: { refresh: boolean }) => (refresh ? "new-token-bbbb" : "old-token-aaaa"),
  tokenUrl: `${auth.url}/oauth2/token`,
});

describe("no middleware ever sees the credential", () => {
  it.each([
    { scheme: "bearer", header: "authorization", sent: ["Bearer old-token-aaaa", "Bearer new-token-bbbb"] },
    { scheme: "prefixed", header: "authorization", sent: ["Api-Token old-token-aaaa", "Api-Token new-token-bbbb"] },
    { scheme: "custom", header: "x-api-key", sent: ["old-token-aaaa", "new-token-bbbb"] },
    { scheme: "session", header: "cookie", sent: ["acme_session=old-token-aaaa", "acme_session=new-token-bbbb"] },
    { scheme: "oauth", header: "authorization", sent: ["Bearer access-1-0123456789abcdef", "Bearer access-2-0123456789abcdef"] },
  ])("$scheme, on the first request and on the re-send after a 401", async ({ scheme, header, sent }) => {
    server.next({ status: 401, body: { error: { code: 401, message: "expired" } } });
    server.next({ status: 204 });
    const seen: string[] = [];
    const client = acmeClient(options(scheme));
    client.use(recorder(seen));
    await unwrap(client.PUT("/tokens/{id}", { params: { path: { id: "a1" } }, body: { name: "x" }, middleware: [recorder(seen)] }));
    // The server got the credential, both times, and the body both times.
    expect(server.requests.map((r) => [r.headers[header], r.body])).toEqual([
      [sent[0], '{"name":"x"}'],
      [sent[1], '{"name":"x"}'],
    ]);
    // Two middleware, each shown the request and the response.
    expect(seen).toHaveLength(4);
    const view = seen.join("\n");
    for (const secret of SECRETS) expect(view).not.toContain(secret);
    expect(view).not.toMatch(/authorization|x-api-key|acme_session/i);
  });

  it("nor in onError, when the request fails", async () => {
    server.fallback("reset");
    const seen: string[] = [];
    const client = acmeClient({ ...options("oauth"), retry: false });
    client.use(recorder(seen));
    const error = await client.GET("/tokens", { middleware: [recorder(seen)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer access-1-0123456789abcdef");
    expect(seen.filter((line) => line.startsWith("error-of"))).toHaveLength(2);
    for (const secret of SECRETS) expect(seen.join("\n")).not.toContain(secret);
  });

  it.each(["bearer", "prefixed", "custom", "session", "oauth"])(
    "%s: a middleware that points the request at another origin sends it without the credential",
    async (scheme) => {
      const client = acmeClient(options(scheme));
      const elsewhere: Middleware = { onRequest: ({ request }) => new Request(`${other.url}/steal`, request) };
      await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, middleware: [elsewhere] }));
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]?.headers.authorization).toBeUndefined();
      expect(other.requests[0]?.headers["x-api-key"]).toBeUndefined();
      expect(other.requests[0]?.headers.cookie).toBeUndefined();
      expect(server.requests).toHaveLength(0);
      expect(auth.requests).toHaveLength(0);
    },
  );
});

describe("the token request and the wire", () => {
  it("the OAuth2 token request is sent with credentials: omit", async () => {
    const sent: Request[] = [];
    const client = acmeClient({
      ...options("oauth"),
      fetch: (request, init) => {
        sent.push(request);
        return fetch(request, init);
      },
    });
    await unwrap(client.GET("/tokens"));
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.credentials}`)).toEqual([
      "POST /oauth2/token omit",
      "GET /tokens same-origin",
    ]);
  });

  it("a runtime's permission refusal (Deno's NotCapable) is a ConfigurationError and is not retried", async () => {
    let calls = 0;
    const client = acmeClient({
      baseUrl: server.url,
      fetch: async () => {
        calls++;
        throw Object.assign(new Error('Requires net access to "127.0.0.1", run again with the --allow-net flag'), { name: "NotCapable" });
      },
    });
    const error = await client.GET("/tokens").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/runtime refused network access \(NotCapable\)/);
    expect(((error as Error).cause as Error).name).toBe("NotCapable");
    expect(calls).toBe(1);
  });
});

describe("middleware and withOptions", () => {
  it("withOptions keeps middleware added with use(), and eject removes it from both", async () => {
    const seen: string[] = [];
    const client = acmeClient({ baseUrl: server.url });
    const middleware = recorder(seen);
    client.use(middleware);
    const once = client.withOptions({ retry: false });
    await once.GET("/tokens");
    expect(seen).toHaveLength(2);
    client.eject(middleware);
    await once.GET("/tokens");
    await client.GET("/tokens");
    expect(seen).toHaveLength(2);
    once.use(middleware);
    await client.GET("/tokens");
    expect(seen).toHaveLength(4);
    once.eject(middleware);
    await client.GET("/tokens");
    expect(seen).toHaveLength(4);
  });

  it("withOptions applies its own policy and leaves the client's alone", async () => {
    server.next({ status: 503 }, 2);
    const client = acmeClient({ baseUrl: server.url });
    expect((await client.withOptions({ retry: false }).GET("/tokens")).response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect((await client.GET("/tokens")).response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
  });
});
