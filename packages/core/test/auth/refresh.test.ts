import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError, unwrap } from "../../src/index.js";
import { acmeClient } from "../fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const get = (client: ReturnType<typeof acmeClient>) => unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
/** The server accepts only the refreshed token. */
const acceptsOnly = (token: string) => (request: { headers: Record<string, unknown> }) =>
  request.headers.authorization === `Bearer ${token}`
    ? { status: 200, body: { id: "a1", name: "n" } }
    : { status: 401, body: { error: { code: 401, message: "expired" } } };

describe("function tokens", () => {
  it("is called for every request", async () => {
    let calls = 0;
    server.fallback({ status: 200, body: { id: "a1", name: "n" } });
    const client = acmeClient({ baseUrl: server.url, token: () => `tok-${++calls}-abcdef` });
    await get(client);
    await get(client);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok-1-abcdef", "Bearer tok-2-abcdef"]);
  });

  it("on a 401 asks once for a fresh token and retries once", async () => {
    const asked: boolean[] = [];
    server.fallback(acceptsOnly("new-token-bbbb"));
    const client = acmeClient({
      baseUrl: server.url,
      token: async ({ refresh }) => {
        asked.push(refresh);
        return refresh ? "new-token-bbbb" : "old-token-aaaa";
      },
    });
    await expect(get(client)).resolves.toEqual({ id: "a1", name: "n" });
    expect(asked).toEqual([false, true]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer old-token-aaaa", "Bearer new-token-bbbb"]);
  });

  it("cannot loop: a second 401 is returned as an AuthenticationError", async () => {
    server.fallback({ status: 401, body: { error: { code: 401, message: "no" } } });
    let calls = 0;
    const client = acmeClient({ baseUrl: server.url, token: () => `tok-${++calls}-abcdef` });
    await expect(get(client)).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it("concurrent 401s share one in-flight refresh", async () => {
    // The server answers the first 8 requests together (a barrier), so their 401s arrive at once.
    let arrived = 0;
    let release: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.fallback(async (request) => {
      if (request.headers.authorization === "Bearer new-token-bbbb") return { status: 200, body: { id: "a1", name: "n" } };
      if (++arrived === 8) release();
      await barrier;
      return { status: 401 };
    });
    let refreshes = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const client = acmeClient({
      baseUrl: server.url,
      token: async ({ refresh }) => {
        if (!refresh) return "old-token-aaaa";
        refreshes++;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 200));
        inFlight--;
        return "new-token-bbbb";
      },
    });
    await Promise.all(Array.from({ length: 8 }, () => get(client)));
    expect(maxInFlight).toBe(1);
    expect(refreshes).toBeLessThanOrEqual(2);
  });

  it("re-sends the request body on the retry after a 401", async () => {
    server.fallback((r) =>
      r.headers.authorization === "Bearer new-token-bbbb" ? { status: 201, body: { id: "t1", name: "ci", secret: "s" } } : { status: 401 },
    );
    const client = acmeClient({ baseUrl: server.url, token: ({ refresh }) => (refresh ? "new-token-bbbb" : "old-token-aaaa") });
    await unwrap(client.POST("/tokens", { body: { name: "ci" } }));
    expect(server.requests.map((r) => r.body)).toEqual(['{"name":"ci"}', '{"name":"ci"}']);
  });

  it("a string token is not retried after a 401", async () => {
    server.fallback({ status: 401 });
    const client = acmeClient({ baseUrl: server.url, token: "static-token-value" });
    await expect(get(client)).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(1);
  });
});
