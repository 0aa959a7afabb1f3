import createClient, { type Middleware } from "openapi-fetch";
import { assertSendable, type Credential, type CredentialSource } from "./auth/credential.js";
import { type AuthMiddleware, createAuthMiddleware } from "./auth/middleware.js";
import { setRequestContext } from "./context.js";
import type { ErrorContext } from "./errors/api-tokens-error.js";
import { ConfigurationError } from "./errors/configuration-error.js";
import { ConnectionError } from "./errors/connection-error.js";
import { apiErrorFor, describeErrorBody } from "./errors/from-response.js";
import { isApiTokensError } from "./errors/guards.js";
import { RequestAbortedError } from "./errors/request-aborted-error.js";
import type { ExactClient } from "./exact-client.js";
import type { Paginator } from "./paginate.js";
import { assertPathParameters, serializePath } from "./path-params.js";
import { Redactor } from "./redact.js";
import { parseSuccessBody } from "./response-body.js";
import { isSecret } from "./secret.js";
import type { ApiSpec, OperationSpec } from "./spec.js";
import { type FetchLike, releaseResponse } from "./transport/fetch-like.js";
import { withRedirectGuard } from "./transport/redirect.js";
import { type RetryOptions, retryPolicy, withRetry } from "./transport/retry.js";
import { retryAfterMs } from "./transport/retry-after.js";
import { errorCode, withTimeout } from "./transport/timeout.js";
import { rememberError } from "./unwrap.js";

/** Time limits, as data. */
export const DEFAULT_TIMEOUTS = Object.freeze({
  /** Per attempt, headers and body. */
  timeout: 30_000,
  /** The whole call: every attempt and every backoff wait. */
  deadline: 90_000,
});

