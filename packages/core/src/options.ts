import type { Credential } from "./auth/credential.js";
import type { ErrorContext } from "./errors/api-tokens-error.js";
import { ConfigurationError } from "./errors/configuration-error.js";
import type { FetchLike } from "./transport/fetch-like.js";
import type { RetryOptions } from "./transport/retry.js";

/** Time limits, as data. */
export const DEFAULT_TIMEOUTS = Object.freeze({
  /** Per attempt, headers and body. */
  timeout: 30_000,
  /** The whole call: every attempt and every backoff wait. */
  deadline: 90_000,
});

/** What can be tuned per client and per request (see `ApiClient.withOptions`). */
export interface RequestPolicyOptions {
  /** Retry settings merged over the defaults; `false` turns retries off. */
  readonly retry?: RetryOptions | undefined;
  /** Milliseconds one attempt may take, body included: a positive finite number. @default 30000 */
  readonly timeout?: number | undefined;
  /** Milliseconds the whole call may take, retries and waits included: a positive finite number. @default 90000 */
  readonly deadline?: number | undefined;
}

/** Options every vendor client accepts. */
export interface ClientOptions extends RequestPolicyOptions {
  /**
   * The vendor credential: a string, a `Secret`, or a function (sync or async) called per
   * request, which gets `{ refresh: true }` once after a 401. `undefined` is accepted so that
   * `token: process.env.DT_API_TOKEN` compiles; a missing value is refused when the client is
   * created, with an error naming the option and the environment variable.
   */
  readonly token: Credential | undefined;
  /** A custom `fetch` (for proxies, tests, instrumentation); it is the wire, and sees the credential. @default globalThis.fetch */
  readonly fetch?: FetchLike | undefined;
  /** Headers sent with every request. Names and values are checked when the client is created. */
  readonly headers?: Record<string, string> | undefined;
  /** The security scheme to use, by its name in the spec; defaults to the spec's first. */
  readonly scheme?: string | undefined;
}

/**
 * An http(s) URL option (`baseUrl`, `tokenUrl`), without credentials, query or fragment and
 * without a trailing slash. Messages name the option and never the value, which may hold a
 * password.
 *
 * @example checkedUrl("tokenUrl", "https://hydra.qernal.com/oauth2/token", context)
 */
export function checkedUrl(option: string, value: unknown, context: ErrorContext): string {
  if (value === undefined || value === null || value === "") throw new ConfigurationError(`\`${option}\` is required`, context);
  if (typeof value !== "string") throw new ConfigurationError(`\`${option}\` must be a string, got ${typeof value}`, context);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`\`${option}\` is not a valid absolute URL`, context);
  }
  if (url.username || url.password)
    throw new ConfigurationError(`\`${option}\` must not contain credentials (user:password@); use the \`token\` option`, context);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new ConfigurationError(`\`${option}\` must be http(s), got ${url.protocol}`, context);
  if (url.search || url.hash) throw new ConfigurationError(`\`${option}\` must not have a query or fragment`, context);
  return url.toString().replace(/\/+$/, "");
}

/** A header name: an RFC 9110 token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The `headers` option, refused when a name is not a valid header name or a value holds
 * what a header value cannot carry (CR, LF, NUL, or a character outside Latin-1): the
 * message names the header and the position, never the value.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.5
 * @example checkedHeaders({ "X-Trace": "a\r\nX-Evil: 1" }, context) // ConfigurationError: `headers["X-Trace"]` contains a carriage return (CR) at position 2
 */
export function checkedHeaders(headers: unknown, context: ErrorContext): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  if (headers === null || typeof headers !== "object" || Array.isArray(headers))
    throw new ConfigurationError("`headers` must be an object of header names to values", context);
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw new ConfigurationError("`headers` has a name that is not a valid header name", context);
    if (typeof value !== "string") throw new ConfigurationError(`\`headers["${name}"]\` must be a string, got ${typeof value}`, context);
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const what =
        code === 13
          ? "a carriage return (CR)"
          : code === 10
            ? "a line feed (LF)"
            : code === 0
              ? "a NUL character"
              : code > 0xff
                ? "a character outside Latin-1"
                : undefined;
      if (what) throw new ConfigurationError(`\`headers["${name}"]\` contains ${what} at position ${i + 1}`, context);
    }
  }
  return headers as Record<string, string>;
}

/**
 * A time limit option (`timeout`, `deadline`): a positive finite number of milliseconds.
 * `0`, negative numbers, `NaN` and `Infinity` are refused rather than read as "no limit".
 *
 * @example checkedMs("timeout", 0, context) // ConfigurationError: `timeout` must be a positive finite number of milliseconds, got 0
 */
export function checkedMs(option: string, value: unknown, context: ErrorContext): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new ConfigurationError(
      `\`${option}\` must be a positive finite number of milliseconds, got ${typeof value === "number" ? String(value) : typeof value}`,
      context,
    );
  return value;
}

/** The checked time limits of a policy (see {@link checkedMs}). */
export function checkedPolicy(policy: RequestPolicyOptions, context: ErrorContext): RequestPolicyOptions {
  checkedMs("timeout", policy.timeout, context);
  checkedMs("deadline", policy.deadline, context);
  return policy;
}
