import type { Client, Middleware } from "openapi-fetch";
import { type AnswerReader, bodyReadError, readAnswer } from "./answer.js";
import { type Call, endAttempt } from "./context.js";
import { assertPathParameters } from "./path-params.js";
import type { Redactor } from "./redact.js";
import type { ApiSpec, OperationSpec } from "./spec.js";
import type { FetchLike, Send } from "./transport/fetch-like.js";
import type { FetchResult } from "./unwrap.js";

/** The methods a client offers: openapi-fetch's eight, `request`, `use` and `eject`. */
export interface ClientMethods {
  readonly GET: Method;
  readonly PUT: Method;
  readonly POST: Method;
  readonly DELETE: Method;
  readonly PATCH: Method;
  readonly HEAD: Method;
  readonly OPTIONS: Method;
  readonly TRACE: Method;
  request(method: string, path: string, init?: Init): Promise<FetchResult>;
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

type Init = Record<string, unknown>;
type Method = (path: string, init?: Init) => Promise<FetchResult>;

/** What the methods of one client share, built once by `createApiClient`. */
export interface MethodParts {
  /** The openapi-fetch client: request building, serialisers and the middleware chain. */
  readonly inner: Client<Record<string, Record<string, unknown>>>;
  readonly spec: ApiSpec;
  /** The spec's operations by `"<METHOD> <path template>"`. */
  readonly operations: ReadonlyMap<string, OperationSpec>;
  readonly redactor: Redactor;
  /** The client's `fetch` option, or the global `fetch`. */
  readonly fetch: FetchLike;
  readonly reader: AnswerReader;
  /** What `use()` added and `eject()` has not removed, kept as openapi-fetch keeps it (shared by `withOptions` clients). */
  readonly middleware: Middleware[];
}

/**
 * The client's methods for one request policy: each call goes through openapi-fetch (so
 * middleware added with `use()` or per call runs as usual) with `send` — auth, retry, timeout
 * and redirect rules, below the whole chain — as its `fetch`, and its answer is checked
 * against the spec. Clients with other policies (`withOptions`) share `parts.inner`, and so
 * share its middleware.
 */
export function clientMethods(parts: MethodParts, send: Send): ClientMethods {
  const { inner, spec, operations, redactor, reader, middleware: added } = parts;

  async function call(method: string, path: string, init: Init | undefined): Promise<FetchResult> {
    // Whether code other than the transport sees the request openapi-fetch builds.
    const seen = added.length > 0 || init?.middleware !== undefined || init?.Request !== undefined;
    const state: Call = {
      vendor: spec.vendor,
      vendorName: spec.vendorName,
      operation: `${method} ${path}`,
      redactor,
      fetch: (init?.fetch as FetchLike | undefined) ?? parts.fetch,
      // Without a caller's signal and any middleware, the request's own signal cannot abort.
      requestSignal: init?.signal != null || seen,
      ownRequest: !seen,
      release: undefined,
    };
    // A template without a placeholder has no parameter to check (most list calls).
    if (path.includes("{")) assertPathParameters(path, (init?.params as { path?: Record<string, unknown> } | undefined)?.path, state);
    const ownParse = init?.parseAs === undefined;
    let raw: FetchResult;
    try {
      const options: Init = { ...init, fetch: (request: Request) => send(request, state) };
      if (ownParse) options.parseAs = "text";
      raw = await inner.request(method as "get", path as never, options as never);
    } catch (error) {
      endAttempt(state);
      throw bodyReadError(error, init?.signal, state);
    }
    // openapi-fetch has read the body (unless it streams it): the attempt's timer can end.
    if (init?.parseAs !== "stream") endAttempt(state);
    return readAnswer(raw, state, operations.get(state.operation), ownParse, reader);
  }

  const method =
    (name: string): Method =>
    (path, init) =>
      call(name, path, init);
  return {
    GET: method("GET"),
    PUT: method("PUT"),
    POST: method("POST"),
    DELETE: method("DELETE"),
    PATCH: method("PATCH"),
    HEAD: method("HEAD"),
    OPTIONS: method("OPTIONS"),
    TRACE: method("TRACE"),
    request: (name, path, init) => call(name.toUpperCase(), path, init),
    use: (...middleware) => {
      inner.use(...middleware);
      added.push(...middleware);
    },
    eject: (...middleware) => {
      inner.eject(...middleware);
      for (const m of middleware) {
        const index = added.indexOf(m);
        if (index !== -1) added.splice(index, 1);
      }
    },
  };
}
