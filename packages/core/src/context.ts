import type { TextRedactor } from "./errors/api-tokens-error.js";
import type { FetchLike } from "./transport/fetch-like.js";

/**
 * Everything the layers below the middleware chain know about one call (one `client.GET(…)`),
 * and the only request state the client keeps: created per call by the client's methods,
 * handed to the transport with each request, dropped when the call settles. No layer looks a
 * request up in a side table, so a middleware that replaces the `Request` loses nothing.
 */
export interface Call {
  /** Vendor key, e.g. `"dynatrace"`. */
  readonly vendor: string;
  /** Vendor name for messages, e.g. `"Dynatrace"`. */
  readonly vendorName: string;
  /** Method + path template, e.g. `"GET /apiTokens/{id}"`. */
  readonly operation: string;
  readonly redactor: TextRedactor;
  /** The `fetch` at the wire for this call: the call's own `fetch` option, else the client's. */
  readonly fetch: FetchLike;
  /**
   * `false` when the request's own signal cannot abort (the caller passed no `signal` and no
   * middleware could have replaced the request), so the layers below need not listen to it.
   * Anything else means it may.
   */
  readonly requestSignal?: boolean | undefined;
  /**
   * `true` when nothing but the transport holds the request: openapi-fetch built it for this
   * call, and no middleware and no custom `Request` class has seen it. Auth may then write the
   * credential into it instead of copying its headers. Anything else means others may hold it.
   */
  readonly ownRequest?: boolean | undefined;
  /**
   * Ends the current attempt (its timer, its signal listeners) once its body has been read or
   * dropped. Set by the timeout layer; call it through {@link endAttempt}.
   */
  release: (() => void) | undefined;
}

/** Ends the attempt behind the call's current response. Safe to call twice. */
export function endAttempt(call: Call): void {
  const release = call.release;
  call.release = undefined;
  release?.();
}

/** Drops an answer that will not be returned (before a retry or a re-send) and ends its attempt. */
export async function discard(response: Response, call: Call): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
  endAttempt(call);
}
