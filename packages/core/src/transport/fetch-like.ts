/** The `fetch` signature the transport layers wrap and return (what openapi-fetch calls). */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** A layer below the middleware chain: takes a fetch, returns a fetch. */
export type FetchLayer = (next: FetchLike) => FetchLike;

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
 * const { controller, unlink } = followSignals([input.signal, init?.signal]);
 * try { return await next(input, { ...init, signal: controller.signal }); } finally { unlink(); }
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

const releases = new WeakMap<Response, () => void>();

/**
 * Registers what to undo once a response's body has been read (the attempt timer, signal
 * listeners). The transport's layers register; the client calls {@link releaseResponse} when
 * openapi-fetch has read the body.
 */
export function onRelease(response: Response, release: () => void): void {
  releases.set(response, release);
}

/** Ends the attempt behind a response whose body has been read or dropped. Safe to call twice. */
export function releaseResponse(response: Response): void {
  const release = releases.get(response);
  if (!release) return;
  releases.delete(response);
  release();
}
