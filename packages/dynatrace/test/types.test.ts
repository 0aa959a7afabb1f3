// Type-level tests, checked by `tsc` (the package's typecheck covers test/): what the spec does
// not allow must not compile, and responses must have the spec's model types. Each
// `@ts-expect-error` sits on the exact line that must fail; an unused one fails typecheck.
import { unwrap } from "@apitokens/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiToken,
  type ApiTokenCreate,
  type ApiTokenCreated,
  type ApiTokenList,
  type ApiTokenScope,
  type ApiTokenSecret,
  type ApiTokenUpdate,
  type ConstraintViolation,
  type components,
  createDynatraceClient,
  type ErrorEnvelope,
  type ModelError,
  type ParameterLocation,
  type TimeExpression,
  type Timestamp,
  type TokenId,
  type TokenSecret,
} from "../src/index.js";

const client = createDynatraceClient({ baseUrl: "https://abc12345.live.dynatrace.com/api/v2", token: "dt0c01.TYPE.TEST" });
const id = "dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7";

/** Hands a call to the type checker without running it: nothing here touches the network. */
const compileOnly = (_call: () => unknown): void => undefined;

describe("paths and methods", () => {
  it("accepts every operation of the spec", () => {
    compileOnly(() => client.GET("/apiTokens"));
    compileOnly(() => client.POST("/apiTokens", { body: { name: "ci", scopes: ["metrics.read"] } }));
    compileOnly(() => client.GET("/apiTokens/{id}", { params: { path: { id } } }));
    compileOnly(() => client.PUT("/apiTokens/{id}", { params: { path: { id } }, body: { enabled: false } }));
    compileOnly(() => client.DELETE("/apiTokens/{id}", { params: { path: { id } } }));
    compileOnly(() => client.POST("/apiTokens/lookup", { body: { token: "dt0c01.A.B" } }));
  });

  it("refuses a path the spec does not have", () => {
    // @ts-expect-error "/apiToken" is not a path of the spec
    compileOnly(() => client.GET("/apiToken", {}));
    // @ts-expect-error the base path is part of baseUrl, not of the path
    compileOnly(() => client.GET("/api/v2/apiTokens", {}));
  });

  it("refuses a method the path does not have", () => {
    // @ts-expect-error lookup is POST only
    compileOnly(() => client.GET("/apiTokens/lookup", {}));
    // @ts-expect-error tokens are updated with PUT, not PATCH
    compileOnly(() => client.PATCH("/apiTokens/{id}", { params: { path: { id } }, body: { enabled: false } }));
  });
});

describe("parameters", () => {
  it("refuses a call without the required path parameter", () => {
    // @ts-expect-error `params.path.id` is required
    compileOnly(() => client.GET("/apiTokens/{id}"));
    // @ts-expect-error `id` is missing from `params.path`
    compileOnly(() => client.DELETE("/apiTokens/{id}", { params: { path: {} } }));
  });

  it("refuses a query parameter the operation does not have, or of the wrong type", () => {
    // @ts-expect-error `page` is not a query parameter of listApiTokens (it is `pageSize`)
    compileOnly(() => client.GET("/apiTokens", { params: { query: { page: 2 } } }));
    // @ts-expect-error `pageSize` is an integer
    compileOnly(() => client.GET("/apiTokens", { params: { query: { pageSize: "500" } } }));
  });
});

describe("request bodies", () => {
  it("refuses a body without a required field", () => {
    // @ts-expect-error `scopes` is required by ApiTokenCreate
    compileOnly(() => client.POST("/apiTokens", { body: { name: "ci" } }));
    // @ts-expect-error the body of createApiToken is required
    compileOnly(() => client.POST("/apiTokens", {}));
  });

  it("refuses a misspelled body field", () => {
    // @ts-expect-error `nmae` is not a field of ApiTokenCreate (it is `name`)
    compileOnly(() => client.POST("/apiTokens", { body: { nmae: "ci", scopes: ["metrics.read"] } }));
    // @ts-expect-error `secret` is not a field of ApiTokenSecret (it is `token`)
    compileOnly(() => client.POST("/apiTokens/lookup", { body: { secret: "dt0c01.A.B" } }));
  });

  it("refuses unknown fields and parameters even where nothing required is missing", () => {
    // @ts-expect-error `revoked` is not a field of ApiTokenUpdate (it is `enabled`)
    compileOnly(() => client.PUT("/apiTokens/{id}", { params: { path: { id } }, body: { revoked: true } }));
    // @ts-expect-error `scope` is not a field of ApiTokenCreate, next to a valid body
    compileOnly(() => client.POST("/apiTokens", { body: { name: "ci", scopes: ["metrics.read"], scope: "x" } }));
    // @ts-expect-error `page` is not a query parameter, next to a valid one
    compileOnly(() => client.GET("/apiTokens", { params: { query: { pageSize: 500, page: 2 } } }));
  });

  it("refuses a body field of the wrong type", () => {
    // @ts-expect-error `name` is a string
    compileOnly(() => client.POST("/apiTokens", { body: { name: 42, scopes: ["metrics.read"] } }));
    // @ts-expect-error `enabled` is a boolean
    compileOnly(() => client.PUT("/apiTokens/{id}", { params: { path: { id } }, body: { enabled: "false" } }));
  });
});

