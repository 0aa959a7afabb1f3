import { ApiTokensError } from "./api-tokens-error.js";

/**
 * A client option is missing or invalid (no `baseUrl` for Dynatrace, an unknown region,
 * a malformed URL). Thrown when the client is created.
 *
 * @example
 * createDynatraceClient({ token }); // throws ConfigurationError: baseUrl is required
 */
export class ConfigurationError extends ApiTokensError {
  override name = "ConfigurationError";
}
