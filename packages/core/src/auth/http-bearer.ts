import type { HttpSecuritySchemeSpec } from "../spec.js";
import type { SchemeImplementation } from "./scheme.js";

/**
 * An HTTP authentication scheme (`type: http`): `Authorization: <Scheme> <credential>`, with
 * the scheme name as RFC 6750 and RFC 7617 spell it (`Bearer`, `Basic`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @example httpAuth({ type: "http", scheme: "bearer" }, setup)?.apply(headers, "eyJ…") // Authorization: Bearer eyJ…
 */
export const httpAuth: SchemeImplementation<HttpSecuritySchemeSpec> = ({ scheme }) => {
  const name = scheme.toLowerCase();
  const label = name === "bearer" ? "Bearer" : name === "basic" ? "Basic" : scheme;
  return { apply: (headers, credential) => headers.set("authorization", `${label} ${credential}`) };
};
