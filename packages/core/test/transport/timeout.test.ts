import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, RequestAbortedError, TimeoutError, unwrap } from "../../src/index.js";
import { acmeClient } from "../fixtures.js";

let server: TestServer;
// A server per test: a request a test gave up on (a short timeout, an abort) may still arrive
// late, and must not take the next test's scripted answer.
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

describe("per-attempt timeout", () => {
  it("a server that never answers in time is a TimeoutError that says so", async () => {
    server.next({ delayMs: 600_000, status: 200, body: {} });
    const client = acmeClient({ baseUrl: server.url, timeout: 100, retry: false });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe("attempt");
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect((error as Error).message).toMatch(/^Acme on GET \/tokens\/\{id\}: timed out after 100 ms/);
  });

  it("covers the body: a stalled body times out too", async () => {
    server.next({ status: 200, body: { id: "a1", name: "a long enough body to split" }, stallBodyMs: 600_000 });
    const client = acmeClient({ baseUrl: server.url, timeout: 150, retry: false });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("a connection lost mid-body is a ConnectionError", async () => {
    server.next({ status: 200, body: { id: "a1", name: "a long enough body to split" }, breakBody: true });
    const client = acmeClient({ baseUrl: server.url, retry: false });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).operation).toBe("GET /tokens/{id}");
  });

  it("a caller's abort mid-body is a RequestAbortedError", async () => {
    server.next({ status: 200, body: { id: "a1", name: "a long enough body to split" }, stallBodyMs: 600_000 });
    const controller = new AbortController();
    const client = acmeClient({
      baseUrl: server.url,
      retry: false,
      fetch: async (request, init) => {
        const response = await fetch(request, init);
        // The headers are in and the body is stalled: the caller gives up now.
        controller.abort();
        return response;
      },
    });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
  });

  it("gives every attempt a fresh timer, so a slow first attempt is retried", async () => {
    // The first attempt never gets an answer; any later one does at once.
    server.next({ delayMs: 600_000, status: 200, body: { id: "slow", name: "x" } });
    server.fallback({ status: 200, body: { id: "a1", name: "x" } });
    const client = acmeClient({ baseUrl: server.url, timeout: 5_000, retry: { limit: 5 } });
    const data = await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(data.id).toBe("a1");
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });

  it("is configurable per request", async () => {
    server.next({ delayMs: 300, status: 200, body: { id: "a1", name: "x" } });
    const client = acmeClient({ baseUrl: server.url, timeout: 50, retry: false });
    const data = await unwrap(client.withOptions({ timeout: 60_000 }).GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(data.id).toBe("a1");
  });
});
