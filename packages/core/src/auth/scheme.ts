import type { TextRedactor } from "../errors/api-tokens-error.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import type { ApiSpec, SecuritySchemeSpec } from "../spec.js";
import type { FetchLike, Send } from "../transport/fetch-like.js";

/** What a scheme implementation may use to build its {@link Authenticator}. */
export interface SchemeSetup {
  readonly spec: ApiSpec;
  /** Overrides an OAuth2 scheme's `tokenUrl` (checked by the client). */
  readonly tokenUrl?: string | undefined;
  /** The transport below auth (timeout, retry, redirect rules), for a token request. */
  readonly exchange: Send;
  /** The wire `fetch` of a token request. */
  readonly fetch: FetchLike;
  readonly redactor: TextRedactor & { add(secret: string | undefined): void };
}

/** One security scheme at run time: how the credential is written into a request. */
export interface Authenticator {
  /** Writes the value to send (the credential, or what {@link exchange} made of it) into `headers`. */
  apply(headers: Headers, value: string): void;
  /**
   * Turns the credential users hold into the value sent (OAuth2: an access token); `refresh`
   * after a 401. A scheme with an exchange is refreshable even with a fixed credential.
   */
  readonly exchange?: ((credential: string, refresh: boolean) => Promise<string>) | undefined;
}

/**
 * The run-time half of a kind of security scheme, referenced by the generated spec module next
 * to the scheme's data (`{ type: "apiKey", …, auth: apiKeyAuth }`), so that a vendor's bundle
 * holds only the schemes its spec declares. `undefined` when core cannot apply this variant
 * (an API key in a query string, an OAuth2 flow other than client credentials).
 */
export type SchemeImplementation<S extends SecuritySchemeSpec = SecuritySchemeSpec> = (
  scheme: S,
  setup: SchemeSetup,
) => Authenticator | undefined;

/**
 * The security scheme to use and its {@link Authenticator}: the named one, or the first of the
 * spec's `security` alternatives (then the other declared schemes) that core can apply.
 *
 * @example selectScheme(spec, undefined, setup) // ["Api-Token", { apply }]
 */
export function selectScheme(spec: ApiSpec, name: string | undefined, setup: SchemeSetup): [string, Authenticator] {
  const names = name ? [name] : [...spec.security.flat(), ...Object.keys(spec.securitySchemes)];
  for (const candidate of names) {
    const scheme = spec.securitySchemes[candidate];
    const implementation = scheme?.auth as SchemeImplementation | undefined;
    const authenticator = scheme && implementation?.(scheme, setup);
    if (authenticator) return [candidate, authenticator];
  }
  const known = Object.keys(spec.securitySchemes).join(", ") || "none";
  throw new ConfigurationError(
    name
      ? `unknown or unsupported security scheme "${name}" (the option \`scheme\`; the spec has: ${known})`
      : `the spec declares no security scheme core can apply (it has: ${known})`,
    { vendor: spec.vendor, vendorName: spec.vendorName },
  );
}
