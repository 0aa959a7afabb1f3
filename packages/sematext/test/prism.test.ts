// Every operation of specs/sematext.yaml, called through the typed client against Prism
// serving that spec with request validation on: what the client sends must be what the spec
// allows, and what it parses must be what the spec promises.
import { fileURLToPath } from "node:url";
import { unwrap } from "@apitokens/core";
import { PRISM_DEFAULTS, type PrismServer, prismExample, recordRequests, type SentRequest, startPrism } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createSematextClient, type SematextClient } from "../src/index.js";

const SPEC = fileURLToPath(new URL("../../../specs/sematext.yaml", import.meta.url));
// Real I/O with a child process, on a machine that may be busy: generous time per test, never a budget.
vi.setConfig({ testTimeout: 60_000 });
const API_KEY = "0f3e6c2a-91b4-4d7e-8a55-3c2b1d0e9f48";
const APP = 24531;
const TOKEN = 1187;
const TOKENS = `/users-web/api/v3/apps/${APP}/tokens`;

type Sent = SentRequest;

let prism: PrismServer;
let client: SematextClient;
const { sent, fetch: recordingFetch } = recordRequests();

/** The one request the last call sent; fails unless Prism accepted it with `status`. */
function onlyRequest(status: number): Sent {
  expect(sent, "exactly one request per call (no retry, no hidden extra call)").toHaveLength(1);
  const request = sent[0] as Sent;
  expect(request.violations, "Prism found the request breaks the spec").toBeNull();
  expect(request.status).toBe(status);
  expect(request.headers.get("authorization")).toBe(`apiKey ${API_KEY}`);
  return request;
}

// startPrism gives up after PRISM_DEFAULTS.startupTimeoutMs with Prism's output; the hook waits longer, so that is the message shown.
beforeAll(async () => {
  prism = await startPrism(SPEC);
  client = createSematextClient({ baseUrl: prism.url, token: API_KEY, fetch: recordingFetch, retry: false });
}, PRISM_DEFAULTS.startupTimeoutMs + 10_000);
afterAll(() => prism?.close());
beforeEach(() => {
  sent.length = 0;
});

describe("Prism enforces specs/sematext.yaml", () => {
  it("closes each connection after its answer, so no request reuses a socket Prism is closing", async () => {
    const response = await fetch(`${prism.url}${TOKENS}`);
    await response.body?.cancel();
    expect(response.headers.get("connection")).toBe("close");
  });

  it("refuses a request without the apiKey header", async () => {
    const response = await fetch(`${prism.url}${TOKENS}`);
    expect(response.status).toBe(401);
  });

  it("refuses a request that breaks the spec, and the client reports it as an error", async () => {
    // appId is an int64: the type system allows any number, the spec only whole ones. (Prism lower-cases parameter names.)
    const call = client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: 1.5 } } });
    await expect(unwrap(call)).rejects.toMatchObject({ name: "BadRequestError", status: 400 });
    expect(sent[0]?.status).toBe(400);
    expect(JSON.parse(sent[0]?.violations ?? "[]")).toMatchObject([{ location: ["request", "path", "appid"], code: "type" }]);
  });
});

describe("every operation through the typed client", () => {
  it("getAppTokens_1: GET /users-web/api/v3/apps/{appId}/tokens", async () => {
    const data = await unwrap(client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: APP } } }));
    expect(data).toEqual(prismExample(SPEC, "getAppTokens_1", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("GET");
    expect(request.path).toBe(TOKENS);
  });

  it("createAppToken: POST /users-web/api/v3/apps/{appId}/tokens with a JSON body", async () => {
    const body = { name: "ci-shipper", readable: true, writeable: true };
    const data = await unwrap(client.POST("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: APP } }, body }));
    expect(data).toEqual(prismExample(SPEC, "createAppToken", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("POST");
    expect(request.path).toBe(TOKENS);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("updateAppToken: PUT /users-web/api/v3/apps/{appId}/tokens/{tokenId}", async () => {
    const body = { enabled: false, name: "ci-shipper-old" };
    const data = await unwrap(
      client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId: APP, tokenId: TOKEN } }, body }),
    );
    expect(data).toEqual(prismExample(SPEC, "updateAppToken", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("PUT");
    expect(request.path).toBe(`${TOKENS}/${TOKEN}`);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("deleteAppToken_1: DELETE /users-web/api/v3/apps/{appId}/tokens/{tokenId}", async () => {
    const data = await unwrap(
      client.DELETE("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId: APP, tokenId: TOKEN } } }),
    );
    expect(data).toEqual(prismExample(SPEC, "deleteAppToken_1", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("DELETE");
    expect(request.path).toBe(`${TOKENS}/${TOKEN}`);
  });

  it("regenerateAppToken_1: POST /users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate without a body", async () => {
    const data = await unwrap(
      client.POST("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", { params: { path: { appId: APP, tokenId: TOKEN } } }),
    );
    expect(data).toEqual(prismExample(SPEC, "regenerateAppToken_1", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`${TOKENS}/${TOKEN}/regenerate`);
    expect(request.body).toBe("");
  });
});
