// Every operation of specs/dynatrace.yaml, called through the typed client against Prism
// serving that spec with request validation on: what the client sends must be what the spec
// allows, and what it parses must be what the spec promises.
import { fileURLToPath } from "node:url";
import { unwrap } from "@apitokens/core";
import { PRISM_DEFAULTS, type PrismServer, prismExample, recordRequests, type SentRequest, startPrism } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDynatraceClient, type DynatraceClient } from "../src/index.js";

const SPEC = fileURLToPath(new URL("../../../specs/dynatrace.yaml", import.meta.url));
// Real I/O with a child process, on a machine that may be busy: generous time per test, never a budget.
vi.setConfig({ testTimeout: 60_000 });
const SECRET = "dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM";
const ID = "dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7";

type Sent = SentRequest;

let prism: PrismServer;
let client: DynatraceClient;
const { sent, fetch: recordingFetch } = recordRequests();

/** The one request the last call sent; fails unless Prism accepted it with `status`. */
function onlyRequest(status: number): Sent {
  expect(sent, "exactly one request per call (no retry, no hidden extra call)").toHaveLength(1);
  const request = sent[0] as Sent;
  expect(request.violations, "Prism found the request breaks the spec").toBeNull();
  expect(request.status).toBe(status);
  expect(request.headers.get("authorization")).toBe(`Api-Token ${SECRET}`);
  return request;
}

// startPrism gives up after PRISM_DEFAULTS.startupTimeoutMs with Prism's output; the hook waits longer, so that is the message shown.
beforeAll(async () => {
  prism = await startPrism(SPEC);
  // The spec's paths are served at Prism's root; a real environment URL ends in /api/v2.
  client = createDynatraceClient({ baseUrl: prism.url, token: SECRET, fetch: recordingFetch, retry: false });
}, PRISM_DEFAULTS.startupTimeoutMs + 10_000);
afterAll(() => prism?.close());
beforeEach(() => {
  sent.length = 0;
});

describe("Prism enforces specs/dynatrace.yaml", () => {
  it("closes each connection after its answer, so no request reuses a socket Prism is closing", async () => {
    const response = await fetch(`${prism.url}/apiTokens`);
    await response.body?.cancel();
    expect(response.headers.get("connection")).toBe("close");
  });

  it("refuses a request without the Api-Token header", async () => {
    const response = await fetch(`${prism.url}/apiTokens`);
    expect(response.status).toBe(401);
  });

  it("refuses a request that breaks the spec, and the client reports it as an error", async () => {
    // pageSize has minimum 100: the type system allows 5, the spec does not.
    await expect(unwrap(client.GET("/apiTokens", { params: { query: { pageSize: 5 } } }))).rejects.toMatchObject({ status: 422 });
    expect(sent[0]?.status).toBe(422);
    expect(JSON.parse(sent[0]?.violations ?? "[]")).toMatchObject([{ location: ["request", "query", "pagesize"], code: "minimum" }]);
  });
});

describe("every operation through the typed client", () => {
  it("listApiTokens: GET /apiTokens with its query parameters", async () => {
    const data = await unwrap(
      client.GET("/apiTokens", {
        params: { query: { pageSize: 500, fields: "+expirationDate,+scopes", from: "now-1y/w", sort: "-creationDate" } },
      }),
    );
    expect(data).toEqual(prismExample(SPEC, "listApiTokens", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/apiTokens");
    // `+` must travel as %2B, or Dynatrace reads a space.
    expect(new URLSearchParams(request.search).get("fields")).toBe("+expirationDate,+scopes");
    expect(request.search).toContain("fields=%2BexpirationDate%2C%2Bscopes");
  });

  it("createApiToken: POST /apiTokens with a JSON body", async () => {
    const body = { name: "ci-metrics-reader", scopes: ["metrics.read", "logs.read"], expirationDate: "now+30d" };
    const data = await unwrap(client.POST("/apiTokens", { body }));
    expect(data).toEqual(prismExample(SPEC, "createApiToken", 201));
    const request = onlyRequest(201);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/apiTokens");
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("getApiToken: GET /apiTokens/{id}", async () => {
    const data = await unwrap(client.GET("/apiTokens/{id}", { params: { path: { id: ID } } }));
    expect(data).toEqual(prismExample(SPEC, "getApiToken", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("GET");
    expect(request.path).toBe(`/apiTokens/${ID}`);
  });

  it("updateApiToken: PUT /apiTokens/{id}, 204 without a body", async () => {
    const body = { name: "ci-metrics-reader-v2", enabled: false, scopes: ["metrics.read", "metrics.ingest"] };
    const { data, response } = await client.PUT("/apiTokens/{id}", { params: { path: { id: ID } }, body });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    const request = onlyRequest(204);
    expect(request.method).toBe("PUT");
    expect(request.path).toBe(`/apiTokens/${ID}`);
    expect(JSON.parse(request.body)).toEqual(body);
  });

  it("deleteApiToken: DELETE /apiTokens/{id}, 204 without a body", async () => {
    const { data, response } = await client.DELETE("/apiTokens/{id}", { params: { path: { id: ID } } });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    const request = onlyRequest(204);
    expect(request.method).toBe("DELETE");
    expect(request.path).toBe(`/apiTokens/${ID}`);
  });

  it("lookupApiToken: POST /apiTokens/lookup with the secret in the body", async () => {
    const data = await unwrap(client.POST("/apiTokens/lookup", { body: { token: SECRET } }));
    expect(data).toEqual(prismExample(SPEC, "lookupApiToken", 200));
    const request = onlyRequest(200);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/apiTokens/lookup");
    expect(JSON.parse(request.body)).toEqual({ token: SECRET });
  });
});
