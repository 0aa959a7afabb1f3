import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PathParameterError, unwrap } from "../src/index.js";
import { pathParameterProblem, serializePath } from "../src/path-params.js";
import { acmeClient } from "./fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  server.fallback({ status: 204 });
});

describe("path parameters that would hit another resource are refused before sending", () => {
  it.each([
    { given: "", want: "is empty" },
    { given: ".", want: 'is ".", which would change the path' },
    { given: "..", want: 'is "..", which would change the path' },
    { given: "   ", want: "is only whitespace" },
    { given: "\t\n", want: "is only whitespace" },
    { given: "{id}", want: 'is the literal placeholder "{id}"' },
    { given: undefined, want: "is missing" },
    { given: null, want: "is missing" },
    { given: ["a"], want: "must be a string or a number, got an array" },
  ])("id = $given", async ({ given, want }) => {
    const client = acmeClient({ baseUrl: server.url });
    const error = await client.DELETE("/tokens/{id}", { params: { path: { id: given as string } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PathParameterError);
    expect((error as PathParameterError).parameter).toBe("id");
    expect((error as Error).message).toBe(`Acme on DELETE /tokens/{id}: path parameter "id" ${want}`);
    expect(server.requests).toHaveLength(0);
  });

  it("a missing params object is refused too", async () => {
    const client = acmeClient({ baseUrl: server.url });
    await expect(client.DELETE("/tokens/{id}", {} as never)).rejects.toBeInstanceOf(PathParameterError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("everything else is percent-encoded so it stays one segment", () => {
  it.each([
    { given: "a/b", want: "/tokens/a%2Fb" },
    { given: "../admin", want: "/tokens/..%2Fadmin" },
    { given: "a?b=c#d", want: "/tokens/a%3Fb%3Dc%23d" },
    { given: "dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7", want: "/tokens/dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7" },
    { given: "ä b", want: "/tokens/%C3%A4%20b" },
    { given: 1187, want: "/tokens/1187" },
  ])("$given → $want", async ({ given, want }) => {
    const client = acmeClient({ baseUrl: server.url });
    await unwrap(client.DELETE("/tokens/{id}", { params: { path: { id: given as string } } }));
    expect(server.requests[0]?.url).toBe(want);
    expect(serializePath("/tokens/{id}", { id: given })).toBe(want);
  });

  it("names nothing wrong for ordinary values", () => {
    expect(pathParameterProblem("id", "x")).toBeUndefined();
    expect(pathParameterProblem("id", 0)).toBeUndefined();
  });
});
