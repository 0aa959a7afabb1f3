import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClientCredentialsExchanger } from "../../src/auth/oauth2-client-credentials.js";
import { CredentialError, Redactor, TokenExchangeError, unwrap } from "../../src/index.js";
import { acmeClient } from "../fixtures.js";

let api: TestServer;
let auth: TestServer;
let issued = 0;
beforeAll(async () => {
  api = await startTestServer();
  auth = await startTestServer();
});
afterAll(async () => {
  await api.close();
  await auth.close();
});
beforeEach(() => {
  api.reset();
  auth.reset();
  issued = 0;
  auth.fallback(() => ({ status: 200, body: { access_token: `access-${++issued}-xyz`, token_type: "bearer", expires_in: 3600 } }));
  api.fallback({ status: 200, body: { id: "a1", name: "n" } });
});

const CREDENTIAL = "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@Q7.xVn2~pL_8rTb@4Kd";
const client = () => acmeClient({ baseUrl: api.url, token: CREDENTIAL, scheme: "oauth", tokenUrl: `${auth.url}/oauth2/token` });
const get = (c: ReturnType<typeof acmeClient>) => unwrap(c.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));

describe("OAuth2 client credentials", () => {
  it("exchanges <id>@<secret> with HTTP Basic and sends the access token as Bearer", async () => {
    await get(client());
    const exchange = auth.requests[0];
    expect(exchange?.method).toBe("POST");
    expect(exchange?.url).toBe("/oauth2/token");
    expect(exchange?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(exchange?.body).toBe("grant_type=client_credentials");
    const basic = Buffer.from(String(exchange?.headers.authorization).replace(/^Basic /, ""), "base64").toString();
    // Split at the first "@"; both halves form-encoded (RFC 6749 §2.3.1).
    expect(basic).toBe(`5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14:${encodeURIComponent("Q7.xVn2~pL_8rTb@4Kd")}`);
    expect(api.requests[0]?.headers.authorization).toBe("Bearer access-1-xyz");
  });

  it("caches the access token across requests", async () => {
    const c = client();
    await get(c);
    await get(c);
    await get(c);
    expect(auth.requests).toHaveLength(1);
    expect(api.requests.every((r) => r.headers.authorization === "Bearer access-1-xyz")).toBe(true);
  });

  it("concurrent requests share one exchange", async () => {
    auth.fallback(() => ({ delayMs: 50, status: 200, body: { access_token: `access-${++issued}-xyz`, expires_in: 3600 } }));
    const c = client();
    await Promise.all(Array.from({ length: 10 }, () => get(c)));
    expect(auth.requests).toHaveLength(1);
  });

  it("renews shortly before expiry", async () => {
    let now = 1_000_000;
    const redactor = new Redactor();
    const exchanger = new ClientCredentialsExchanger({
      tokenUrl: `${auth.url}/t`,
      separator: "@",
      fetch: (r, i) => fetch(r, i),
      redactor,
      now: () => now,
    });
    auth.fallback(() => ({ status: 200, body: { access_token: `access-${++issued}-xyz`, expires_in: 60 } }));
    expect(await exchanger.accessToken(CREDENTIAL)).toBe("access-1-xyz");
    now += 29_000;
    expect(await exchanger.accessToken(CREDENTIAL)).toBe("access-1-xyz");
    now += 2_000; // 31 s of 60 gone: inside the 30 s renewal window
    expect(await exchanger.accessToken(CREDENTIAL)).toBe("access-2-xyz");
  });

  it("exchanges again after a 401 and retries once", async () => {
    api.fallback((r) =>
      r.headers.authorization === "Bearer access-2-xyz" ? { status: 200, body: { id: "a1", name: "n" } } : { status: 401 },
    );
    await get(client());
    expect(auth.requests).toHaveLength(2);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(["Bearer access-1-xyz", "Bearer access-2-xyz"]);
  });

  it("a refused exchange is a TokenExchangeError with the OAuth2 error code and no secret", async () => {
    auth.fallback({ status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } });
    const error = await get(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenExchangeError);
    expect((error as TokenExchangeError).oauthError).toBe("invalid_client");
    expect((error as TokenExchangeError).status).toBe(401);
    expect(String(error)).not.toContain("Q7.xVn2");
    expect(api.requests).toHaveLength(0);
  });

  it("an answer without access_token is a TokenExchangeError", async () => {
    auth.fallback({ status: 200, body: { token_type: "bearer" } });
    await expect(get(client())).rejects.toBeInstanceOf(TokenExchangeError);
  });

  it.each(["no-separator", "@secret-only", "id-only@"])("refuses a credential shaped %s before any exchange", async (token) => {
    const c = acmeClient({ baseUrl: api.url, token, scheme: "oauth", tokenUrl: `${auth.url}/t` });
    await expect(get(c)).rejects.toBeInstanceOf(CredentialError);
    expect(auth.requests).toHaveLength(0);
  });
});
