// Type-level tests, checked by `tsc` (the package's typecheck covers test/): what the spec does
// not allow must not compile, and responses must have the spec's model types. Each
// `@ts-expect-error` sits on the exact line that must fail; an unused one fails typecheck.
import { unwrap } from "@apitokens/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CreateTokenDto,
  type components,
  createSematextClient,
  type ErrorResponse,
  type GenericMapBasedApiResponse,
  type ModelError,
  type ResponseEnvelope,
  type TokenDto,
  type TokenResponse,
  type TokenResponseEntry,
  type TokensResponse,
  type TokensResponseEntry,
  type UpdateTokenDto,
} from "../src/index.js";

const client = createSematextClient({ region: "eu", token: "0f3e6c2a-type-test" });
const appId = 24531;
const tokenId = 1187;

/** Hands a call to the type checker without running it: nothing here touches the network. */
const compileOnly = (_call: () => unknown): void => undefined;

describe("paths and methods", () => {
  it("accepts every operation of the spec", () => {
    compileOnly(() => client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } } }));
    compileOnly(() =>
      client.POST("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } }, body: { name: "ci", writeable: true } }),
    );
    compileOnly(() =>
      client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } }, body: { enabled: false } }),
    );
    compileOnly(() => client.DELETE("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } } }));
    compileOnly(() => client.POST("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", { params: { path: { appId, tokenId } } }));
  });

  it("refuses a path the spec does not have", () => {
    // @ts-expect-error "/users-web/api/v3/apps/{appId}/token" is not a path of the spec
    compileOnly(() => client.GET("/users-web/api/v3/apps/{appId}/token", { params: { path: { appId } } }));
    // @ts-expect-error the `/users-web` prefix is part of every path
    compileOnly(() => client.GET("/api/v3/apps/{appId}/tokens", { params: { path: { appId } } }));
  });

  it("refuses a method the path does not have", () => {
    // @ts-expect-error a single token cannot be read, only listed
    compileOnly(() => client.GET("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } } }));
    // @ts-expect-error regenerate is POST only
    compileOnly(() => client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", { params: { path: { appId, tokenId } } }));
  });
});

describe("parameters", () => {
  it("refuses a call without a required path parameter", () => {
    // @ts-expect-error `params.path.appId` is required
    compileOnly(() => client.GET("/users-web/api/v3/apps/{appId}/tokens"));
    // @ts-expect-error `tokenId` is missing from `params.path`
    compileOnly(() => client.DELETE("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId } } }));
  });

  it("refuses a path parameter of the wrong type", () => {
    // @ts-expect-error `appId` is an int64, not a string
    compileOnly(() => client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: "24531" } } }));
  });

  it("refuses a query parameter the operation does not have", () => {
    // @ts-expect-error the token list takes no query parameters (no paging, no filtering)
    compileOnly(() => client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId }, query: { page: 1 } } }));
  });

  it("refuses an unknown region", () => {
    // @ts-expect-error Sematext Cloud has the regions "us" and "eu"
    compileOnly(() => createSematextClient({ region: "ap", token: "k" }));
  });
});

describe("request bodies", () => {
  it("refuses a missing body, and a body where the operation takes none", () => {
    // @ts-expect-error the body of createAppToken is required
    compileOnly(() => client.POST("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } } }));
    compileOnly(() => {
      // @ts-expect-error regenerate takes no request body
      client.POST("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", { params: { path: { appId, tokenId } }, body: {} });
    });
  });

  it("refuses a body field of the wrong type", () => {
    compileOnly(() => {
      // @ts-expect-error `writable` is not a field of CreateTokenDto (it is spelled `writeable`)
      client.POST("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } }, body: { name: "ci", writable: true } });
    });
    // @ts-expect-error `readable` is a boolean
    compileOnly(() => client.POST("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } }, body: { readable: "yes" } }));
    compileOnly(() => {
      // @ts-expect-error `enabled` is a boolean
      client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } }, body: { enabled: "false" } });
    });
    compileOnly(() => {
      // @ts-expect-error `name` is a string
      client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } }, body: { name: 5 } });
    });
  });
});

describe("responses", () => {
  it("types each success body as its model", () => {
    // `branded`: openapi-fetch flattens the spec's allOf envelopes (ResponseEnvelope & {...}) into one object type.
    expectTypeOf(() =>
      unwrap(client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } } })),
    ).returns.resolves.branded.toEqualTypeOf<TokensResponse>();
    expectTypeOf(() =>
      unwrap(client.POST("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } }, body: {} })),
    ).returns.resolves.branded.toEqualTypeOf<TokenResponse>();
    expectTypeOf(() =>
      unwrap(client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } }, body: {} })),
    ).returns.resolves.branded.toEqualTypeOf<TokenResponse>();
    expectTypeOf(() =>
      unwrap(client.DELETE("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } } })),
    ).returns.resolves.branded.toEqualTypeOf<GenericMapBasedApiResponse>();
    expectTypeOf(() =>
      unwrap(client.POST("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", { params: { path: { appId, tokenId } } })),
    ).returns.resolves.branded.toEqualTypeOf<TokenResponse>();
  });

  it("types the raw result's data", () => {
    const list = () => client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } } });
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof list>>["data"]>>().branded.toEqualTypeOf<TokensResponse>();
  });

  it("types fields the way the spec declares them", () => {
    expectTypeOf<NonNullable<TokenResponse["data"]>["token"]>().toEqualTypeOf<TokenDto | undefined>();
    expectTypeOf<NonNullable<TokensResponse["data"]>["tokens"]>().toEqualTypeOf<TokenDto[] | undefined>();
    expectTypeOf<TokenDto["id"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ModelError["code"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("named models", () => {
  it("exports a type for every schema of the spec", () => {
    type Schemas = components["schemas"];
    expectTypeOf<CreateTokenDto>().toEqualTypeOf<Schemas["CreateTokenDto"]>();
    expectTypeOf<UpdateTokenDto>().toEqualTypeOf<Schemas["UpdateTokenDto"]>();
    expectTypeOf<TokenDto>().toEqualTypeOf<Schemas["TokenDto"]>();
    expectTypeOf<TokenResponseEntry>().toEqualTypeOf<Schemas["TokenResponseEntry"]>();
    expectTypeOf<TokensResponseEntry>().toEqualTypeOf<Schemas["TokensResponseEntry"]>();
    expectTypeOf<ResponseEnvelope>().toEqualTypeOf<Schemas["ResponseEnvelope"]>();
    expectTypeOf<TokenResponse>().toEqualTypeOf<Schemas["TokenResponse"]>();
    expectTypeOf<TokensResponse>().toEqualTypeOf<Schemas["TokensResponse"]>();
    expectTypeOf<GenericMapBasedApiResponse>().toEqualTypeOf<Schemas["GenericMapBasedApiResponse"]>();
    expectTypeOf<ErrorResponse>().toEqualTypeOf<Schemas["ErrorResponse"]>();
    expectTypeOf<ModelError>().toEqualTypeOf<Schemas["Error"]>();
  });
});
