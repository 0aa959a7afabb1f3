import type { HttpSecuritySchemeSpec } from "../spec.js";

/**
 * Applies an HTTP authentication scheme (`type: http`): `Authorization: <Scheme> <credential>`,
 * with the scheme name as RFC 6750 and RFC 7617 spell it (`Bearer`, `Basic`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @example httpAuthorization({ type: "http", scheme: "bearer" }, "eyJ…") // "Bearer eyJ…"
 */
export function httpAuthorization(scheme: HttpSecuritySchemeSpec, credential: string): string {
  const name = scheme.scheme.toLowerCase();
  const label = name === "bearer" ? "Bearer" : name === "basic" ? "Basic" : scheme.scheme;
  return `${label} ${credential}`;
}
