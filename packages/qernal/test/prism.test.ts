// Every operation of specs/qernal.yaml, called through the typed client against Prism
// serving that spec with request validation on: what the client sends must be what the spec
// allows, and what it parses must be what the spec promises. The `<id>@<secret>` token is
// first exchanged for an access token at a local OAuth2 token endpoint (client credentials).
import { fileURLToPath } from "node:url";
import { unwrap } from "@apitokens/core";
import {
  PRISM_DEFAULTS,
  type PrismServer,
  prismExample,
  recordRequests,
  type SentRequest,
  startPrism,
  startTestServer,
  type TestServer,
} from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createQernalClient, type QernalClient } from "../src/index.js";

const SPEC = fileURLToPath(new URL("../../../specs/qernal.yaml", import.meta.url));
// Real I/O with a child process, on a machine that may be busy: generous time per test, never a budget.
vi.setConfig({ testTimeout: 60_000 });
const CLIENT_ID = "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14";
// The secret has an `@` of its own: the token is split at the FIRST `@` (the spec's x-credential-separator).
const CLIENT_SECRET = "Q7.xVn2~pL_8r@Tb4 KdWm0s";
const ACCESS_TOKEN = "ory_at_k3J9xQm2Lp7vTz4Wc8Nf5Rb1Hd6Ys0Ge";
const TOKEN_ID = CLIENT_ID;

type Sent = SentRequest;

let prism: PrismServer;
let tokenEndpoint: TestServer;
let client: QernalClient;
const { sent, fetch: recordingFetch } = recordRequests();

/** Splits an HTTP Basic header into the form-decoded id and secret (RFC 6749 §2.3.1). */
function basicCredentials(header: string | null): [string, string] {
  const decoded = atob((header ?? "").replace(/^Basic /, ""));
  const colon = decoded.indexOf(":");
  const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));
  return [formDecode(decoded.slice(0, colon)), formDecode(decoded.slice(colon + 1))];
}

/** The last call sent a token exchange, then one API request; fails unless Prism accepted it with `status`. */
function onlyRequest(status: number): Sent {
  expect(sent, "one token exchange, then one API request").toHaveLength(2);
  const [exchange, request] = sent as [Sent, Sent];
  expect(exchange.origin).toBe(tokenEndpoint.url);
  expect(exchange.method).toBe("POST");
  expect(exchange.path).toBe("/oauth2/token");
  expect(exchange.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
  expect(new URLSearchParams(exchange.body).get("grant_type")).toBe("client_credentials");
  expect(basicCredentials(exchange.headers.get("authorization"))).toEqual([CLIENT_ID, CLIENT_SECRET]);
  expect(exchange.status).toBe(200);

  expect(request.origin).toBe(prism.url);
  expect(request.violations, "Prism found the request breaks the spec").toBeNull();
  expect(request.status).toBe(status);
  expect(request.headers.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
  return request;
}

// startPrism gives up after PRISM_DEFAULTS.startupTimeoutMs with Prism's output; the hook waits longer, so that is the message shown.
beforeAll(async () => {
  [prism, tokenEndpoint] = await Promise.all([startPrism(SPEC), startTestServer()]);
}, PRISM_DEFAULTS.startupTimeoutMs + 10_000);
afterAll(async () => {
  await Promise.all([prism?.close(), tokenEndpoint?.close()]);
});
beforeEach(() => {
  sent.length = 0;
  tokenEndpoint.reset();
  tokenEndpoint.fallback({ status: 200, body: { access_token: ACCESS_TOKEN, token_type: "bearer", expires_in: 3599 } });
  // A new client per test, so each test sees its own exchange.
  client = createQernalClient({
    baseUrl: prism.url,
    tokenUrl: `${tokenEndpoint.url}/oauth2/token`,
    token: `${CLIENT_ID}@${CLIENT_SECRET}`,
    fetch: recordingFetch,
    retry: false,
  });
});

describe("Prism enforces specs/qernal.yaml", () => {
  it("closes each connection after its answer, so no request reuses a socket Prism is closing", async () => {
    const response = await fetch(`${prism.url}/auth/tokens`);
    await response.body?.cancel();
    expect(response.headers.get("connection")).toBe("close");
  });

  it("refuses a request without a bearer token", async () => {
    const response = await fetch(`${prism.url}/auth/tokens`);
    expect(response.status).toBe(401);
  });

  it("refuses a request that breaks the spec, and the client reports it as an error", async () => {
    // Names must match ^[A-z-]+$: the type system allows any string, the spec no digits or spaces.
    const call = client.POST("/auth/tokens", { body: { name: "tf deploy 2", expiry_duration: 90 } });
    await expect(unwrap(call)).rejects.toMatchObject({ name: "BadRequestError", status: 400 });
    expect(sent[1]?.status).toBe(400);
    expect(JSON.parse(sent[1]?.violations ?? "[]")).toMatchObject([{ location: ["request", "body", "name"], code: "pattern" }]);
  });

  it("never sends the <id>@<secret> token itself to the API", async () => {
    await unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: TOKEN_ID } } }));
    const request = onlyRequest(200);
    expect([...request.headers.values()].join(" ")).not.toContain(CLIENT_SECRET);
  });

  it("exchanges once for several calls", async () => {
    await unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: TOKEN_ID } } }));
    await unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: TOKEN_ID } } }));
    expect(tokenEndpoint.requests).toHaveLength(1);
    expect(sent.map((request) => request.headers.get("authorization"))).toEqual([
      expect.stringMatching(/^Basic /),
      `Bearer ${ACCESS_TOKEN}`,
      `Bearer ${ACCESS_TOKEN}`,
    ]);
  });
});

