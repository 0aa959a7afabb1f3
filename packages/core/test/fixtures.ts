import {
  type ApiSpec,
  apiKeyAuth,
  type ClientOptions,
  createApiClient,
  httpAuth,
  oauth2ClientCredentialsAuth,
  type VendorProfile,
} from "../src/index.js";

/** A small spec with every kind of security scheme core supports. */
export const spec = {
  vendor: "acme",
  vendorName: "Acme",
  title: "Acme tokens",
  version: "1",
  servers: [{ url: "https://api.acme.invalid/v1" }],
  securitySchemes: {
    bearer: { type: "http", scheme: "bearer", auth: httpAuth },
    prefixed: { type: "apiKey", in: "header", name: "Authorization", prefix: "Api-Token", auth: apiKeyAuth },
    custom: { type: "apiKey", in: "header", name: "X-Api-Key", auth: apiKeyAuth },
    session: { type: "apiKey", in: "cookie", name: "acme_session", auth: apiKeyAuth },
    oauth: {
      type: "oauth2",
      flows: { clientCredentials: { tokenUrl: "https://auth.acme.invalid/oauth2/token", scopes: {} } },
      credentialSeparator: "@",
      auth: oauth2ClientCredentialsAuth,
    },
  },
  security: [["bearer"], ["prefixed"], ["custom"], ["session"], ["oauth"]],
  // A vendor secret shape given as data, as the vendors' specs declare theirs.
  secretFormats: [{ name: "Acme token", pattern: "(?<public>dt0[a-zA-Z][0-9]{2}\\.[A-Z0-9]{24})\\.[A-Z0-9]{64}" }],
  operations: {
    listTokens: { method: "GET", path: "/tokens", security: [["bearer"]], responses: { "200": "json", "400": "json" } },
    createToken: { method: "POST", path: "/tokens", security: [["bearer"]], responses: { "201": "json", "400": "json" } },
    getToken: { method: "GET", path: "/tokens/{id}", security: [["bearer"]], responses: { "200": "json", "404": "empty" } },
    updateToken: { method: "PUT", path: "/tokens/{id}", security: [["bearer"]], responses: { "204": "empty", "400": "json" } },
    deleteToken: {
      method: "DELETE",
      path: "/tokens/{id}",
      security: [["bearer"]],
      responses: { "204": "empty", "400": "json", "404": "empty" },
    },
  },
} as const satisfies ApiSpec;

export interface Token {
  id: string;
  name: string;
}

export interface ErrorBody {
  error: { code: number; message: string; constraintViolations?: { path: string; message: string }[] };
}

type Json<T> = { content: { "application/json": T } };

/** Hand-written `paths` in openapi-typescript's shape, for the fixture spec. */
export interface paths {
  "/tokens": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: { cursor?: string; pageSize?: number }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown> } & Json<{ items: Token[]; next?: string | null }>;
        400: { headers: Record<string, unknown> } & Json<ErrorBody>;
      };
    };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: Json<{ name: string }>;
      responses: {
        201: { headers: Record<string, unknown> } & Json<Token & { secret: string }>;
        400: { headers: Record<string, unknown> } & Json<ErrorBody>;
      };
    };
  };
  "/tokens/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown> } & Json<Token>; 404: { headers: Record<string, unknown>; content?: never } };
    };
    put: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody: Json<{ name?: string }>;
      responses: {
        204: { headers: Record<string, unknown>; content?: never };
        400: { headers: Record<string, unknown> } & Json<ErrorBody>;
      };
    };
    delete: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 204: { headers: Record<string, unknown>; content?: never }; 404: { headers: Record<string, unknown>; content?: never } };
    };
  };
}

export interface AcmePages {
  readonly "/tokens": { readonly item: Token; readonly init: { readonly params?: { readonly query?: { readonly pageSize?: number } } } };
}

type ListData = { items: Token[]; next?: string | null };

export const profile: VendorProfile = {
  envVar: "ACME_TOKEN",
  pagination: {
    "/tokens": {
      items: (data: ListData) => data.items,
      next: (data: ListData, _response, init) => (data.next ? { ...init, params: { query: { cursor: data.next } } } : undefined),
    },
  },
};

/** Test defaults: tiny backoff, no jitter, and time limits a loaded machine cannot hit by accident. */
export const fast = { retry: { initialDelayMs: 5, maxDelayMs: 40, jitter: 0 }, timeout: 20_000, deadline: 60_000 } as const;

export function acmeClient(options: Partial<ClientOptions> & { baseUrl: string; tokenUrl?: string }) {
  return createApiClient<paths, AcmePages>(spec, { token: "t0ken-value-1234567890", ...fast, ...options }, profile);
}
