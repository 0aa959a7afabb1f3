import { ConfigurationError } from "../errors/configuration-error.js";
import type { ApiSpec, SecuritySchemeSpec } from "../spec.js";
import { applyApiKey } from "./api-key.js";
import { httpAuthorization } from "./http-bearer.js";

/**
 * The security scheme to use: the named one, or the first of the spec's `security`
 * alternatives that core supports (API keys in a query string and OAuth2 flows other than
 * client credentials are not).
 *
 * @example selectScheme(spec) // ["ApiToken", { type: "apiKey", in: "header", name: "Authorization", prefix: "Api-Token" }]
 */
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
      ? `unknown or unsupported security scheme "${name}" (the option \`scheme\`; the spec has: ${known})`
      : `the spec declares no security scheme core can apply (it has: ${known})`,
    { vendor: spec.vendor, vendorName: spec.vendorName },
  );
}

/**
 * Writes a credential into headers as the scheme says: `Authorization: Bearer …` for `http`
 * bearer and for an OAuth2 access token (RFC 6750), `<prefix> <key>` or the bare key in the
 * scheme's header for `apiKey`, or a cookie.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @example applyScheme({ type: "http", scheme: "bearer" }, headers, "eyJ…")
 */
export function applyScheme(scheme: SecuritySchemeSpec, headers: Headers, credential: string): void {
  if (scheme.type === "apiKey") applyApiKey(scheme, headers, credential);
  else headers.set("authorization", scheme.type === "http" ? httpAuthorization(scheme, credential) : `Bearer ${credential}`);
}
