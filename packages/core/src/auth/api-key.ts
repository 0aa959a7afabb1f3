import type { ApiKeySecuritySchemeSpec } from "../spec.js";

/**
 * Applies an API key scheme (`type: apiKey`) to a request's headers: in a header, as
 * `<x-auth-prefix> <key>` when the spec declares a prefix (Dynatrace `Api-Token`, Sematext
 * `apiKey`), or as a cookie `name=value` appended to `Cookie`.
 *
 * @example applyApiKey({ type: "apiKey", in: "header", name: "Authorization", prefix: "Api-Token" }, headers, "dt0c01…")
 */
export function applyApiKey(scheme: ApiKeySecuritySchemeSpec, headers: Headers, credential: string): void {
  if (scheme.in === "header") {
    headers.set(scheme.name, scheme.prefix ? `${scheme.prefix} ${credential}` : credential);
    return;
  }
  if (scheme.in === "cookie") {
    const existing = headers.get("cookie");
    const pair = `${scheme.name}=${credential}`;
    headers.set("cookie", existing ? `${existing}; ${pair}` : pair);
    return;
  }
  throw new TypeError(`apiKey in ${scheme.in} is not supported`);
}
