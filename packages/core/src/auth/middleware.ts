import type { Middleware } from "openapi-fetch";
import { ConfigurationError } from "../errors/configuration-error.js";
import type { Redactor } from "../redact.js";
import type { ApiSpec, SecuritySchemeSpec } from "../spec.js";
import { type FetchLike, releaseResponse } from "../transport/fetch-like.js";
import { apiKeyHeader, applyApiKey } from "./api-key.js";
import { type Credential, type CredentialSource, resolveCredential } from "./credential.js";
import { httpAuthorization } from "./http-bearer.js";
import { ClientCredentialsExchanger } from "./oauth2-client-credentials.js";

/** Options of {@link createAuthMiddleware}. */
export interface AuthMiddlewareOptions {
  readonly spec: ApiSpec;
  readonly credential: Credential;
  /** The security scheme to use; defaults to the first one of the spec's `security` that core supports. */
  readonly scheme?: string | undefined;
  /** Overrides an OAuth2 scheme's `tokenUrl`. */
  readonly tokenUrl?: string | undefined;
  /** The only origin that gets the credential. */
  readonly origin: string;
  /** The transport, for the token exchange and the one retry after a 401. */
  readonly fetch: FetchLike;
  readonly redactor: Redactor;
  /** Where the credential came from, for error messages. */
  readonly source: CredentialSource;
}

/** The auth middleware, plus what the rest of the client needs to know about it. */
export type AuthMiddleware = Middleware & {
  /** Headers that carry the credential, to drop on a redirect to another origin. */
  readonly credentialHeaders: readonly string[];
  /** The security scheme in use. */
  readonly schemeName: string;
};

/** The scheme to use: the named one, or the first of the spec's `security` alternatives core supports. */
export function selectScheme(spec: ApiSpec, name?: string): [string, SecuritySchemeSpec] {
  const names = name ? [name] : [...spec.security.flat(), ...Object.keys(spec.securitySchemes)];
  for (const candidate of names) {
    const scheme = spec.securitySchemes[candidate];
    if (!scheme) continue;
    if (scheme.type === "apiKey" && scheme.in === "query") continue;
    if (scheme.type === "oauth2" && !scheme.flows.clientCredentials) continue;
    return [candidate, scheme];
  }
  const known = Object.keys(spec.securitySchemes).join(", ") || "none";
  throw new ConfigurationError(
    name
      ? `unknown or unsupported security scheme "${name}" (the spec has: ${known})`
      : `the spec declares no security scheme core can apply (it has: ${known})`,
    { vendor: spec.vendor, vendorName: spec.vendorName },
  );
}

/**
 * One auth middleware for every vendor, driven by the spec's security schemes: HTTP bearer,
 * API key in a header (with the spec's `x-auth-prefix`) or a cookie, and OAuth2 client
 * credentials. Register it last, nearest the wire, so no other middleware sees the secret.
 *
 * - The credential goes only to `origin`; requests elsewhere carry no auth header.
 * - A function credential is called per request; on a 401 it is asked once more with
 *   `{ refresh: true }` and the request is retried once (an OAuth2 token is exchanged anew).
 *   Concurrent 401s share one refresh; the retry bypasses the middleware, so no loop.
 *
 * @example
 * client.use(createAuthMiddleware({ spec, credential: process.env.DT_API_TOKEN, origin, fetch, redactor, source }));
 */
export function createAuthMiddleware(options: AuthMiddlewareOptions): AuthMiddleware {
  const { spec, credential, origin, redactor, source } = options;
  const [schemeName, scheme] = selectScheme(spec, options.scheme);
  const refreshable = typeof credential === "function" || scheme.type === "oauth2";
  const exchanger =
    scheme.type === "oauth2"
      ? new ClientCredentialsExchanger({
          tokenUrl: options.tokenUrl ?? scheme.flows.clientCredentials?.tokenUrl ?? "",
          separator: scheme.credentialSeparator ?? ":",
          fetch: options.fetch,
          redactor,
          vendor: spec.vendor,
          vendorName: spec.vendorName,
        })
      : undefined;
  const pending = new WeakMap<Request, Request>();
  const originPrefix = `${origin}/`;
  let refreshing: Promise<string> | undefined;

  // A fixed credential is checked once, not on every request.
  let fixed: Promise<string> | undefined;
  async function credentialValue(refresh: boolean): Promise<string> {
    if (typeof credential !== "function" && !exchanger) {
      fixed ??= resolveCredential(credential, { refresh: false }, source).then((value) => {
        redactor.add(value);
        return value;
      });
      return fixed;
    }
    const value = await resolveCredential(credential, { refresh }, source);
    redactor.add(value);
    return exchanger ? exchanger.accessToken(value, { refresh }) : value;
  }

  function refreshOnce(): Promise<string> {
    refreshing ??= credentialValue(true).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  function apply(headers: Headers, value: string): void {
    if (scheme.type === "apiKey") applyApiKey(scheme, headers, value);
    else headers.set("authorization", scheme.type === "http" ? httpAuthorization(scheme, value) : `Bearer ${value}`);
  }

  return {
    schemeName,
    credentialHeaders: [scheme.type === "apiKey" ? apiKeyHeader(scheme) : "authorization"],
    async onRequest({ request }) {
      // Request URLs are normalised, so a prefix test is an origin test (the "/" stops
      // "https://api.example.com.evil" from passing for "https://api.example.com").
      if (!request.url.startsWith(originPrefix)) return undefined;
      apply(request.headers, await credentialValue(false));
      // Kept for the one retry after a 401. A request without a body can be sent again as it
      // is; one with a body needs a copy, since a body is read once.
      if (refreshable) pending.set(request, request.body === null ? request : request.clone());
      return undefined;
    },
    async onResponse({ request, response, options: requestOptions }) {
      const retry = pending.get(request);
      pending.delete(request);
      if (response.status !== 401 || !retry) return undefined;
      const value = await refreshOnce();
      apply(retry.headers, value);
      await response.body?.cancel().catch(() => undefined);
      releaseResponse(response);
      return (requestOptions.fetch as FetchLike)(retry);
    },
  };
}
