// Type-level tests, checked by `tsc` (the package's typecheck covers test/): what the spec does
// not allow must not compile, and responses must have the spec's model types. Each
// `@ts-expect-error` sits on the exact line that must fail; an unused one fails typecheck.
import { unwrap } from "@apitokens/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AuthToken,
  type AuthTokenBody,
  type AuthTokenMeta,
  type AuthTokenMetaList,
  type AuthTokenPatch,
  type BadRequestResponse,
  type components,
  createQernalClient,
  type DeletedResponse,
  type ListAuthTokens,
  type ModelDate,
  type NotFoundResponse,
  type OrganisationsListPageParameter,
  type PaginationLinks,
  type PaginationMeta,
  type QernalClientOptions,
} from "../src/index.js";

const client = createQernalClient({ token: "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14@type-test-secret" });
const token_id = "5b0e7a3c-1d42-4c8e-9f61-3a7b2d9e0c14";

/** Hands a call to the type checker without running it: nothing here touches the network. */
const compileOnly = (_call: () => unknown): void => undefined;

describe("paths and methods", () => {
  it("accepts every operation of the spec", () => {
    compileOnly(() => client.GET("/auth/tokens", { params: { query: { page: { after: 20, size: 20 } } } }));
    compileOnly(() => client.POST("/auth/tokens", { body: { name: "tf-deploy", expiry_duration: 90 } }));
    compileOnly(() => client.GET("/auth/tokens/{token_id}", { params: { path: { token_id } } }));
    compileOnly(() => client.PUT("/auth/tokens/{token_id}", { params: { path: { token_id } }, body: { expiry_duration: 0 } }));
    compileOnly(() => client.DELETE("/auth/tokens/{token_id}", { params: { path: { token_id } } }));
  });

  it("refuses a path the spec does not have", () => {
    // @ts-expect-error "/auth/token" is not a path of the spec
    compileOnly(() => client.GET("/auth/token", {}));
    // @ts-expect-error the `/v1` prefix belongs to baseUrl, not to the path
    compileOnly(() => client.GET("/v1/auth/tokens", {}));
  });

  it("refuses a method the path does not have", () => {
    // @ts-expect-error updates use PUT (with partial semantics), not PATCH
    compileOnly(() => client.PATCH("/auth/tokens/{token_id}", { params: { path: { token_id } }, body: { name: "x" } }));
    // @ts-expect-error the collection has no DELETE
    compileOnly(() => client.DELETE("/auth/tokens", {}));
  });
});

describe("parameters", () => {
  it("refuses a call without the required path parameter", () => {
    // @ts-expect-error `params.path.token_id` is required
    compileOnly(() => client.GET("/auth/tokens/{token_id}"));
    // @ts-expect-error `token_id` is missing from `params.path`
    compileOnly(() => client.DELETE("/auth/tokens/{token_id}", { params: { path: {} } }));
  });

  it("refuses a query parameter the operation does not have, or of the wrong type", () => {
    // @ts-expect-error paging goes through the `page` deep object, there is no `pageSize`
    compileOnly(() => client.GET("/auth/tokens", { params: { query: { pageSize: 20 } } }));
    // @ts-expect-error `page` has `before`, `after` and `size`, not `offset`
    compileOnly(() => client.GET("/auth/tokens", { params: { query: { page: { offset: 20 } } } }));
    // @ts-expect-error `page.size` is an integer
    compileOnly(() => client.GET("/auth/tokens", { params: { query: { page: { size: "20" } } } }));
  });
});

