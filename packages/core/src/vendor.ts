import type { TokenAdapter } from "./lifecycle/token-adapter.js";
import type { Capabilities } from "./lifecycle/token-info.js";
import { createTokens, type Tokens } from "./lifecycle/tokens.js";
import type { ApiSpec } from "./spec.js";

/**
 * One thing a vendor connection is configured with: a `connect()` option, a config-file key
 * and an environment variable, with its help text. Emitted from the spec's
 * `x-apitokens.settings` into the vendor package's `src/generated/vendor.ts`.
 */
export interface VendorSetting {
  /** The `connect()` option and config-file key: `token`, `baseUrl`, `region`, `appId`, … */
  readonly key: string;
  /** The environment variable, e.g. `DT_API_TOKEN`. */
  readonly env: string;
  /** One line for `--help`. */
  readonly description: string;
  /** `integers`: `42`, `"42,43"` or `[42, 43]`. */
  readonly type: "secret" | "url" | "string" | "enum" | "integers";
  /** The vendor cannot be used without it. @default false */
  readonly required?: boolean;
  /** The allowed values of an `enum`. */
  readonly values?: readonly string[];
  /** What the client uses when the setting is absent (for help text; the client applies it). */
  readonly default?: string;
  /** For a `url`: appended when the given URL does not already end with it (`DT_ENV_URL` + `/api/v2`). */
  readonly suffix?: string;
  /** A value to show in help and error messages. */
  readonly example?: string;
}

/** What a vendor's tokens are given when created: Dynatrace scopes, Timeweb roles, Sematext access. */
export interface ScopeHints {
  /** What the vendor calls them (`scopes`, `roles`, `access`). */
  readonly label: string;
  /** A few real values to show in help and errors. */
  readonly examples: readonly string[];
  /** The only values the vendor accepts, where it has a closed list. */
  readonly allowed?: readonly string[];
  /** A create without any is refused by the vendor. @default false */
  readonly required?: boolean;
}

/** The generated half of a vendor definition (`src/generated/vendor.ts`). */
export interface VendorData {
  /** The package-level key, e.g. `"dynatrace"`. */
  readonly key: string;
  /** The name shown to people, e.g. `"Dynatrace"`. */
  readonly name: string;
  readonly settings: readonly VendorSetting[];
  readonly scopes?: ScopeHints | undefined;
}

/** A vendor secret's shape, compiled from the spec: for redaction and for finding leaked secrets in text. */
export interface SecretFormat {
  readonly name: string;
  /** Global and unanchored; a named group `public` is the part that is not secret. */
  readonly pattern: RegExp;
  /** Whether text matching the shape is redacted even when the value is not known. */
  readonly redact: boolean;
}

/** A vendor's client and its tokens through the unified lifecycle. */
export interface VendorConnection<Client = unknown, Raw = unknown> {
  readonly client: Client;
  readonly tokens: Tokens<Raw>;
}

/**
 * Everything the layers above the vendor packages need to know about a vendor, as data: the
 * facade's `connect()`, the CLI's configuration and help, leak scans and redaction read it;
 * none of them keeps a list of vendors of its own.
 */
export interface VendorDefinition<Options = never, Client = unknown, Raw = unknown> extends VendorData {
  readonly spec: ApiSpec;
  readonly secretFormats: readonly SecretFormat[];
  readonly capabilities: Capabilities;
  /** The typed client, from options whose keys are the settings' keys. */
  createClient(options: Options): Client;
  /**
   * The client and its lifecycle; `account` names one of several accounts of this vendor
   * (shown on every token) and is `undefined` for a single unnamed one.
   */
  connect(options: Options, account?: string): VendorConnection<Client, Raw>;
}

/** The parts a vendor package hands to {@link defineVendor}. */
export interface VendorParts<Options, Client, Raw> {
  readonly data: VendorData;
  readonly spec: ApiSpec;
  readonly capabilities: Capabilities;
  readonly createClient: (options: Options) => Client;
  /** The lifecycle adapter over a client made from the same options. */
  readonly adapter: (client: Client, options: Options) => TokenAdapter<Raw>;
}

/**
 * Compiles a spec's secret shapes (`x-apitokens.secretFormats`).
 *
 * @example secretFormatsOf(spec).some((f) => new RegExp(`^(?:${f.pattern.source})$`).test(value))
 */
export function secretFormatsOf(spec: ApiSpec): SecretFormat[] {
  return (spec.secretFormats ?? []).map((format) => ({
    name: format.name,
    pattern: new RegExp(format.pattern, "g"),
    redact: format.redact ?? true,
  }));
}

/**
 * A vendor definition from its generated data, spec, client factory and lifecycle adapter.
 *
 * @example
 * export const dynatrace = defineVendor({ data: vendorData, spec, capabilities: DYNATRACE_CAPABILITIES,
 *   createClient: createDynatraceClient, adapter: (client) => dynatraceAdapter(client) });
 */
export function defineVendor<Options, Client, Raw>(parts: VendorParts<Options, Client, Raw>): VendorDefinition<Options, Client, Raw> {
  const { data, spec, capabilities, createClient, adapter } = parts;
  return Object.freeze({
    ...data,
    spec,
    capabilities,
    secretFormats: Object.freeze(secretFormatsOf(spec)),
    createClient,
    connect(options: Options, account?: string): VendorConnection<Client, Raw> {
      const client = createClient(options);
      return { client, tokens: createTokens(adapter(client, options), { account }) };
    },
  });
}
