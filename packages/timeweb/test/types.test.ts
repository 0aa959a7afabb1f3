// Type-level tests, checked by `tsc` (the package's typecheck covers test/): what the spec does
// not allow must not compile, and responses must have the spec's model types. Each
// `@ts-expect-error` sits on the exact line that must fail; an unused one fails typecheck.
import { unwrap } from "@apitokens/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiKey,
  type ApiKeyRole,
  type CreateApiKey,
  type CreatedApiKey,
  type CreateToken201Response,
  type components,
  createTimewebClient,
  type EditApiKey,
  type ErrorResponse,
  type GetTokens200Response,
  type Meta,
  type RefreshApiKey,
  type ResponseId,
  type UpdateToken200Response,
} from "../src/index.js";

const client = createTimewebClient({ token: "eyJ.type.test" });
const token_id = "6f1c2a9e-3b7d-4e21-9a55-0c8e4f7b2d13";

/** Hands a call to the type checker without running it: nothing here touches the network. */
const compileOnly = (_call: () => unknown): void => undefined;

describe("paths and methods", () => {
  it("accepts every operation of the spec", () => {
    compileOnly(() => client.GET("/api/v1/auth/api-keys"));
    compileOnly(() => client.POST("/api/v1/auth/api-keys", { body: { name: "terraform-prod" } }));
    compileOnly(() => client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } } }));
    compileOnly(() => client.PUT("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } }, body: {} }));
    compileOnly(() => client.PATCH("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } }, body: { name: "x" } }));
  });

  it("refuses a path the spec does not have", () => {
    // @ts-expect-error "/api/v1/auth/api-key" is not a path of the spec
    compileOnly(() => client.GET("/api/v1/auth/api-key"));
    // @ts-expect-error the version is part of every path
    compileOnly(() => client.GET("/auth/api-keys"));
  });

  it("refuses a method the path does not have", () => {
    // @ts-expect-error a single token cannot be read, only listed
    compileOnly(() => client.GET("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } } }));
    // @ts-expect-error the collection has no DELETE
    compileOnly(() => client.DELETE("/api/v1/auth/api-keys", {}));
  });
});

describe("parameters", () => {
  it("refuses a call without the required path parameter", () => {
    // @ts-expect-error `params.path.token_id` is required
    compileOnly(() => client.DELETE("/api/v1/auth/api-keys/{token_id}"));
    // @ts-expect-error `token_id` is missing from `params.path`
    compileOnly(() => client.PATCH("/api/v1/auth/api-keys/{token_id}", { params: { path: {} }, body: { name: "x" } }));
  });

  it("refuses a query parameter the operation does not have, or of the wrong type", () => {
    // @ts-expect-error getTokens takes no query parameters (there is no pagination)
    compileOnly(() => client.GET("/api/v1/auth/api-keys", { params: { query: { limit: 10 } } }));
    // @ts-expect-error `token_id` is a string
    compileOnly(() => client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: 42 } } }));
  });
});

describe("request bodies", () => {
  it("refuses a body without a required field", () => {
    // @ts-expect-error `name` is required by CreateApiKey
    compileOnly(() => client.POST("/api/v1/auth/api-keys", { body: { expire: "2025-03-14T00:00:00Z" } }));
    // @ts-expect-error the reissue body is required (send `{}`)
    compileOnly(() => client.PUT("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } } }));
  });

  it("refuses a misspelled body field", () => {
    // @ts-expect-error `nmae` is not a field of CreateApiKey (it is `name`)
    compileOnly(() => client.POST("/api/v1/auth/api-keys", { body: { nmae: "terraform-prod", is_able_to_delete: false } }));
  });

  it("refuses a body field of the wrong type", () => {
    // @ts-expect-error `is_able_to_delete` is a boolean
    compileOnly(() => client.POST("/api/v1/auth/api-keys", { body: { name: "x", is_able_to_delete: "no" } }));
    // @ts-expect-error project IDs are numbers
    compileOnly(() => client.POST("/api/v1/auth/api-keys", { body: { name: "x", projects: ["184532"] } }));
    // @ts-expect-error `name` is a string
    compileOnly(() => client.PATCH("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } }, body: { name: 7 } }));
  });
});

describe("responses", () => {
  it("types each success body as its model", () => {
    expectTypeOf(() => unwrap(client.GET("/api/v1/auth/api-keys"))).returns.resolves.toEqualTypeOf<GetTokens200Response>();
    expectTypeOf(() =>
      unwrap(client.POST("/api/v1/auth/api-keys", { body: { name: "x" } })),
    ).returns.resolves.toEqualTypeOf<CreateToken201Response>();
    expectTypeOf(() =>
      unwrap(client.PUT("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } }, body: {} })),
    ).returns.resolves.toEqualTypeOf<CreateToken201Response>();
    expectTypeOf(() =>
      unwrap(client.PATCH("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } }, body: {} })),
    ).returns.resolves.toEqualTypeOf<UpdateToken200Response>();
    expectTypeOf(() =>
      unwrap(client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id } } })),
    ).returns.resolves.toEqualTypeOf<undefined>();
  });

  it("types the raw result's data", () => {
    const list = () => client.GET("/api/v1/auth/api-keys");
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof list>>["data"]>>().toEqualTypeOf<GetTokens200Response>();
  });

  it("types fields the way the spec declares them", () => {
    expectTypeOf<GetTokens200Response["api_keys"]>().toEqualTypeOf<ApiKey[]>();
    expectTypeOf<CreateToken201Response["api_key"]>().toEqualTypeOf<CreatedApiKey>();
    expectTypeOf<CreatedApiKey["token"]>().toEqualTypeOf<string>();
    expectTypeOf<ApiKey["expired_at"]>().toEqualTypeOf<string | null>();
    // The secret is only in a created or reissued token, never in a listed one.
    expectTypeOf<ApiKey>().not.toHaveProperty("token");
  });
});

describe("named models", () => {
  it("exports a type for every schema of the spec", () => {
    type Schemas = components["schemas"];
    expectTypeOf<ApiKeyRole>().toEqualTypeOf<Schemas["ApiKeyRole"]>();
    expectTypeOf<CreateApiKey>().toEqualTypeOf<Schemas["CreateApiKey"]>();
    expectTypeOf<RefreshApiKey>().toEqualTypeOf<Schemas["RefreshApiKey"]>();
    expectTypeOf<EditApiKey>().toEqualTypeOf<Schemas["EditApiKey"]>();
    expectTypeOf<ApiKey>().toEqualTypeOf<Schemas["ApiKey"]>();
    expectTypeOf<CreatedApiKey>().toEqualTypeOf<Schemas["CreatedApiKey"]>();
    expectTypeOf<Meta>().toEqualTypeOf<Schemas["Meta"]>();
    expectTypeOf<ResponseId>().toEqualTypeOf<Schemas["ResponseId"]>();
    expectTypeOf<GetTokens200Response>().toEqualTypeOf<Schemas["GetTokens200Response"]>();
    expectTypeOf<CreateToken201Response>().toEqualTypeOf<Schemas["CreateToken201Response"]>();
    expectTypeOf<UpdateToken200Response>().toEqualTypeOf<Schemas["UpdateToken200Response"]>();
    expectTypeOf<ErrorResponse>().toEqualTypeOf<Schemas["ErrorResponse"]>();
  });

  it("keeps open enumerations open: known roles and any other string", () => {
    expectTypeOf<"domains:read">().toExtend<ApiKeyRole>();
    expectTypeOf<"network-drives:write">().toExtend<ApiKeyRole>();
    expectTypeOf<"some-future-area:read">().toExtend<ApiKeyRole>();
  });
});
