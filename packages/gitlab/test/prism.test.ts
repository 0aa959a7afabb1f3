// Every operation of specs/gitlab.yaml, called through the typed client against Prism serving
// that spec with request validation on: what the client sends must be what the spec allows,
// and what it parses must be what the spec promises.
import { fileURLToPath } from "node:url";
import { paginate, unwrap } from "@apitokens/core";
import { PRISM_DEFAULTS, type PrismServer, prismExample, recordRequests, type SentRequest, startPrism } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createGitlabClient, type GitlabClient } from "../src/index.js";

const SPEC = fileURLToPath(new URL("../../../specs/gitlab.yaml", import.meta.url));
// Real I/O with a child process, on a machine that may be busy: generous time per test, never a budget.
vi.setConfig({ testTimeout: 60_000 });
const SECRET = "glpat-ts8y8Mk2gxi-xvXVsxfN";
const LEAKED = "glpat-TESTtokenGq5K56y8RBbu286MQp1OmFwOAk.01.0z11111is";

let prism: PrismServer;
let client: GitlabClient;
const { sent, fetch: recordingFetch } = recordRequests();

/** The one request the last call sent; fails unless Prism accepted it with `status`. */
function onlyRequest(status: number, header = "private-token"): SentRequest {
  expect(sent, "exactly one request per call (no retry, no hidden extra call)").toHaveLength(1);
  const request = sent[0] as SentRequest;
  expect(request.violations, "Prism found the request breaks the spec").toBeNull();
  expect(request.status).toBe(status);
  expect(request.headers.get(header)).toBe(header === "private-token" ? SECRET : `Bearer ${SECRET}`);
  return request;
}

beforeAll(async () => {
  prism = await startPrism(SPEC);
  client = createGitlabClient({ baseUrl: prism.url, token: SECRET, fetch: recordingFetch, retry: false });
}, PRISM_DEFAULTS.startupTimeoutMs + 10_000);
afterAll(() => prism?.close());
beforeEach(() => {
  sent.length = 0;
});

describe("Prism enforces specs/gitlab.yaml", () => {
  it("closes each connection after its answer, so no request reuses a socket Prism is closing", async () => {
    const response = await fetch(`${prism.url}/personal_access_tokens`);
    await response.body?.cancel();
    expect(response.headers.get("connection")).toBe("close");
  });

  it("refuses a request without a token", async () => {
    expect((await fetch(`${prism.url}/personal_access_tokens`)).status).toBe(401);
  });

  it("refuses per_page over 100, and the client reports it as an error", async () => {
    await expect(unwrap(client.GET("/personal_access_tokens", { params: { query: { per_page: 101 } } }))).rejects.toMatchObject({
      status: 422,
    });
    expect(JSON.parse(sent[0]?.violations ?? "[]")).toMatchObject([{ location: ["request", "query", "per_page"], code: "maximum" }]);
  });

  it("accepts Authorization: Bearer as the second scheme", async () => {
    const bearer = createGitlabClient({ baseUrl: prism.url, token: SECRET, fetch: recordingFetch, retry: false, scheme: "Bearer" });
    await unwrap(bearer.GET("/personal_access_tokens/self"));
    expect(onlyRequest(200, "authorization").headers.get("private-token")).toBeNull();
  });
});

const path7 = { id: 7 };
const token45 = { id: 7, token_id: 45 };
const group45 = { id: 9, token_id: 45 };
const create = {
  name: "release-bot",
  scopes: ["api" as const, "write_repository" as const],
  access_level: 30 as const,
  expires_at: "2026-07-14",
};

