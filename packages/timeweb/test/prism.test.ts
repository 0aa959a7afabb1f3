// Every operation of specs/timeweb.yaml, called through the typed client against Prism
// serving that spec with request validation on: what the client sends must be what the spec
// allows, and what it parses must be what the spec promises.
import { fileURLToPath } from "node:url";
import { unwrap } from "@apitokens/core";
import { PRISM_DEFAULTS, type PrismServer, prismExample, recordRequests, type SentRequest, startPrism } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTimewebClient, type TimewebClient } from "../src/index.js";

const SPEC = fileURLToPath(new URL("../../../specs/timeweb.yaml", import.meta.url));
// Real I/O with a child process, on a machine that may be busy: generous time per test, never a budget.
vi.setConfig({ testTimeout: 60_000 });
// A JWT-shaped Timeweb token (not a real one).
const JWT = "eyJhbGciOiJSUzUxMiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJ0ZXN0LXRva2VuIn0.ZXhhbXBsZS1zaWduYXR1cmU";
const ID = "6f1c2a9e-3b7d-4e21-9a55-0c8e4f7b2d13";
const KEYS = "/api/v1/auth/api-keys";

type Sent = SentRequest;

let prism: PrismServer;
let client: TimewebClient;
const { sent, fetch: recordingFetch } = recordRequests();

/** The one request the last call sent; fails unless Prism accepted it with `status`. */
function onlyRequest(status: number): Sent {
  expect(sent, "exactly one request per call (no retry, no hidden extra call)").toHaveLength(1);
  const request = sent[0] as Sent;
  expect(request.violations, "Prism found the request breaks the spec").toBeNull();
  expect(request.status).toBe(status);
  expect(request.headers.get("authorization")).toBe(`Bearer ${JWT}`);
  return request;
}

// startPrism gives up after PRISM_DEFAULTS.startupTimeoutMs with Prism's output; the hook waits longer, so that is the message shown.
beforeAll(async () => {
  prism = await startPrism(SPEC);
  client = createTimewebClient({ baseUrl: prism.url, token: JWT, fetch: recordingFetch, retry: false });
}, PRISM_DEFAULTS.startupTimeoutMs + 10_000);
afterAll(() => prism?.close());
beforeEach(() => {
  sent.length = 0;
});

describe("Prism enforces specs/timeweb.yaml", () => {
  it("closes each connection after its answer, so no request reuses a socket Prism is closing", async () => {
    const response = await fetch(`${prism.url}${KEYS}`);
    await response.body?.cancel();
    expect(response.headers.get("connection")).toBe("close");
  });

  it("refuses a request without the bearer token", async () => {
    const response = await fetch(`${prism.url}${KEYS}`);
    expect(response.status).toBe(401);
  });

  it("refuses a request that breaks the spec, and the client reports it as an error", async () => {
    // token_id must be a UUID: the type system allows any string, the spec does not.
    const call = client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: "not-a-uuid" } } });
    await expect(unwrap(call)).rejects.toMatchObject({ name: "BadRequestError", status: 400 });
    expect(sent[0]?.status).toBe(400);
    expect(JSON.parse(sent[0]?.violations ?? "[]")).toMatchObject([{ location: ["request", "path", "token_id"], code: "format" }]);
  });
});

describe("every operation through the typed client", () => {
  it("getTokens: GET /api/v1/auth/api-keys", async () => {
    const data = await unwrap(client.GET("/api/v1/auth/api-keys"));
    expect(data).toEqual(prismExample(SPEC, "getTokens", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("GET");
    expect(request.path).toBe(KEYS);
  });

  it("createToken: POST /api/v1/auth/api-keys with a JSON body", async () => {
    const body = {
      name: "dns-automation",
      expire: "2025-12-31T23:59:59Z",
      is_able_to_delete: false,
      roles: ["domains:read", "domains:write"],
      projects: [184532, 190277],
    };
    const data = await unwrap(client.POST("/api/v1/auth/api-keys", { body }));
    expect(data).toEqual(prismExample(SPEC, "createToken", 201));
    const request = onlyRequest(201);
    expect(request.method).toBe("POST");
    expect(request.path).toBe(KEYS);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("deleteToken: DELETE /api/v1/auth/api-keys/{token_id}, 204 without a body", async () => {
    const { data, response } = await client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: ID } } });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    const request = onlyRequest(204);
    expect(request.method).toBe("DELETE");
    expect(request.path).toBe(`${KEYS}/${ID}`);
  });

  it("reissueToken: PUT /api/v1/auth/api-keys/{token_id}, answered 200 with the new secret", async () => {
    const body = { expire: "2026-03-14T00:00:00Z" };
    const data = await unwrap(client.PUT("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: ID } }, body }));
    expect(data).toEqual(prismExample(SPEC, "reissueToken", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("PUT");
    expect(request.path).toBe(`${KEYS}/${ID}`);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("updateToken: PATCH /api/v1/auth/api-keys/{token_id}", async () => {
    const body = { name: "ci-readonly-v2", is_able_to_delete: false };
    const data = await unwrap(client.PATCH("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: ID } }, body }));
    expect(data).toEqual(prismExample(SPEC, "updateToken", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("PATCH");
    expect(request.path).toBe(`${KEYS}/${ID}`);
    expect(JSON.parse(request.body)).toEqual(body);
  });
});
