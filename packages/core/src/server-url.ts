import { ConfigurationError } from "./errors/configuration-error.js";
import type { ApiSpec, ServerSpec } from "./spec.js";

/**
 * The URL of one of the spec's servers with its `{variables}` filled in (given values first,
 * then the spec's defaults).
 *
 * @example serverUrl(spec.servers[0], { environmentId: "abc12345" }) // "https://abc12345.live.dynatrace.com/api/v2"
 */
export function serverUrl(
  server: ServerSpec,
  variables: Readonly<Record<string, string>> = {},
  spec?: Pick<ApiSpec, "vendor" | "vendorName">,
): string {
  return server.url.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const value = variables[name] ?? server.variables?.[name]?.default;
    if (value === undefined || value === "")
      throw new ConfigurationError(`server variable "${name}" has no value`, { vendor: spec?.vendor, vendorName: spec?.vendorName });
    return value;
  });
}