describe("responses", () => {
  it("types each success body as its model", () => {
    expectTypeOf(() => unwrap(client.GET("/apiTokens"))).returns.resolves.toEqualTypeOf<ApiTokenList>();
    expectTypeOf(() =>
      unwrap(client.POST("/apiTokens", { body: { name: "ci", scopes: ["metrics.read"] } })),
    ).returns.resolves.toEqualTypeOf<ApiTokenCreated>();
    expectTypeOf(() => unwrap(client.GET("/apiTokens/{id}", { params: { path: { id } } }))).returns.resolves.toEqualTypeOf<ApiToken>();
    expectTypeOf(() =>
      unwrap(client.POST("/apiTokens/lookup", { body: { token: "dt0c01.A.B" } })),
    ).returns.resolves.toEqualTypeOf<ApiToken>();
  });

  it("types the raw result's data, and 204 answers as undefined", () => {
    const get = () => client.GET("/apiTokens/{id}", { params: { path: { id } } });
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof get>>["data"]>>().toEqualTypeOf<ApiToken>();
    const remove = () => unwrap(client.DELETE("/apiTokens/{id}", { params: { path: { id } } }));
    expectTypeOf(remove).returns.resolves.toEqualTypeOf<undefined>();
    const update = () => unwrap(client.PUT("/apiTokens/{id}", { params: { path: { id } }, body: { enabled: true } }));
    expectTypeOf(update).returns.resolves.toEqualTypeOf<undefined>();
  });

  it("types fields the way the spec declares them", () => {
    expectTypeOf<ApiToken["id"]>().toEqualTypeOf<string>();
    expectTypeOf<ApiToken["scopes"]>().toEqualTypeOf<ApiTokenScope[] | undefined>();
    expectTypeOf<ApiTokenList["nextPageKey"]>().toEqualTypeOf<string | null | undefined>();
  });
});

describe("named models", () => {
  it("exports a type for every schema of the spec", () => {
    type Schemas = components["schemas"];
    expectTypeOf<TokenId>().toEqualTypeOf<Schemas["TokenId"]>();
    expectTypeOf<TokenSecret>().toEqualTypeOf<Schemas["TokenSecret"]>();
    expectTypeOf<Timestamp>().toEqualTypeOf<Schemas["Timestamp"]>();
    expectTypeOf<TimeExpression>().toEqualTypeOf<Schemas["TimeExpression"]>();
    expectTypeOf<ApiTokenScope>().toEqualTypeOf<Schemas["ApiTokenScope"]>();
    expectTypeOf<ApiToken>().toEqualTypeOf<Schemas["ApiToken"]>();
    expectTypeOf<ApiTokenCreate>().toEqualTypeOf<Schemas["ApiTokenCreate"]>();
    expectTypeOf<ApiTokenCreated>().toEqualTypeOf<Schemas["ApiTokenCreated"]>();
    expectTypeOf<ApiTokenList>().toEqualTypeOf<Schemas["ApiTokenList"]>();
    expectTypeOf<ApiTokenSecret>().toEqualTypeOf<Schemas["ApiTokenSecret"]>();
    expectTypeOf<ApiTokenUpdate>().toEqualTypeOf<Schemas["ApiTokenUpdate"]>();
    expectTypeOf<ErrorEnvelope>().toEqualTypeOf<Schemas["ErrorEnvelope"]>();
    expectTypeOf<ModelError>().toEqualTypeOf<Schemas["Error"]>();
    expectTypeOf<ConstraintViolation>().toEqualTypeOf<Schemas["ConstraintViolation"]>();
    expectTypeOf<ParameterLocation>().toEqualTypeOf<Schemas["ParameterLocation"]>();
  });

  it("keeps open enumerations open: known scopes and any other string", () => {
    expectTypeOf<"metrics.read">().toExtend<ApiTokenScope>();
    expectTypeOf<"someFutureScope.read">().toExtend<ApiTokenScope>();
  });
});
