import { requestContext } from "../context.js";
import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { shapeRedactor } from "../redact.js";
import { type FetchLayer, followSignals, onRelease } from "./fetch-like.js";

/**
 * Gives every attempt a fresh timer of `timeoutMs` that covers the headers AND the body: the
 * timer keeps running after the headers arrive and aborts the body read too, so a server that
 * stalls mid-body times out like one that never answers. The body is not copied: the timer
 * ends when the client has read it ({@link releaseResponse}), or when it fires — it does not
 * keep a process alive. Failures become typed: {@link TimeoutError} (`kind: "attempt"`), also
 * as the rejection of a body read it cut short, or {@link ConnectionError}; an abort from above
 * is passed through for the layer that owns it.
 *
 * @example createClient({ fetch: withTimeout(10_000)(fetch) })
 */
export function withTimeout(timeoutMs: number): FetchLayer {
  return (next) => async (input, init) => {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return next(input, init);
    // One controller for this attempt: the timer aborts it, and it follows the caller's signals.
    const { controller, unlink } = followSignals([input.signal, init?.signal]);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      unlink();
      // The reason is what a cut-short body read rejects with, so it is the typed error itself.
      controller.abort(
        new TimeoutError(`timed out after ${timeoutMs} ms (one attempt)`, {
          ...requestContext(input, shapeRedactor),
          kind: "attempt",
          timeoutMs,
        }),
      );
    }, timeoutMs);
    const release = () => {
      clearTimeout(timer);
      unlink();
    };
    try {
      const response = await next(input, { ...init, signal: controller.signal });
      if (response.body === null) {
        release();
      } else {
        (timer as { unref?: () => void }).unref?.();
        onRelease(response, release);
      }
      return response;
    } catch (error) {
      release();
      if (timedOut) throw controller.signal.reason;
      // Aborted from above (the caller, the retry deadline): theirs to report.
      if (controller.signal.aborted) throw error;
      if (error instanceof TimeoutError || error instanceof ConnectionError) throw error;
      throw new ConnectionError(connectionMessage(error), {
        ...requestContext(input, shapeRedactor),
        cause: error,
        code: errorCode(error),
      });
    }
  };
}

export function errorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export function connectionMessage(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `request failed before an HTTP answer (${detail})`;
}
