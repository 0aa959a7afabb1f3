import { startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkShape, type ShapeCheck } from "../src/check-shape.js";
import { createApiClient } from "../src/client.js";
import { ResponseShapeError } from "../src/errors/response-shape-error.js";
import { paginate } from "../src/paginate.js";
import { Redactor } from "../src/redact.js";
import { type AcmePages, fast, type paths, profile, spec, type Token } from "./fixtures.js";

/** What a generated validator looks like for the fixture's list answer (`{ items: Token[] }`). */
const listShape: ShapeCheck = (body) => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { pointer: "", expected: "object" };
  const items = (body as { items?: unknown }).items;
  if (items === undefined) return { pointer: "/items", expected: "required property" };
  if (!Array.isArray(items)) return { pointer: "/items", expected: "array" };
  for (let i = 0; i < items.length; i++)
    if (typeof (items[i] as Token | undefined)?.id !== "string") return { pointer: `/items/${i}/id`, expected: "string" };
  return undefined;
};

describe("checkShape", () => {
  const context = { vendor: "acme", vendorName: "Acme", operation: "GET /tokens", status: 200, requestId: "r-1" };

  it("returns a well-formed body as it is", () => {
    const body = { items: [{ id: "a" }] };
    expect(checkShape(listShape, body, context)).toBe(body);
  });

  it.each([
    {
      given: { items: "nope" },
      want: {
        pointer: "/items",
        expected: "array",
        message: "Acme 200 on GET /tokens: the answer breaks the spec at /items: expected array",
      },
    },
    {
      given: { items: [{ id: 1 }] },
      want: {
        pointer: "/items/0/id",
        expected: "string",
        message: "Acme 200 on GET /tokens: the answer breaks the spec at /items/0/id: expected string",
      },
    },
    {
      given: "<html>",
      want: {
        pointer: "",
        expected: "object",
        message: "Acme 200 on GET /tokens: the answer breaks the spec at the body: expected object",
      },
    },
  ])("throws a ResponseShapeError naming vendor, operation and pointer for $given", ({ given, want }) => {
    const error = (() => {
      try {
        checkShape(listShape, given, context);
      } catch (e) {
        return e;
      }
      return undefined;
    })() as ResponseShapeError;
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ ...want, vendor: "acme", operation: "GET /tokens", status: 200, requestId: "r-1" });
  });

  it("redacts what it takes from the answer with the client's redactor", () => {
    const redactor = new Redactor();
    redactor.add("s3cr3t-credential-value");
    const check: ShapeCheck = () => ({ pointer: "/s3cr3t-credential-value", expected: "string" });
    const error = (() => {
      try {
        checkShape(check, {}, { ...context, requestId: "s3cr3t-credential-value", redactor });
      } catch (e) {
        return e as ResponseShapeError;
      }
      return undefined;
    })();
    expect(JSON.stringify(error)).not.toContain("s3cr3t");
    expect(error?.message).not.toContain("s3cr3t");
  });
});

describe("paginate checks each page with the paginator's shape", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  let loads = 0;
  const checked = {
    ...profile,
    pagination: {
      "/tokens": {
        ...profile.pagination?.["/tokens"],
        shape: async () => {
          loads++;
          return listShape;
        },
      },
    },
  } as typeof profile;
  const client = () =>
    createApiClient<paths, AcmePages>(spec, { token: "t0ken-value-1234567890", ...fast, baseUrl: server.url, retry: false }, checked);

  it("yields the items of well-formed pages, loading the check once per walk", async () => {
    loads = 0;
    server.next({ status: 200, body: { items: [{ id: "a", name: "a" }], next: "c1" } });
    server.next({ status: 200, body: { items: [{ id: "b", name: "b" }], next: null } });
    const ids: string[] = [];
    for await (const token of paginate(client(), "/tokens")) ids.push(token.id);
    expect(ids).toEqual(["a", "b"]);
    expect(loads).toBe(1);
  });

  it("throws a ResponseShapeError instead of making items up from a wrong shape", async () => {
    server.next({ status: 200, headers: { "x-request-id": "req-42" }, body: { items: "nope" } });
    const ids: string[] = [];
    const run = async () => {
      for await (const token of paginate(client(), "/tokens")) ids.push(String(token.id));
    };
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({
      vendor: "acme",
      operation: "GET /tokens",
      status: 200,
      pointer: "/items",
      expected: "array",
      requestId: "req-42",
    });
    expect(ids).toEqual([]);
  });
});
