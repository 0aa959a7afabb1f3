import { startTestServer, type TestServer } from "@apitokens/testing";
import type { Middleware } from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RequestAbortedError, unwrap } from "../../src/index.js";
import { acmeClient } from "../fixtures.js";

// The transport listens to a request's own signal only when it can abort (a caller's signal, or
// a middleware that may have replaced the request): every way a signal can reach it is honoured.
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

/** A middleware that sends the request on with `signal`. */
const withSignal = (signal: AbortSignal): Middleware => ({ onRequest: ({ request }) => new Request(request, { signal }) });

type Client = ReturnType<typeof acmeClient>;
const cases: {
  given: string;
  send: (client: Client, signal: AbortSignal) => Promise<unknown>;
}[] = [
  {
    given: "the caller's signal",
    send: (client, signal) => client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, signal }),
  },
  {
    given: "a per-call middleware that gives the request a signal",
    send: (client, signal) => client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, middleware: [withSignal(signal)] }),
  },
  {
    given: "a client middleware (use) that gives the request a signal",
    send: (client, signal) => {
      client.use(withSignal(signal));
      return client.GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    },
  },
  {
    given: "a middleware added to the client, used through withOptions()",
    send: (client, signal) => {
      client.use(withSignal(signal));
      return client.withOptions({ timeout: 600_000 }).GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    },
  },
  {
    given: "one of two copies of a middleware ejected (the other still runs)",
    send: (client, signal) => {
      const middleware = withSignal(signal);
      client.use(middleware, middleware);
      client.eject(middleware);
      return client.GET("/tokens/{id}", { params: { path: { id: "a1" } } });
    },
  },
];

describe("a request's signal aborts it however it was given", () => {
  it.each(cases)(
    "$given",
    async ({ send }) => {
      const controller = new AbortController();
      // The server never answers; the abort comes as soon as the request has arrived.
      server.next(() => {
        controller.abort();
        return { delayMs: 600_000, status: 200, body: { id: "a1", name: "x" } };
      });
      const client = acmeClient({ baseUrl: server.url, timeout: 600_000, deadline: 1_200_000 });
      const error = await send(client, controller.signal).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect(server.requests).toHaveLength(1);
    },
    60_000,
  );

  it("an ejected middleware's signal no longer reaches the request", async () => {
    const controller = new AbortController();
    controller.abort();
    server.next({ status: 200, body: { id: "a1", name: "x" } });
    const client = acmeClient({ baseUrl: server.url });
    const middleware = withSignal(controller.signal);
    client.use(middleware);
    client.eject(middleware);
    const data = await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(data.id).toBe("a1");
  }, 60_000);
});

describe("the wire", () => {
  it("a custom fetch gets a request that carries the credential; the chain's request never does", async () => {
    server.next({ status: 200, body: { id: "a1", name: "x" } });
    const atWire: (string | null)[] = [];
    const inChain: (string | null)[] = [];
    const client = acmeClient({
      baseUrl: server.url,
      scheme: "custom",
      fetch: (request, init) => {
        atWire.push(request.headers.get("x-api-key"));
        return fetch(request, init);
      },
    });
    client.use({
      onRequest: ({ request }) => {
        inChain.push(request.headers.get("x-api-key"));
      },
      onResponse: ({ request }) => {
        inChain.push(request.headers.get("x-api-key"));
      },
    });
    await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(atWire).toEqual(["t0ken-value-1234567890"]);
    expect(inChain).toEqual([null, null]);
    expect(server.requests[0]?.headers["x-api-key"]).toBe("t0ken-value-1234567890");
  }, 60_000);

  it("the global fetch sends the credential without a request that carries it", async () => {
    server.next({ status: 200, body: { id: "a1", name: "x" } });
    const seen: Request[] = [];
    const client = acmeClient({ baseUrl: server.url, scheme: "custom" });
    client.use({
      onRequest: ({ request }) => {
        seen.push(request);
      },
    });
    await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(server.requests[0]?.headers["x-api-key"]).toBe("t0ken-value-1234567890");
    expect(seen[0]?.headers.get("x-api-key")).toBeNull();
  }, 60_000);

  it("without middleware, the request carries the credential to a custom fetch and the server", async () => {
    server.next({ status: 200, body: { id: "a1", name: "x" } });
    const atWire: (string | null)[] = [];
    const client = acmeClient({
      baseUrl: server.url,
      scheme: "custom",
      fetch: (request, init) => {
        atWire.push(request.headers.get("x-api-key"));
        return fetch(request, init);
      },
    });
    await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } } }));
    expect(atWire).toEqual(["t0ken-value-1234567890", "t0ken-value-1234567890"]);
    expect(server.requests.map((r) => r.headers["x-api-key"])).toEqual(["t0ken-value-1234567890", "t0ken-value-1234567890"]);
  }, 60_000);

  it("a custom Request class given per call never holds the credential", async () => {
    server.next({ status: 200, body: { id: "a1", name: "x" } }, 2);
    const built: Request[] = [];
    class Spy extends Request {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        built.push(this);
      }
    }
    const client = acmeClient({ baseUrl: server.url, scheme: "custom" });
    // A first call checks the fixed credential; the second takes the path without an await.
    for (let i = 0; i < 2; i++) await unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a1" } }, Request: Spy } as never));
    expect(built).toHaveLength(2);
    expect(built.map((r) => r.headers.get("x-api-key"))).toEqual([null, null]);
    expect(server.requests.map((r) => r.headers["x-api-key"])).toEqual(["t0ken-value-1234567890", "t0ken-value-1234567890"]);
  }, 60_000);
});
