import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SchemeSetup, selectScheme } from "../../src/auth/scheme.js";
import {
  type ApiSpec,
  apiKeyAuth,
  ConfigurationError,
  CredentialError,
  httpAuth,
  oauth2ClientCredentialsAuth,
  Redactor,
  Secret,
  unwrap,
  wire,
} from "../../src/index.js";
import { acmeClient, spec } from "../fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.fallback({ status: 200, body: { id: "a1", name: "n" } });
});

const get = (client: ReturnType<typeof acmeClient>) => unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));

describe("spec-driven schemes", () => {
  it.each([
    { scheme: "bearer", header: "authorization", want: "Bearer tok-123456" },
    { scheme: "prefixed", header: "authorization", want: "Api-Token tok-123456" },
    { scheme: "custom", header: "x-api-key", want: "tok-123456" },
    { scheme: "session", header: "cookie", want: "acme_session=tok-123456" },
  ])("$scheme sends $header: $want", async ({ scheme, header, want }) => {
    await get(acmeClient({ baseUrl: server.url, token: "tok-123456", scheme }));
    expect(server.requests[0]?.headers[header]).toBe(want);
  });

  const setupOf = (of: ApiSpec): SchemeSetup => ({ spec: of, exchange: wire, fetch: globalThis.fetch, redactor: new Redactor() });

  it("uses the first of the spec's security alternatives by default", () => {
    expect(selectScheme(spec, undefined, setupOf(spec))[0]).toBe("bearer");
  });

  it.each([
    {
      given: "a scheme without its implementation (nothing in the bundle applies it)",
      schemes: { plain: { type: "http", scheme: "bearer" }, key: { type: "apiKey", in: "header", name: "X-Key", auth: apiKeyAuth } },
      want: "key",
    },
    {
      given: "an API key in the query string (it would end up in logs)",
      schemes: {
        query: { type: "apiKey", in: "query", name: "key", auth: apiKeyAuth },
        bearer: { type: "http", scheme: "bearer", auth: httpAuth },
      },
      want: "bearer",
    },
    {
      given: "an OAuth2 scheme without a client-credentials flow",
      schemes: {
        code: { type: "oauth2", flows: {}, auth: oauth2ClientCredentialsAuth },
        bearer: { type: "http", scheme: "bearer", auth: httpAuth },
      },
      want: "bearer",
    },
  ] as const)("skips $given", ({ schemes, want }) => {
    const of: ApiSpec = { ...spec, securitySchemes: schemes, security: Object.keys(schemes).map((name) => [name]) };
    expect(selectScheme(of, undefined, setupOf(of))[0]).toBe(want);
  });

  it("refuses a spec none of whose schemes it can apply, naming them", () => {
    const of: ApiSpec = { ...spec, securitySchemes: { plain: { type: "http", scheme: "bearer" } }, security: [["plain"]] };
    expect(() => selectScheme(of, undefined, setupOf(of))).toThrow("the spec declares no security scheme core can apply (it has: plain)");
  });

  it("accepts a Secret as the token", async () => {
    await get(acmeClient({ baseUrl: server.url, token: new Secret("tok-from-secret") }));
    expect(server.requests[0]?.headers.authorization).toBe("Bearer tok-from-secret");
  });

  it("refuses an unknown scheme at construction", () => {
    expect(() => acmeClient({ baseUrl: server.url, scheme: "nope" })).toThrow(ConfigurationError);
  });
});

describe("credential checks, before anything is sent", () => {
  it.each([
    { given: "line feed", token: "abc\ndef", want: /line feed \(LF\) at position 4/ },
    { given: "carriage return", token: "abc\r\nX-Evil: 1", want: /carriage return \(CR\) at position 4/ },
    { given: "trailing newline", token: "abcdef\n", want: /line feed \(LF\) at position 7/ },
    { given: "NUL", token: "ab\u0000cd", want: /NUL character/ },
    { given: "non-ASCII", token: "tökén", want: /non-ASCII character at position 2/ },
    { given: "leading space", token: " abc", want: /leading or trailing space/ },
  ])("refuses a token with a $given, without printing it", ({ token, want }) => {
    let error: unknown;
    try {
      acmeClient({ baseUrl: server.url, token });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CredentialError);
    expect((error as Error).message).toMatch(want);
    expect((error as Error).message).not.toContain(token);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    { given: "empty", token: "" },
    { given: "blank", token: "   " },
    { given: "missing", token: undefined },
  ])("refuses a $given token naming the option and the environment variable", ({ token }) => {
    expect(() => acmeClient({ baseUrl: server.url, token: token as string })).toThrow(/`token`.*ACME_TOKEN/);
  });

  it("checks what a token function returns, per request, before sending", async () => {
    const client = acmeClient({ baseUrl: server.url, token: () => "bad\r\nvalue" });
    await expect(get(client)).rejects.toThrow(CredentialError);
    expect(server.requests).toHaveLength(0);
  });

  it("reports a failing token function as a CredentialError with the cause", async () => {
    const client = acmeClient({
      baseUrl: server.url,
      token: async () => {
        throw new Error("vault unreachable");
      },
    });
    const error = await get(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialError);
    expect(((error as Error).cause as Error).message).toBe("vault unreachable");
  });
});

describe("the credential stays on the client's origin", () => {
  let other: TestServer;
  beforeAll(async () => {
    other = await startTestServer();
  });
  afterAll(() => other.close());
  beforeEach(() => other.reset());

  it("sends no auth header when a request targets another origin", async () => {
    other.fallback({ status: 200, body: { id: "a1", name: "n" } });
    const client = acmeClient({ baseUrl: server.url, token: "tok-123456" });
    await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, baseUrl: other.url }));
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("keeps the credential on a same-origin redirect", async () => {
    server.next({ status: 301, headers: { location: "/v2/tokens/a1" } });
    const client = acmeClient({ baseUrl: server.url, token: "tok-123456" });
    await get(client);
    expect(server.requests[1]?.url).toBe("/v2/tokens/a1");
    expect(server.requests[1]?.headers.authorization).toBe("Bearer tok-123456");
  });
});
