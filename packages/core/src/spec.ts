/**
 * The parts of an OpenAPI document that a client needs at run time, as emitted by
 * `scripts/generate.mjs` into each vendor package's `src/generated/spec.ts`.
 *
 * Core reads only this shape; it never hard-codes a vendor's header format. Each security
 * scheme names its implementation (`auth`), imported by the generated module from
 * `@apitokens/core`, so a bundle carries only the schemes its spec declares.
 *
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */

import type { SchemeImplementation } from "./auth/scheme.js";

/** A server variable, e.g. Dynatrace's `{environmentId}`. */
export interface ServerVariableSpec {
  readonly default: string;
  readonly enum?: readonly string[];
  readonly description?: string;
}

/** One entry of the spec's `servers`. */
export interface ServerSpec {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, ServerVariableSpec>>;
}

/** `type: http` (e.g. `scheme: bearer`). */
export interface HttpSecuritySchemeSpec {
  readonly type: "http";
  readonly scheme: string;
  readonly bearerFormat?: string;
  readonly description?: string;
  /** Applies it: `httpAuth`. */
  readonly auth?: SchemeImplementation<HttpSecuritySchemeSpec>;
}

/**
 * `type: apiKey`. `prefix` comes from the spec's `x-auth-prefix` extension: the value sent is
 * `<prefix> <credential>` (OpenAPI has no field for it).
 */
export interface ApiKeySecuritySchemeSpec {
  readonly type: "apiKey";
  readonly in: "header" | "query" | "cookie";
  readonly name: string;
  readonly prefix?: string;
  readonly description?: string;
  /** Applies it: `apiKeyAuth`. */
  readonly auth?: SchemeImplementation<ApiKeySecuritySchemeSpec>;
}

/**
 * `type: oauth2` with a client-credentials flow. `credentialSeparator` comes from the spec's
 * `x-credential-separator`: the credential users hold is `<client_id><sep><client_secret>`.
 */
export interface OAuth2SecuritySchemeSpec {
  readonly type: "oauth2";
  readonly flows: {
    readonly clientCredentials?: {
      readonly tokenUrl: string;
      readonly scopes?: Readonly<Record<string, string>>;
    };
  };
  readonly credentialSeparator?: string;
  readonly description?: string;
  /** Applies it: `oauth2ClientCredentialsAuth`. */
  readonly auth?: SchemeImplementation<OAuth2SecuritySchemeSpec>;
}

/** Any security scheme core knows how to apply (a scheme without `auth` is not applied). */
export type SecuritySchemeSpec = HttpSecuritySchemeSpec | ApiKeySecuritySchemeSpec | OAuth2SecuritySchemeSpec;

/** What the body of one response status is, as far as parsing goes. */
export type ResponseBodyKind = "json" | "empty";

/** One operation: where it lives and what its responses carry. */
export interface OperationSpec {
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE";
  readonly path: string;
  /**
   * Alternatives, in the spec's order of preference; each names the schemes it needs. Absent
   * when the operation uses the spec's global `security`.
   */
  readonly security?: readonly (readonly string[])[];
  /**
   * Status code (or `2XX`, `default`) → what its body is. The generated data holds the success
   * answers only: an error answer's body is read whatever the spec says it is.
   */
  readonly responses: Readonly<Record<string, ResponseBodyKind>>;
}

/**
 * A vendor secret's shape, from the spec's `x-apitokens.secretFormats`: a regular expression
 * source (matched globally, unanchored) whose optional named group `public` is the part that is
 * not secret (Dynatrace's token id). `redact: false` marks a shape that is recognised in a leak
 * scan but too generic to redact by shape alone (a UUID); known values are redacted anyway.
 */
export interface SecretFormatSpec {
  readonly name: string;
  readonly pattern: string;
  readonly redact?: boolean;
}

/** The run-time half of a vendor spec. */
export interface ApiSpec {
  /** Package-level vendor key, e.g. `"dynatrace"`. */
  readonly vendor: string;
  /** Human name used in messages, e.g. `"Dynatrace"`. */
  readonly vendorName: string;
  readonly title: string;
  readonly version: string;
  readonly servers: readonly ServerSpec[];
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeSpec>>;
  /** Global security alternatives. */
  readonly security: readonly (readonly string[])[];
  /** Keyed by operationId. */
  readonly operations: Readonly<Record<string, OperationSpec>>;
  /** The vendor's secret shapes, for redaction and leak scans (`x-apitokens.secretFormats`). */
  readonly secretFormats?: readonly SecretFormatSpec[];
}