describe("request bodies", () => {
  it("refuses a body without a required field", () => {
    // @ts-expect-error `expiry_duration` is required by AuthTokenBody (0 means never)
    compileOnly(() => client.POST("/auth/tokens", { body: { name: "tf-deploy" } }));
    // @ts-expect-error the body of auth-tokens-create is required
    compileOnly(() => client.POST("/auth/tokens", {}));
  });

  it("refuses a misspelled body field", () => {
    // @ts-expect-error `expiry` is not a field of AuthTokenBody (it is `expiry_duration`)
    compileOnly(() => client.POST("/auth/tokens", { body: { name: "tf-deploy", expiry: 90 } }));
  });

  it("refuses a body field of the wrong type", () => {
    // @ts-expect-error `expiry_duration` is an integer number of days
    compileOnly(() => client.POST("/auth/tokens", { body: { name: "tf-deploy", expiry_duration: "90" } }));
    // @ts-expect-error `name` is a string
    compileOnly(() => client.PUT("/auth/tokens/{token_id}", { params: { path: { token_id } }, body: { name: 1 } }));
  });
});

describe("responses", () => {
  it("types each success body as its model", () => {
    expectTypeOf(() => unwrap(client.GET("/auth/tokens"))).returns.resolves.toEqualTypeOf<ListAuthTokens | AuthTokenMetaList>();
    expectTypeOf(() =>
      unwrap(client.POST("/auth/tokens", { body: { name: "x", expiry_duration: 1 } })),
    ).returns.resolves.toEqualTypeOf<AuthToken>();
    expectTypeOf(() =>
      unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id } } })),
    ).returns.resolves.toEqualTypeOf<AuthTokenMeta>();
    expectTypeOf(() =>
      unwrap(client.PUT("/auth/tokens/{token_id}", { params: { path: { token_id } }, body: {} })),
    ).returns.resolves.toEqualTypeOf<AuthToken>();
    expectTypeOf(() =>
      unwrap(client.DELETE("/auth/tokens/{token_id}", { params: { path: { token_id } } })),
    ).returns.resolves.toEqualTypeOf<DeletedResponse>();
  });

  it("types the raw result's data", () => {
    const get = () => client.GET("/auth/tokens/{token_id}", { params: { path: { token_id } } });
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof get>>["data"]>>().toEqualTypeOf<AuthTokenMeta>();
  });

  it("types fields the way the spec declares them", () => {
    // The one-time secret may be in a created or updated token, never in the metadata.
    expectTypeOf<AuthToken["token"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AuthTokenMeta>().not.toHaveProperty("token");
    expectTypeOf<AuthTokenMeta["date"]>().toEqualTypeOf<ModelDate>();
    expectTypeOf<QernalClientOptions["tokenUrl"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("named models", () => {
  it("exports a type for every schema of the spec", () => {
    type Schemas = components["schemas"];
    expectTypeOf<AuthTokenBody>().toEqualTypeOf<Schemas["AuthTokenBody"]>();
    expectTypeOf<AuthTokenPatch>().toEqualTypeOf<Schemas["AuthTokenPatch"]>();
    expectTypeOf<AuthToken>().toEqualTypeOf<Schemas["AuthToken"]>();
    expectTypeOf<AuthTokenMeta>().toEqualTypeOf<Schemas["AuthTokenMeta"]>();
    expectTypeOf<ModelDate>().toEqualTypeOf<Schemas["Date"]>();
    expectTypeOf<AuthTokenMetaList>().toEqualTypeOf<Schemas["AuthTokenMetaList"]>();
    expectTypeOf<ListAuthTokens>().toEqualTypeOf<Schemas["ListAuthTokens"]>();
    expectTypeOf<PaginationMeta>().toEqualTypeOf<Schemas["PaginationMeta"]>();
    expectTypeOf<PaginationLinks>().toEqualTypeOf<Schemas["PaginationLinks"]>();
    expectTypeOf<OrganisationsListPageParameter>().toEqualTypeOf<Schemas["OrganisationsListPageParameter"]>();
    expectTypeOf<DeletedResponse>().toEqualTypeOf<Schemas["DeletedResponse"]>();
    expectTypeOf<NotFoundResponse>().toEqualTypeOf<Schemas["NotFoundResponse"]>();
    expectTypeOf<BadRequestResponse>().toEqualTypeOf<Schemas["BadRequestResponse"]>();
  });
});