/** Each operation: the call, its method and path as sent, its status. */
const CASES: { operationId: string; method: string; path: string; status: number; call: () => Promise<unknown>; body?: unknown }[] = [
  {
    operationId: "listPersonalAccessTokens",
    method: "GET",
    path: "/personal_access_tokens",
    status: 200,
    call: () =>
      unwrap(
        client.GET("/personal_access_tokens", {
          params: {
            query: {
              user_id: 3,
              state: "active",
              search: "ci",
              sort: "created_desc",
              created_after: "2024-01-01",
              expires_before: "2026-12-31",
              page: 1,
              per_page: 100,
            },
          },
        }),
      ),
  },
  {
    operationId: "getPersonalAccessTokenSelf",
    method: "GET",
    path: "/personal_access_tokens/self",
    status: 200,
    call: () => unwrap(client.GET("/personal_access_tokens/self")),
  },
  {
    operationId: "revokePersonalAccessTokenSelf",
    method: "DELETE",
    path: "/personal_access_tokens/self",
    status: 204,
    call: () => unwrap(client.DELETE("/personal_access_tokens/self")),
  },
  {
    operationId: "rotatePersonalAccessTokenSelf",
    method: "POST",
    path: "/personal_access_tokens/self/rotate",
    status: 200,
    body: { expires_at: "2026-01-31" },
    call: () => unwrap(client.POST("/personal_access_tokens/self/rotate", { body: { expires_at: "2026-01-31" } })),
  },
  {
    operationId: "getPersonalAccessToken",
    method: "GET",
    path: "/personal_access_tokens/42",
    status: 200,
    call: () => unwrap(client.GET("/personal_access_tokens/{id}", { params: { path: { id: 42 } } })),
  },
  {
    operationId: "revokePersonalAccessToken",
    method: "DELETE",
    path: "/personal_access_tokens/42",
    status: 204,
    call: () => unwrap(client.DELETE("/personal_access_tokens/{id}", { params: { path: { id: 42 } } })),
  },
  {
    operationId: "rotatePersonalAccessToken",
    method: "POST",
    path: "/personal_access_tokens/42/rotate",
    status: 200,
    body: {},
    call: () => unwrap(client.POST("/personal_access_tokens/{id}/rotate", { params: { path: { id: 42 } }, body: {} })),
  },
  {
    operationId: "createPersonalAccessTokenForUser",
    method: "POST",
    path: "/users/12/personal_access_tokens",
    status: 201,
    body: { name: "backup-export", scopes: ["read_api"] },
    call: () =>
      unwrap(
        client.POST("/users/{user_id}/personal_access_tokens", {
          params: { path: { user_id: 12 } },
          body: { name: "backup-export", scopes: ["read_api"] },
        }),
      ),
  },
  {
    operationId: "listProjectAccessTokens",
    method: "GET",
    path: "/projects/7/access_tokens",
    status: 200,
    call: () => unwrap(client.GET("/projects/{id}/access_tokens", { params: { path: path7, query: { revoked: false, per_page: 100 } } })),
  },
  {
    operationId: "createProjectAccessToken",
    method: "POST",
    path: "/projects/7/access_tokens",
    status: 201,
    body: create,
    call: () => unwrap(client.POST("/projects/{id}/access_tokens", { params: { path: path7 }, body: create })),
  },
  {
    operationId: "rotateProjectAccessTokenSelf",
    method: "POST",
    path: "/projects/7/access_tokens/self/rotate",
    status: 200,
    body: {},
    call: () => unwrap(client.POST("/projects/{id}/access_tokens/self/rotate", { params: { path: path7 }, body: {} })),
  },
  {
    operationId: "getProjectAccessToken",
    method: "GET",
    path: "/projects/7/access_tokens/45",
    status: 200,
    call: () => unwrap(client.GET("/projects/{id}/access_tokens/{token_id}", { params: { path: token45 } })),
  },
  {
    operationId: "revokeProjectAccessToken",
    method: "DELETE",
    path: "/projects/7/access_tokens/45",
    status: 204,
    call: () => unwrap(client.DELETE("/projects/{id}/access_tokens/{token_id}", { params: { path: token45 } })),
  },
  {
    operationId: "rotateProjectAccessToken",
    method: "POST",
    path: "/projects/7/access_tokens/45/rotate",
    status: 200,
    body: {},
    call: () => unwrap(client.POST("/projects/{id}/access_tokens/{token_id}/rotate", { params: { path: token45 }, body: {} })),
  },
  {
    operationId: "listGroupAccessTokens",
    method: "GET",
    path: "/groups/9/access_tokens",
    status: 200,
    call: () => unwrap(client.GET("/groups/{id}/access_tokens", { params: { path: { id: 9 }, query: { state: "inactive" } } })),
  },
  {
    operationId: "createGroupAccessToken",
    method: "POST",
    path: "/groups/9/access_tokens",
    status: 201,
    body: { name: "group-ci", scopes: ["read_api"] },
    call: () =>
      unwrap(client.POST("/groups/{id}/access_tokens", { params: { path: { id: 9 } }, body: { name: "group-ci", scopes: ["read_api"] } })),
  },
  {
    operationId: "rotateGroupAccessTokenSelf",
    method: "POST",
    path: "/groups/9/access_tokens/self/rotate",
    status: 200,
    body: {},
    call: () => unwrap(client.POST("/groups/{id}/access_tokens/self/rotate", { params: { path: { id: 9 } }, body: {} })),
  },
  {
    operationId: "getGroupAccessToken",
    method: "GET",
    path: "/groups/9/access_tokens/45",
    status: 200,
    call: () => unwrap(client.GET("/groups/{id}/access_tokens/{token_id}", { params: { path: group45 } })),
  },
  {
    operationId: "revokeGroupAccessToken",
    method: "DELETE",
    path: "/groups/9/access_tokens/45",
    status: 204,
    call: () => unwrap(client.DELETE("/groups/{id}/access_tokens/{token_id}", { params: { path: group45 } })),
  },
  {
    operationId: "rotateGroupAccessToken",
    method: "POST",
    path: "/groups/9/access_tokens/45/rotate",
    status: 200,
    body: { expires_at: "2026-01-31" },
    call: () =>
      unwrap(
        client.POST("/groups/{id}/access_tokens/{token_id}/rotate", { params: { path: group45 }, body: { expires_at: "2026-01-31" } }),
      ),
  },
  {
    operationId: "identifyToken",
    method: "POST",
    path: "/admin/token",
    status: 200,
    body: { token: LEAKED },
    call: () => unwrap(client.POST("/admin/token", { body: { token: LEAKED } })),
  },
  {
    operationId: "revokeTokenByValue",
    method: "DELETE",
    path: "/admin/token",
    status: 204,
    body: { token: LEAKED },
    call: () => unwrap(client.DELETE("/admin/token", { body: { token: LEAKED } })),
  },
];

