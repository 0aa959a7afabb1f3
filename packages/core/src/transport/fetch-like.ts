import type { Call } from "../context.js";

/** The `fetch` signature users give (`options.fetch`) and the wire is called with. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * How a request travels below the middleware chain: the final `Request` (after every
 * middleware), the {@link Call} it belongs to, the signal of the layers above (a retry
 * deadline, an attempt timer), which follows the request's own signal, and the headers to send
 * instead of the request's own: auth's copy of them with the credential, so that no `Request`
 * a middleware may still hold ever carries it, and no second `Request` is built for it.
 */
export type Send = (request: Request, call: Call, signal?: AbortSignal, headers?: Headers) => Promise<Response>;

/** A layer below the middleware chain: takes the next {@link Send}, returns one. */
export type FetchLayer = (next: Send) => Send;

/** The global `fetch`, looked up per request (a `fetch` installed after the client was created is used). */
export const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/**
 * The bottom of the transport: the call's `fetch`, with redirects left to {@link withRedirects}
 * (`redirect: "manual"`), the signal of the layers above and auth's headers. The global `fetch`
 * builds its one `Request` from the chain's request and `init`; a custom `fetch` gets a request
 * that carries the headers itself, since it may not read `init.headers`.
 *
 * @example withRetry(options)(withTimeout(30_000)(withRedirects(wire)))
 */
export const wire: Send = (request, call, signal, headers) => {
  const redirect = request.redirect === "follow" ? "manual" : request.redirect;
  const init: RequestInit = signal ? { redirect, signal } : { redirect };
  if (headers === undefined) return call.fetch(request, init);
  if (call.fetch === globalFetch) {
    init.headers = headers;
    return globalThis.fetch(request, init);
  }
  return call.fetch(new Request(request, { headers }), init);
};

/** A controller of one's own that also follows other signals; `unlink()` detaches it from them. */
export interface FollowingController {
  readonly controller: AbortController;
  /** Removes the listeners from the followed signals; call it once the request has settled. */
  readonly unlink: () => void;
}

const noop = () => undefined;

/**
 * A new AbortController that also aborts, with the same reason, when `first` or `second` does
 * (the first to abort wins, as with `AbortSignal.any`). It costs one signal and one listener
 * per source, where `AbortSignal.any` plus a controller of one's own costs two signals and
 * weak references that the garbage collector must trace: on Node 20 that was the largest
 * share of the transport's per-request overhead (see bench/README.md). Pass `undefined` for a
 * signal that cannot abort: it then costs nothing.
 *
 * @example
 * const { controller, unlink } = followSignals(request.signal, signal);
 * try { return await next(request, call, controller.signal); } finally { unlink(); }
 */
export function followSignals(first: AbortSignal | null | undefined, second?: AbortSignal | null | undefined): FollowingController {
  const controller = new AbortController();
  const a = first ?? undefined;
  const b = second === a ? undefined : (second ?? undefined);
  const aborted = a?.aborted ? a : b?.aborted ? b : undefined;
  if (aborted) controller.abort(aborted.reason);
  if (aborted || (a === undefined && b === undefined)) return { controller, unlink: noop };
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  a?.addEventListener("abort", onAbort, { once: true });
  b?.addEventListener("abort", onAbort, { once: true });
  return {
    controller,
    unlink: () => {
      a?.removeEventListener("abort", onAbort);
      b?.removeEventListener("abort", onAbort);
    },
  };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
