import type { ApiKeySecuritySchemeSpec } from "../spec.js";
import type { SchemeImplementation } from "./scheme.js";

/**
 * An API key scheme (`type: apiKey`): in a header, as `<x-auth-prefix> <key>` when the spec
 * declares a prefix (Dynatrace `Api-Token`, Sematext `apiKey`), or as a cookie `name=value`
 * appended to `Cookie`. A key in the query string is not applied (it would end up in logs).
 *
 * @example apiKeyAuth({ type: "apiKey", in: "header", name: "Authorization", prefix: "Api-Token" }, setup)?.apply(headers, "dt0c01…")
 */
export const apiKeyAuth: SchemeImplementation<ApiKeySecuritySchemeSpec> = ({ in: where, name, prefix }) =>
  where === "header"
    ? { apply: (headers, key) => headers.set(name, prefix ? `${prefix} ${key}` : key) }
    : where === "cookie"
      ? {
          apply(headers, key) {
            const existing = headers.get("cookie");
            headers.set("cookie", existing ? `${existing}; ${name}=${key}` : `${name}=${key}`);
          },
        }
      : undefined;
