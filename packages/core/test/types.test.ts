import { describe, expectTypeOf, it } from "vitest";
import { type ApiError, type ErrorBody, paginate, type SuccessData, unwrap } from "../src/index.js";
import { type ErrorBody as AcmeErrorBody, acmeClient, type Token } from "./fixtures.js";

// Type-level tests: checked by `tsc` (the package's typecheck task). Calls sit inside
// `compileOnly` so nothing is sent when vitest runs the file.
const client = acmeClient({ baseUrl: "https://api.acme.invalid/v1" });
const compileOnly = (_call: () => unknown): void => {};

describe("types", () => {
  it("unwrap returns the success data of the operation", () => {
    expectTypeOf(() =>
      unwrap(client.GET("/tokens/{id}", { params: { path: { id: "a" } } })),
    ).returns.resolves.branded.toEqualTypeOf<Token>();
    expectTypeOf(() => unwrap(client.POST("/tokens", { body: { name: "x" } }))).returns.resolves.branded.toEqualTypeOf<{
      id: string;
      name: string;
      secret: string;
    }>();
    expectTypeOf(() =>
      unwrap(client.DELETE("/tokens/{id}", { params: { path: { id: "a" } } })),
    ).returns.resolves.branded.toEqualTypeOf<undefined>();
  });

  it("the raw error is the vendor's error body", () => {
    type Result = Awaited<ReturnType<typeof client.POST<"/tokens", { body: { name: string } }>>>;
    expectTypeOf<ErrorBody<Result>>().toEqualTypeOf<AcmeErrorBody>();
    expectTypeOf<SuccessData<Result>>().branded.toEqualTypeOf<{ id: string; name: string; secret: string }>();
  });

  it("paginate yields the item type of the path", () => {
    expectTypeOf(paginate(client, "/tokens")).branded.toEqualTypeOf<AsyncGenerator<Token, void, undefined>>();
    compileOnly(() => {
      // @ts-expect-error "/tokens/{id}" is not a paginated path
      paginate(client, "/tokens/{id}");
    });
    compileOnly(() => {
      // @ts-expect-error pageSize is a number
      paginate(client, "/tokens", { params: { query: { pageSize: "10" } } });
    });
  });

  it("unknown parameters and body fields do not compile (openapi-fetch alone accepts them)", () => {
    compileOnly(() => {
      // @ts-expect-error "nmae" is not a body field
      client.PUT("/tokens/{id}", { params: { path: { id: "a" } }, body: { nmae: "x" } });
    });
    compileOnly(() => {
      // @ts-expect-error "page" is not a query parameter
      client.GET("/tokens", { params: { query: { pageSize: 10, page: 2 } } });
    });
    compileOnly(() => {
      // @ts-expect-error "other" is not a path parameter
      client.GET("/tokens/{id}", { params: { path: { id: "a", other: "b" } } });
    });
    compileOnly(() => {
      // @ts-expect-error "bogus" is not a request option
      client.GET("/tokens/{id}", { params: { path: { id: "a" } }, bogus: true });
    });
    // Known options still compile.
    compileOnly(() =>
      client.GET("/tokens", { params: { query: { pageSize: 10 } }, signal: AbortSignal.timeout(1_000), headers: { "x-trace": "1" } }),
    );
  });

  it("a token read from the environment compiles (a missing one is refused at run time)", () => {
    compileOnly(() => acmeClient({ baseUrl: "https://api.acme.invalid/v1", token: process.env.ACME_TOKEN }));
  });

  it("withOptions keeps the client's type", () => {
    expectTypeOf(client.withOptions({ retry: false })).toEqualTypeOf(client);
    compileOnly(() => {
      // @ts-expect-error timeout is a number of milliseconds
      client.withOptions({ timeout: "30s" });
    });
  });

  it("ApiError carries a typed body", () => {
    expectTypeOf<ApiError<AcmeErrorBody>["body"]>().toEqualTypeOf<AcmeErrorBody | undefined>();
  });
});
