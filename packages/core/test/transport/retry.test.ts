import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConnectionError,
  DEFAULT_RETRY_POLICY,
  RateLimitError,
  RequestAbortedError,
  ServerError,
  TimeoutError,
  unwrap,
} from "../../src/index.js";
import { backoffDelay, retryPolicy } from "../../src/transport/retry.js";
import { acmeClient } from "../fixtures.js";

let server: TestServer;
// A server per test: a request a test gave up on (a short timeout, an abort) may still arrive
// late, and must not take the next test's scripted answer.
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const ok = { status: 200, body: { id: "a1", name: "n" } };

describe("retry policy", () => {
  it("defaults: 2 retries of idempotent methods on 408/429/5xx, 0.5 s doubling to 8 s, 60 s Retry-After cap", () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({
      limit: 2,
      methods: ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"],
      statusCodes: [408, 429, 500, 502, 503, 504],
      initialDelayMs: 500,
      backoffFactor: 2,
      maxDelayMs: 8_000,
      maxRetryAfterMs: 60_000,
    });
  });

  it.each([
    { retry: 0, want: 500 },
    { retry: 1, want: 1_000 },
    { retry: 3, want: 4_000 },
    { retry: 4, want: 8_000 },
    { retry: 10, want: 8_000 },
  ])("backoff before retry $retry is $want ms without jitter", ({ retry, want }) => {
    expect(backoffDelay({ ...DEFAULT_RETRY_POLICY, jitter: 0 }, retry)).toBe(want);
  });

  it("jitter spreads the wait within ±25 % and never past the cap", () => {
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 1, () => 0)).toBe(750);
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 1, () => 1)).toBe(1_250);
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 6, () => 1)).toBe(8_000);
  });

  it("merges options in order; false turns retries off", () => {
    expect(retryPolicy({ limit: 5 }, { jitter: 0 }).limit).toBe(5);
    expect(retryPolicy({ limit: 5 }, false).limit).toBe(0);
    expect(retryPolicy({ limit: undefined as unknown as number }).limit).toBe(2);
  });
});

describe("retries", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries GET after %i and succeeds", async (status) => {
    server.next({ status, body: { error: { code: status, message: "busy" } } });
    server.next(ok);
    const client = acmeClient({ baseUrl: server.url });
    const data = await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(data).toEqual({ id: "a1", name: "n" });
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422])("never retries %i", async (status) => {
    server.next({ status, body: { error: { code: status, message: "no" } } }, 3);
    const client = acmeClient({ baseUrl: server.url, token: "static-token-value" });
    const result = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    expect(result.response.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it("gives up after the limit and returns the last answer as a typed error", async () => {
    server.next({ status: 503, body: "<html><body>Service Unavailable</body></html>", headers: { "content-type": "text/html" } }, 3);
    const client = acmeClient({ baseUrl: server.url });
    const error = await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it("never sends a POST twice by default, even on 503", async () => {
    server.next({ status: 503, body: {} }, 3);
    const client = acmeClient({ baseUrl: server.url });
    const result = await client.POST("/tokens", { body: { name: "ci" } });
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("sends a POST again when the caller opts in, with the same body every time", async () => {
    server.next({ status: 503, body: {} });
    server.next({ status: 201, body: { id: "t1", name: "ci", secret: "s" } });
    const client = acmeClient({ baseUrl: server.url, retry: { methods: ["POST"], initialDelayMs: 1, jitter: 0 } });
    await unwrap(client.POST("/tokens", { body: { name: "ci" } }));
    expect(server.requests.map((r) => r.body)).toEqual(['{"name":"ci"}', '{"name":"ci"}']);
  });

  it("honours Retry-After in seconds", async () => {
    server.next({ status: 429, headers: { "retry-after": "1" } });
    server.next(ok);
    const client = acmeClient({ baseUrl: server.url });
    const started = performance.now();
    await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("honours retry-after-ms over Retry-After", async () => {
    server.next({ status: 503, headers: { "retry-after-ms": "30", "retry-after": "30" } });
    server.next(ok);
    const client = acmeClient({ baseUrl: server.url });
    await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(server.requests).toHaveLength(2);
  });

  it("fails at once with retryAfterMs when the vendor asks for more than the cap", async () => {
    server.next({ status: 429, headers: { "retry-after": "120" }, body: { error: { code: 429, message: "slow down" } } });
    const client = acmeClient({ baseUrl: server.url });
    const error = await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a reset connection and reports a ConnectionError when it persists", async () => {
    server.next("reset", 3);
    const client = acmeClient({ baseUrl: server.url });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).operation).toBe("GET /tokens/{id}");
    expect(server.requests).toHaveLength(3);
  });

  it("turns retries off per client and per request", async () => {
    server.next({ status: 503 }, 10);
    const off = acmeClient({ baseUrl: server.url, retry: false });
    await off.GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.next({ status: 503 }, 10);
    const client = acmeClient({ baseUrl: server.url });
    await client.withOptions({ retry: false }).GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.next({ status: 503 }, 10);
    await client.withOptions({ retry: { limit: 4, initialDelayMs: 1 } }).GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    expect(server.requests).toHaveLength(5);
  });
});

describe("abort and deadline", () => {
  it("an abort during the backoff wait ends the call at once and is not retried", async () => {
    server.next({ status: 503 }, 5);
    const controller = new AbortController();
    // A ten-minute backoff: if the abort did not end the wait, the test would time out.
    const client = acmeClient({
      baseUrl: server.url,
      retry: { initialDelayMs: 600_000, maxDelayMs: 600_000, jitter: 0 },
      deadline: 3_600_000,
      fetch: async (request, init) => {
        const response = await fetch(request, init);
        // The first answer is in: the retry layer is about to wait.
        controller.abort(new Error("user cancelled"));
        return response;
      },
    });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort while waiting for the answer is not retried", async () => {
    const controller = new AbortController();
    // The server aborts the call when the request arrives, then would answer only much later.
    server.next(() => {
      controller.abort();
      return { delayMs: 600_000, status: 200 };
    }, 3);
    const client = acmeClient({ baseUrl: server.url });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toHaveLength(1);
  });

  it("the deadline covers attempts and waits", async () => {
    server.next({ status: 503 }, 10);
    const client = acmeClient({
      baseUrl: server.url,
      deadline: 30_000,
      retry: { limit: 10, initialDelayMs: 60_000, maxDelayMs: 60_000, jitter: 0 },
    });
    const result = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    // The next wait (60 s) would cross the deadline (30 s), so the last answer is returned at once.
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("a deadline reached during an attempt is a TimeoutError of kind deadline", async () => {
    server.next({ delayMs: 600_000, status: 200 }, 3);
    const client = acmeClient({ baseUrl: server.url, deadline: 150, timeout: 300_000 });
    const error = await client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe("deadline");
    expect((error as TimeoutError).message).toContain("deadline");
  });
});
