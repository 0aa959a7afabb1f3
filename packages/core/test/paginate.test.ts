import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiTokensError, ConfigurationError, NotFoundError, paginate } from "../src/index.js";
import { acmeClient } from "./fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const page = (ids: string[], next?: string) => ({ status: 200, body: { items: ids.map((id) => ({ id, name: id })), next: next ?? null } });

describe("paginate", () => {
  it("yields every item across pages, sending only the cursor after the first page", async () => {
    server.next(page(["a", "b"], "c1"));
    server.next(page(["c", "d"], "c2"));
    server.next(page(["e"]));
    const ids: string[] = [];
    for await (const token of paginate(acmeClient({ baseUrl: server.url }), "/tokens", { params: { query: { pageSize: 2 } } }))
      ids.push(token.id);
    expect(ids).toEqual(["a", "b", "c", "d", "e"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/tokens?pageSize=2", "/tokens?cursor=c1", "/tokens?cursor=c2"]);
  });

  it("fetches the next page only when the consumer asks for it", async () => {
    server.next(page(["a"], "c1"));
    server.next(page(["b"]));
    const iterator = paginate(acmeClient({ baseUrl: server.url }), "/tokens");
    await iterator.next();
    expect(server.requests).toHaveLength(1);
    await iterator.return(undefined);
    expect(server.requests).toHaveLength(1);
  });

  it("stops with an error instead of looping when the server repeats a cursor", async () => {
    server.fallback(page(["a"], "same"));
    const ids: string[] = [];
    const run = async () => {
      for await (const token of paginate(acmeClient({ baseUrl: server.url }), "/tokens")) ids.push(token.id);
    };
    await expect(run()).rejects.toThrow(ApiTokensError);
    await expect(run()).rejects.toThrow(/pagination did not advance/);
    expect(server.requests.length).toBeLessThan(10);
  });

  it("throws the typed error of a failing page", async () => {
    server.next(page(["a"], "c1"));
    server.next({ status: 404 });
    const run = async () => {
      for await (const _ of paginate(acmeClient({ baseUrl: server.url, retry: false }), "/tokens"));
    };
    await expect(run()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a path that does not page", async () => {
    const client = acmeClient({ baseUrl: server.url });
    const run = async () => {
      for await (const _ of paginate(client, "/tokens/{id}" as "/tokens"));
    };
    await expect(run()).rejects.toBeInstanceOf(ConfigurationError);
  });
});