describe("every operation through the typed client", () => {
  it("covers all 22 operations of the spec", () => {
    expect(new Set(CASES.map((c) => c.operationId)).size).toBe(22);
  });

  it.each(CASES)("$operationId: $method $path → $status", async ({ operationId, method, path, status, call, body }) => {
    const data = await call();
    const request = onlyRequest(status);
    expect(request.method).toBe(method);
    expect(request.path).toBe(path);
    if (body !== undefined) expect(JSON.parse(request.body)).toEqual(body);
    if (status === 204) expect(data).toBeUndefined();
    else expect(data).toEqual(prismExample(SPEC, operationId, status));
  });

  it("paginate() follows x-next-page (Prism's example: 2) and stops with a typed error when the server repeats it", async () => {
    const all: unknown[] = [];
    const walk = async () => {
      for await (const token of paginate(client, "/personal_access_tokens", { params: { query: { per_page: 100 } } })) all.push(token);
    };
    await expect(walk()).rejects.toThrow(/pagination did not advance/);
    // Prism's examples also say `x-total-pages: 3`: pages 2 and 3 are fetched together, then page 3's `x-next-page: 2` repeats.
    expect(sent.map((r) => new URLSearchParams(r.search).get("page") ?? "1").sort()).toEqual(["1", "2", "3"]);
    expect(sent.every((r) => r.violations === null)).toBe(true);
  });
});
