import { type Call, discard } from "../context.js";
import type { ErrorContext, TextRedactor } from "../errors/api-tokens-error.js";
import { CredentialError } from "../errors/credential-error.js";
import { TokenExchangeError } from "../errors/token-exchange-error.js";
import type { OAuth2SecuritySchemeSpec } from "../spec.js";
import type { FetchLike } from "../transport/fetch-like.js";
import type { SchemeImplementation, SchemeSetup } from "./scheme.js";

/** How an access token is cached. */
export const DEFAULT_TOKEN_CACHE = Object.freeze({
  /** Renew this long before the token expires. */
  refreshBeforeExpiryMs: 30_000,
  /** Lifetime assumed when the token response has no `expires_in`. */
  defaultLifetimeMs: 300_000,
});

/** Options of {@link ClientCredentialsExchanger}. */
export interface ClientCredentialsOptions extends ErrorContext {
  readonly tokenUrl: string;
  /** Splits the credential users hold into client id and secret (first occurrence). */
  readonly separator: string;
  readonly fetch: FetchLike;
  readonly redactor: { add(secret: string): void } & TextRedactor;
  readonly now?: () => number;
}

interface CachedToken {
  readonly credential: string;
  readonly accessToken: string;
  readonly expiresAt: number;
}

/**
 * The OAuth2 client-credentials grant for a credential of the form `<client_id><sep><secret>`
 * (Qernal: `<uuid>@<secret>`). The access token is cached until shortly before it expires,
 * and concurrent callers share one exchange. The client authenticates with HTTP Basic
 * (`client_secret_basic`), which every server must support.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @example
 * const exchanger = new ClientCredentialsExchanger({ tokenUrl, separator: "@", fetch, redactor });
 * const accessToken = await exchanger.accessToken("5b0e…@Q7.xVn2…");
 */
export class ClientCredentialsExchanger {
  readonly #options: ClientCredentialsOptions;
  #cached: CachedToken | undefined;
  #inFlight: { credential: string; promise: Promise<CachedToken> } | undefined;

  constructor(options: ClientCredentialsOptions) {
    this.#options = options;
  }

  /** A valid access token for `credential`, exchanging only when none is cached or it is about to expire. */
  async accessToken(credential: string, { refresh = false }: { refresh?: boolean } = {}): Promise<string> {
    const now = (this.#options.now ?? Date.now)();
    const cached = this.#cached;
    if (!refresh && cached && cached.credential === credential && cached.expiresAt - DEFAULT_TOKEN_CACHE.refreshBeforeExpiryMs > now) {
      return cached.accessToken;
    }
    if (this.#inFlight?.credential === credential) return (await this.#inFlight.promise).accessToken;
    const promise = this.#exchange(credential);
    const flight = { credential, promise };
    this.#inFlight = flight;
    try {
      const token = await promise;
      this.#cached = token;
      return token.accessToken;
    } finally {
      if (this.#inFlight === flight) this.#inFlight = undefined;
    }
  }

  /** Forgets the cached access token (after the API refused it). */
  invalidate(accessToken?: string): void {
    if (accessToken === undefined || this.#cached?.accessToken === accessToken) this.#cached = undefined;
  }

  async #exchange(credential: string): Promise<CachedToken> {
    const { tokenUrl, separator, redactor } = this.#options;
    const context = {
      vendor: this.#options.vendor,
      vendorName: this.#options.vendorName,
      operation: `POST ${safeUrl(tokenUrl)}`,
      redactor,
    };
    const at = credential.indexOf(separator);
    if (at <= 0 || at === credential.length - separator.length) {
      throw new CredentialError(`the token must look like <client id>${separator}<client secret>`, { ...context, option: "token" });
    }
    const clientId = credential.slice(0, at);
    const clientSecret = credential.slice(at + separator.length);
    redactor.add(clientSecret);
    redactor.add(credential);
    // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding.
    const basic = btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`);
    redactor.add(basic);
    const response = await this.#options.fetch(
      new Request(tokenUrl, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: "grant_type=client_credentials",
        // No ambient credentials, and no browser HTTP-auth prompt: a 401 with
        // `WWW-Authenticate: Basic` from a same-origin token endpoint would otherwise hold the
        // request until a user answers a dialog, instead of failing with `invalid_client`.
        credentials: "omit",
      }),
    );
    const text = await response.text();
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object") body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const code = typeof body?.error === "string" ? body.error : undefined;
      const description = typeof body?.error_description === "string" ? `: ${body.error_description}` : "";
      throw new TokenExchangeError(`token endpoint answered ${response.status}${code ? ` ${code}` : ""}${description}`, {
        ...context,
        status: response.status,
        oauthError: code,
      });
    }
    const accessToken = body?.access_token;
    if (typeof accessToken !== "string" || accessToken === "") {
      throw new TokenExchangeError("token endpoint answered without an access_token", { ...context, status: response.status });
    }
    redactor.add(accessToken);
    const expiresIn =
      typeof body?.expires_in === "number" && body.expires_in > 0 ? body.expires_in * 1000 : DEFAULT_TOKEN_CACHE.defaultLifetimeMs;
    return { credential, accessToken, expiresAt: (this.#options.now ?? Date.now)() + expiresIn };
  }
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+");
}

function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(token URL)";
  }
}

/**
 * An OAuth2 scheme (`type: oauth2`) with a client-credentials flow: the credential users hold
 * (`<client id><x-credential-separator><secret>`) is exchanged at `tokenUrl` (or the client's
 * `tokenUrl` option) for an access token, sent as `Authorization: Bearer <access token>`
 * (RFC 6750). Other flows are not applied.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @example oauth2ClientCredentialsAuth(spec.securitySchemes.oauth2, setup)
 */
export const oauth2ClientCredentialsAuth: SchemeImplementation<OAuth2SecuritySchemeSpec> = (scheme, setup) => {
  const flow = scheme.flows.clientCredentials;
  if (!flow) return undefined;
  const tokenUrl = setup.tokenUrl ?? flow.tokenUrl;
  const exchanger = new ClientCredentialsExchanger({
    tokenUrl,
    separator: scheme.credentialSeparator ?? ":",
    fetch: exchangeFetch(setup, `POST ${safeUrl(tokenUrl)}`),
    redactor: setup.redactor,
    vendor: setup.spec.vendor,
    vendorName: setup.spec.vendorName,
  });
  return {
    apply: (headers, accessToken) => headers.set("authorization", `Bearer ${accessToken}`),
    exchange: (credential, refresh) => exchanger.accessToken(credential, { refresh }),
  };
};

/**
 * The token request's `fetch`: through the transport below auth (timeout, retry policy, and no
 * redirect off the token endpoint's origin), with its body read inside the attempt's timer.
 */
function exchangeFetch({ exchange, fetch, redactor, spec }: SchemeSetup, operation: string) {
  return async (request: Request): Promise<Response> => {
    const call: Call = { vendor: spec.vendor, vendorName: spec.vendorName, operation, redactor, fetch, release: undefined };
    const response = await exchange(request, call);
    const body = await response.text();
    await discard(response, call);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
