import { type Call, discard } from "../context.js";
import type { Redactor } from "../redact.js";
import type { ApiSpec } from "../spec.js";
import type { FetchLayer, FetchLike, Send } from "../transport/fetch-like.js";
import { type Credential, type CredentialSource, resolveCredential } from "./credential.js";
import { selectScheme } from "./scheme.js";

/** Options of {@link withAuth}. */
export interface AuthOptions {
  readonly spec: ApiSpec;
  readonly credential: Credential;
  /** The security scheme to use; defaults to the first one of the spec's `security` that core supports. */
  readonly scheme?: string | undefined;
  /** Overrides an OAuth2 scheme's `tokenUrl` (checked by the client). */
  readonly tokenUrl?: string | undefined;
  /** The only origin that gets the credential, e.g. `"https://api.example.com"`. */
  readonly origin: string;
  /** The transport below auth, for the OAuth2 token request. */
  readonly exchange: Send;
  /** The wire `fetch` of the token request. */
  readonly fetch: FetchLike;
  readonly redactor: Redactor;
  /** Where the credential came from, for error messages. */
  readonly source: CredentialSource;
}

/**
 * Authentication as a transport layer, below every middleware: it attaches the credential to
 * a copy of the final request's headers, sent in its place, so no middleware — client-level or per call, in `onRequest`,
 * `onResponse` or `onError` — ever holds a request that carries it. Driven by the spec's
 * security schemes, each applied by the implementation the generated spec names next to it
 * (HTTP bearer, API key in a header with `x-auth-prefix` or a cookie, OAuth2 client
 * credentials), so a client carries only the schemes its spec declares.
 *
 * - Only requests for `origin` get the credential; a middleware that points a request
 *   elsewhere sends it without one. (Request URLs are normalised, so `origin + "/"` as a
 *   prefix is an origin test, and `https://api.example.com.evil` does not pass.)
 * - A function credential is called once per call; on a 401 it is asked once more with
 *   `{ refresh: true }` (an OAuth2 token is exchanged anew) and the request is sent once
 *   more. Concurrent 401s share one refresh.
 *
 * The layer is built once per client; its state (a checked fixed credential, the OAuth2
 * token cache, a refresh in flight) is shared by every request policy of the client.
 *
 * @example withAuth({ spec, credential, origin, exchange, fetch, redactor, source })(withRetry(options)(…))
 */
export function withAuth(options: AuthOptions): FetchLayer {
  const { credential, redactor, source } = options;
  const [, scheme] = selectScheme(options.spec, options.scheme, options);
  const originPrefix = `${options.origin}/`;
  const exchange = scheme.exchange;
  const refreshable = typeof credential === "function" || exchange !== undefined;

  // A fixed credential is checked once, not on every request; once checked, it is used without a wait.
  let fixed: Promise<string> | undefined;
  let fixedValue: string | undefined;
  async function credentialValue(refresh: boolean): Promise<string> {
    if (!refreshable) {
      fixed ??= resolveCredential(credential, { refresh: false }, source).then((value) => {
        redactor.add(value);
        fixedValue = value;
        return value;
      });
      return fixed;
    }
    const value = await resolveCredential(credential, { refresh }, source);
    redactor.add(value);
    return exchange ? exchange(value, refresh) : value;
  }

  let refreshing: Promise<string> | undefined;
  function refreshOnce(): Promise<string> {
    refreshing ??= credentialValue(true).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  /**
   * A copy of the request's headers with the credential, sent in place of the request's own
   * (see `Send`): the request the chain saw is never changed, and no second `Request` is built.
   */
  function authenticated(request: Request, value: string): Headers {
    const headers = new Headers(request.headers);
    scheme.apply(headers, value);
    return headers;
  }

  return (next) => (request, call, signal) => {
    if (!request.url.startsWith(originPrefix)) return next(request, call, signal);
    // A fixed credential already checked: nothing to wait for, and no 401 to answer with another.
    if (fixedValue !== undefined) {
      // A request no middleware has seen carries the credential itself: no copy of its headers.
      if (call.ownRequest !== true) return next(request, call, signal, authenticated(request, fixedValue));
      scheme.apply(request.headers, fixedValue);
      return next(request, call, signal);
    }
    return send(next, request, call, signal);
  };

  async function send(next: Send, request: Request, call: Call, signal: AbortSignal | undefined): Promise<Response> {
    const value = await credentialValue(false);
    // Kept for the one re-send after a 401: a request without a body can be sent again as it
    // is; one with a body needs a copy, since the first send reads it.
    const again = refreshable && request.body !== null ? request.clone() : request;
    const response = await next(request, call, signal, authenticated(request, value));
    if (response.status !== 401 || !refreshable) return response;
    const fresh = await refreshOnce();
    await discard(response, call);
    return next(again, call, signal, authenticated(again, fresh));
  }
}