describe("every operation through the typed client", () => {
  it("auth-tokens-list: GET /auth/tokens with a deepObject page", async () => {
    const data = await unwrap(client.GET("/auth/tokens", { params: { query: { page: { after: 2, size: 2 } } } }));
    expect(data).toEqual(prismExample(SPEC, "auth-tokens-list", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/auth/tokens");
    expect(Object.fromEntries(new URLSearchParams(request.search))).toEqual({ "page[after]": "2", "page[size]": "2" });
  });

  it("auth-tokens-create: POST /auth/tokens, answered 200 with the one-time secret", async () => {
    const body = { name: "tf-deploy", expiry_duration: 90 };
    const data = await unwrap(client.POST("/auth/tokens", { body }));
    expect(data).toEqual(prismExample(SPEC, "auth-tokens-create", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/auth/tokens");
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("auth-tokens-get: GET /auth/tokens/{token_id}", async () => {
    const data = await unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: TOKEN_ID } } }));
    expect(data).toEqual(prismExample(SPEC, "auth-tokens-get", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("GET");
    expect(request.path).toBe(`/auth/tokens/${TOKEN_ID}`);
  });

  it("auth-tokens-update: PUT /auth/tokens/{token_id} with a partial body", async () => {
    const body = { expiry_duration: 180 };
    const data = await unwrap(client.PUT("/auth/tokens/{token_id}", { params: { path: { token_id: TOKEN_ID } }, body }));
    expect(data).toEqual(prismExample(SPEC, "auth-tokens-update", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("PUT");
    expect(request.path).toBe(`/auth/tokens/${TOKEN_ID}`);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("auth-tokens-delete: DELETE /auth/tokens/{token_id}, answered 200 with a confirmation", async () => {
    const data = await unwrap(client.DELETE("/auth/tokens/{token_id}", { params: { path: { token_id: TOKEN_ID } } }));
    expect(data).toEqual(prismExample(SPEC, "auth-tokens-delete", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("DELETE");
    expect(request.path).toBe(`/auth/tokens/${TOKEN_ID}`);
  });
});