/** What can be tuned per client and per request (see {@link ApiClient.withOptions}). */
export interface RequestPolicyOptions {
  /** Retry settings merged over the defaults; `false` turns retries off. */
  readonly retry?: RetryOptions | undefined;
  /** Milliseconds one attempt may take, body included. @default 30000 */
  readonly timeout?: number | undefined;
  /** Milliseconds the whole call may take, retries and waits included. @default 90000 */
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
  /** A custom `fetch` (for proxies, tests, instrumentation). @default globalThis.fetch */
  readonly fetch?: ((input: Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Headers sent with every request. */
  readonly headers?: Record<string, string> | undefined;
  /** The security scheme to use, by its name in the spec; defaults to the spec's first. */
  readonly scheme?: string | undefined;
}

/** The hand-written few lines a vendor package adds to its spec. */
export interface VendorProfile {
  /** The environment variable users usually keep the credential in. */
  readonly envVar: string;
  /** A one-line summary of the vendor's error body. */
  readonly describeError?: ((body: unknown) => string | undefined) | undefined;
  /** The vendor's request id, from a header or the error body. */
  readonly requestId?: ((response: Response, body: unknown) => string | undefined) | undefined;
  /** Paginated paths and how to walk them. */
  readonly pagination?: Readonly<Record<string, Paginator>> | undefined;
}

declare const pagesBrand: unique symbol;

/** An openapi-fetch client typed from a vendor's `paths`, with apitokens' behaviour built in. */
export type ApiClient<Paths extends object, Pages = Record<never, never>> = ExactClient<Paths> & {
  /** The spec the client was generated from (servers, security schemes, operations). */
  readonly spec: ApiSpec;
  /** The same client with other retry or timeout settings, e.g. for one request. */
  withOptions(options: RequestPolicyOptions): ApiClient<Paths, Pages>;
  /** Type-only: the paginated paths and their item types. */
  readonly [pagesBrand]?: Pages;
};

/**
 * Anything `paginate()` can walk: a client whose type carries its paginated paths (each
 * `{ item, init }`), as every apitokens vendor client does.
 */
export interface PaginatedClient<Pages> {
  readonly spec: ApiSpec;
  readonly [pagesBrand]?: Pages;
}

/** Where {@link paginate} finds a client's paginators. */
export const PAGINATORS = Symbol.for("apitokens.paginators");

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"] as const;

/**
 * Builds a vendor client: openapi-fetch typed from the spec's `paths`, with the path guard,
 * typed errors and the spec-driven auth middleware (registered last, nearest the wire), on a
 * transport of `withRetry(withTimeout(withRedirectGuard(fetch)))`.
 *
 * @example
 * export const createDynatraceClient = (options: DynatraceClientOptions) =>
 *   createApiClient<paths>(spec, { ...options, baseUrl: options.baseUrl }, profile);
 */
export function createApiClient<Paths extends object, Pages = Record<never, never>>(
  spec: ApiSpec,
  options: ClientOptions & { readonly baseUrl: string; readonly tokenUrl?: string | undefined },
  profile: VendorProfile,
): ApiClient<Paths, Pages> {
  const context = { vendor: spec.vendor, vendorName: spec.vendorName };
  const baseUrl = checkedBaseUrl(options.baseUrl, context);
  const origin = new URL(baseUrl).origin;
  const redactor = new Redactor();
  const userFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const operations = new Map<string, OperationSpec>(Object.values(spec.operations).map((op) => [`${op.method} ${op.path}`, op]));

  const source = { ...context, option: "token", envVar: profile.envVar };
  const token = checkedCredential(options.token, source);
  let transport: FetchLike;
  const auth: AuthMiddleware = createAuthMiddleware({
    spec,
    credential: token,
    scheme: options.scheme,
    tokenUrl: options.tokenUrl,
    origin,
    fetch: (input, init) => transport(input, init),
    redactor,
    source,
  });
  const guard = withRedirectGuard(auth.credentialHeaders);
  const transportFor = (policy: RequestPolicyOptions): FetchLike => {
    const timeout = policy.timeout ?? options.timeout ?? DEFAULT_TIMEOUTS.timeout;
    const deadlineMs = policy.deadline ?? options.deadline ?? DEFAULT_TIMEOUTS.deadline;
    return withRetry({ policy: retryPolicy(options.retry, policy.retry), deadlineMs, attemptTimeoutMs: timeout })(
      withTimeout(timeout)(guard(userFetch)),
    );
  };
  transport = transportFor({});

  const contextMiddleware: Middleware = {
    onRequest({ request, schemaPath, params }) {
      const tagged = { ...context, operation: `${request.method} ${schemaPath}`, redactor };
      // A template without a placeholder has no parameter to check (most list calls).
      if (schemaPath.includes("{")) assertPathParameters(schemaPath, params.path as Record<string, unknown> | undefined, tagged);
      setRequestContext(request, tagged);
      return undefined;
    },
  };

  function build(policy: RequestPolicyOptions, fetchFn: FetchLike): ApiClient<Paths, Pages> {
    const client = createClient<Paths>({
      baseUrl,
      fetch: fetchFn as typeof fetch,
      ...(options.headers ? { headers: options.headers } : {}),
      pathSerializer: serializePath,
    });
    client.use(contextMiddleware, auth);
    const use = client.use.bind(client);
    const eject = client.eject.bind(client);
    // Keep our middleware last, nearest the wire, whatever users register later.
    client.use = (...middleware: Middleware[]) => {
      eject(contextMiddleware, auth);
      use(...middleware, contextMiddleware, auth);
    };
    const methods = client as unknown as Record<string, (path: string, init?: Record<string, unknown>) => Promise<RawResult>>;
    for (const method of METHODS) {
      const original = methods[method];
      if (original) methods[method] = (path, init) => finish(method, path, init, original);
    }
    const requestMethod = client.request;
    (client as unknown as { request: typeof requestMethod }).request = ((method: string, path: string, init?: Record<string, unknown>) =>
      finish(method.toUpperCase(), path, init, (p, i) =>
        (requestMethod as unknown as (m: string, p: string, i?: unknown) => Promise<RawResult>)(method, p, i),
      )) as typeof requestMethod;
    return Object.assign(client, {
      spec,
      withOptions: (next: RequestPolicyOptions) => {
        const merged = { ...policy, ...next };
        return build(merged, transportFor(merged));
      },
      [PAGINATORS]: profile.pagination ?? {},
    }) as unknown as ApiClient<Paths, Pages>;
  }

  async function finish(
    method: string,
    path: string,
    init: Record<string, unknown> | undefined,
    call: (path: string, init?: Record<string, unknown>) => Promise<RawResult>,
  ): Promise<RawResult> {
    const parseOwn = init?.parseAs === undefined;
    const operation = `${method} ${path}`;
    let result: RawResult;
    try {
      result = await call(path, parseOwn ? { ...init, parseAs: "text" } : init);
    } catch (error) {
      throw bodyReadError(error, init?.signal, { ...context, operation, redactor });
    }
    const { response } = result;
    // openapi-fetch has read the body (unless it streams it): the attempt's timer can end.
    if (init?.parseAs !== "stream") releaseResponse(response);
    if (response.ok) {
      return parseOwn
        ? { data: parseSuccessBody(result.data, response, operations.get(operation), { ...context, operation, redactor }), response }
        : result;
    }
    const body = redactor.value(result.error);
    const detail = profile.describeError?.(body) ?? describeErrorBody(body) ?? (response.statusText || "no details in the response");
    const error = apiErrorFor(detail, {
      ...context,
      operation,
      redactor,
      status: response.status,
      body: typeof body === "string" ? undefined : body,
      requestId: profile.requestId?.(response, body) ?? response.headers.get("x-request-id") ?? undefined,
      request: { method, url: redactor.text(response.url || `${baseUrl}${path}`) },
      retryAfterMs: retryAfterMs(response.headers),
    });
    rememberError(response, error);
    return { error: body, response };
  }

  return build({}, transport);
}

/**
 * What a failure while openapi-fetch reads the body becomes: our typed errors pass, the
 * caller's abort is a {@link RequestAbortedError}, and a connection lost mid-body (undici's
 * `TypeError: terminated`) a {@link ConnectionError}.
 */
function bodyReadError(error: unknown, signal: unknown, context: ErrorContext & { readonly redactor: Redactor }): unknown {
  if (isApiTokensError(error)) return error;
  if (signal instanceof AbortSignal && signal.aborted)
    return new RequestAbortedError("aborted by the caller", { ...context, cause: signal.reason });
  if (error instanceof TypeError && (error.message === "terminated" || error.message === "fetch failed")) {
    return new ConnectionError(`the connection broke while reading the answer (${errorCode(error) ?? error.message})`, {
      ...context,
      cause: error,
      code: errorCode(error),
    });
  }
  return error;
}

interface RawResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** A credential checked at construction (a function is checked on every call instead). */
function checkedCredential(token: Credential | undefined, source: CredentialSource): Credential {
  if (typeof token === "function") return token;
  const value = isSecret(token) ? token.reveal() : token;
  assertSendable(value, source);
  return token ?? value;
}

function checkedBaseUrl(baseUrl: string | undefined, context: { vendor: string; vendorName: string }): string {
  if (!baseUrl) throw new ConfigurationError("`baseUrl` is required", context);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError("`baseUrl` is not a valid absolute URL", context);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new ConfigurationError(`\`baseUrl\` must be http(s), got ${url.protocol}`, context);
  if (url.username || url.password) throw new ConfigurationError("`baseUrl` must not contain credentials; use the `token` option", context);
  if (url.search || url.hash) throw new ConfigurationError("`baseUrl` must not have a query or fragment", context);
  return url.toString().replace(/\/+$/, "");
}
