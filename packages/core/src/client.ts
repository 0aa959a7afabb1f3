import createClient, { createQuerySerializer } from "openapi-fetch";
import type { AnswerReader } from "./answer.js";
import { withAuth } from "./auth/authenticate.js";
import { assertSendable, type Credential, type CredentialSource } from "./auth/credential.js";
import type { ExactClient } from "./exact-client.js";
import { clientMethods, type MethodParts } from "./methods.js";
import { type ClientOptions, checkedHeaders, checkedPolicy, checkedUrl, DEFAULT_TIMEOUTS, type RequestPolicyOptions } from "./options.js";
import { PAGINATION, type PageInit, type Pagination, type Paginator } from "./paginate.js";
import { serializePath } from "./path-params.js";
import { Redactor } from "./redact.js";
import { isSecret } from "./secret.js";
import type { ApiSpec } from "./spec.js";
import { type FetchLike, globalFetch, type Send, wire } from "./transport/fetch-like.js";
import { withRedirects } from "./transport/redirect.js";
import { retryPolicy, withRetry } from "./transport/retry.js";
import { withTimeout } from "./transport/timeout.js";

/** The hand-written few lines a vendor package adds to its spec. */
export interface VendorProfile extends AnswerReader {
  /** The environment variable users usually keep the credential in. */
  readonly envVar: string;
  /** Paginated paths and how to walk them. */
  readonly pagination?: Readonly<Record<string, Paginator>> | undefined;
}

/** An openapi-fetch client typed from a vendor's `paths`, with apitokens' behaviour built in. */
export type ApiClient<Paths extends object, Pages = Record<never, never>> = ExactClient<Paths> & {
  /** The spec the client was generated from (servers, security schemes, operations). */
  readonly spec: ApiSpec;
  /**
   * The same client with other retry or timeout settings, e.g. for one request. It shares the
   * client's credential and its middleware: what `use()` added to either is used by both.
   */
  withOptions(options: RequestPolicyOptions): ApiClient<Paths, Pages>;
  /** How `paginate()` walks the client's paginated paths. */
  readonly [PAGINATION]: Pagination<Pages>;
};

/**
 * Builds a vendor client from its spec and profile: openapi-fetch typed from the spec's
 * `paths`, whose `fetch` is the transport below the whole middleware chain —
 * `withAuth(withRetry(withTimeout(withRedirects(fetch))))` — so every attempt carries what
 * the middleware set, and no middleware ever sees the credential. Options are checked here:
 * a bad one is a `ConfigurationError` (or a `CredentialError` for `token`) naming it.
 *
 * @example
 * export const createDynatraceClient = (options: DynatraceClientOptions) =>
 *   createApiClient<paths, DynatracePages>(spec, options, profile);
 */
export function createApiClient<Paths extends object, Pages = Record<never, never>>(
  spec: ApiSpec,
  options: ClientOptions & { readonly baseUrl: string; readonly tokenUrl?: string | undefined },
  profile: VendorProfile,
): ApiClient<Paths, Pages> {
  const context = { vendor: spec.vendor, vendorName: spec.vendorName };
  const baseUrl = checkedUrl("baseUrl", options.baseUrl, context);
  const tokenUrl = options.tokenUrl === undefined ? undefined : checkedUrl("tokenUrl", options.tokenUrl, context);
  const headers = checkedHeaders(options.headers, context);
  const clientPolicy = checkedPolicy(options, context);
  const redactor = new Redactor(spec.secretFormats);
  // The redactor travels with the source, so a token function's failure is redacted with every value it gave.
  const source: CredentialSource = { ...context, option: "token", envVar: profile.envVar, redactor };
  const credential = checkedCredential(options.token, source);
  const fetch: FetchLike = options.fetch ?? globalFetch;

  const below = (policy: RequestPolicyOptions): Send => {
    const timeout = policy.timeout ?? clientPolicy.timeout ?? DEFAULT_TIMEOUTS.timeout;
    const deadlineMs = policy.deadline ?? clientPolicy.deadline ?? DEFAULT_TIMEOUTS.deadline;
    const retry = retryPolicy(clientPolicy.retry, policy.retry);
    return withRetry({ policy: retry, deadlineMs, attemptTimeoutMs: timeout })(withTimeout(timeout)(withRedirects(wire)));
  };
  const auth = withAuth({
    spec,
    credential,
    scheme: options.scheme,
    tokenUrl,
    origin: new URL(baseUrl).origin,
    exchange: below({}),
    fetch,
    redactor,
    source,
  });
  const parts: MethodParts = {
    // openapi-fetch's default query serializer, built once: given none, it builds one per request.
    inner: createClient({
      baseUrl,
      ...(headers ? { headers } : {}),
      pathSerializer: serializePath,
      querySerializer: createQuerySerializer(),
    }),
    spec,
    operations: new Map(Object.values(spec.operations).map((op) => [`${op.method} ${op.path}`, op])),
    redactor,
    fetch,
    reader: profile,
    middleware: [],
  };
  const paginators = profile.pagination ?? {};

  function build(policy: RequestPolicyOptions): ApiClient<Paths, Pages> {
    const methods = clientMethods(parts, auth(below(policy)));
    const pagination: Pagination<Pages> = { paginators, page: (path: string, init: PageInit) => methods.GET(path, init), fetch };
    const client = {
      ...methods,
      spec,
      withOptions: (next: RequestPolicyOptions) => build({ ...policy, ...checkedPolicy(next, context) }),
      [PAGINATION]: pagination,
    };
    // The one cast: `methods` implement every path of `Paths`, which their signature cannot say.
    return client as unknown as ApiClient<Paths, Pages>;
  }
  return build({});
}

/** A credential checked at construction (a function is checked on every call instead). */
function checkedCredential(token: Credential | undefined, source: CredentialSource): Credential {
  if (typeof token === "function") return token;
  const value = isSecret(token) ? token.reveal() : token;
  assertSendable(value, source);
  return token ?? value;
}
