import type { Call } from "../context.js";

/** The `fetch` signature users give (`options.fetch`) and the wire is called with. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * How a request travels below the middleware chain: the final `Request` (after every
 * middleware), the {@link Call} it belongs to, and the signal of the layers above (a retry
 * deadline, an attempt timer), which follows the request's own signal.
 */
export type Send = (request: Request, call: Call, signal?: AbortSignal) => Promise<Response>;

/** A layer below the middleware chain: takes the next {@link Send}, returns one. */
export type FetchLayer = (next: Send) => Send;

/**
 * The bottom of the transport: the call's `fetch`, with redirects left to {@link withRedirects}
 * (`redirect: "manual"`) and the signal of the layers above.
 *
 * @example withRetry(options)(withTimeout(30_000)(withRedirects(wire)))
 */
export const wire: Send = (request, call, signal) => {
  const redirect = request.redirect === "follow" ? "manual" : request.redirect;
  return call.fetch(request, signal ? { redirect, signal } : { redirect });
};

/** A controller of one's own that also follows other signals; `unlink()` detaches it from them. */
export interface FollowingController {
  readonly controller: AbortController;
  /** The followed signal that aborted first, if any did (the caller's abort, told apart from ours). */
  readonly source: () => AbortSignal | undefined;
  /** Removes the listeners from the followed signals; call it once the request has settled. */
  readonly unlink: () => void;
}

const noop = () => undefined;

/**
 * A new AbortController that also aborts, with the same reason, when any of `signals` does
 * (the first to abort wins, as with `AbortSignal.any`). It costs one signal and one listener
 * per source, where `AbortSignal.any` plus a controller of one's own costs two signals and
 * weak references that the garbage collector must trace: on Node 20 that was the largest
 * share of the transport's per-request overhead (see bench/README.md).
 *
 * @example
 * const { controller, unlink } = followSignals([request.signal, signal]);
 * try { return await next(request, call, controller.signal); } finally { unlink(); }
 */
export function followSignals(signals: readonly (AbortSignal | null | undefined)[]): FollowingController {
  const controller = new AbortController();
  const sources: AbortSignal[] = [];
  for (const signal of signals) if (signal != null && !sources.includes(signal)) sources.push(signal);
  let first = sources.find((s) => s.aborted);
  if (first) {
    controller.abort(first.reason);
    return { controller, source: () => first, unlink: noop };
  }
  if (sources.length === 0) return { controller, source: () => undefined, unlink: noop };
  const onAbort = (event: Event) => {
    const signal = event.target as AbortSignal;
    first ??= signal;
    controller.abort(signal.reason);
  };
  for (const signal of sources) signal.addEventListener("abort", onAbort, { once: true });
  return {
    controller,
    source: () => first,
    unlink: () => {
      for (const signal of sources) signal.removeEventListener("abort", onAbort);
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
