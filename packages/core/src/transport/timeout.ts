import { requestContext } from "../context.js";
import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { shapeRedactor } from "../redact.js";
import { type FetchLayer, followSignals } from "./fetch-like.js";

/** Statuses whose responses never have a body (`new Response(body)` refuses one for them). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Marks an abort as ours, so it is told apart from the caller's. */
class AttemptTimeout extends Error {}

/**
 * Gives every attempt a fresh timer of `timeoutMs` that covers the headers AND the body: the
 * body is read here (token API bodies are small), so a server that stalls mid-body times out
 * like one that never answers. Failures become typed: {@link TimeoutError} (`kind: "attempt"`)
 * or {@link ConnectionError}; an abort from above is passed through for the layer that owns it.
 *
 * @example createClient({ fetch: withTimeout(10_000)(fetch) })
 */
export function withTimeout(timeoutMs: number): FetchLayer {
  return (next) => async (input, init) => {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return next(input, init);
    // One controller for this attempt: the timer aborts it, and it follows the caller's signals.
    const { controller, unlink } = followSignals([input.signal, init?.signal]);
    const timer = setTimeout(() => controller.abort(new AttemptTimeout()), timeoutMs);
    try {
      const response = await next(input, { ...init, signal: controller.signal });
      const body = NULL_BODY_STATUSES.has(response.status) || response.body === null ? null : await response.arrayBuffer();
      const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      Object.defineProperty(buffered, "url", { value: response.url });
      return buffered;
    } catch (error) {
      const context = requestContext(input, shapeRedactor);
      if (controller.signal.aborted && controller.signal.reason instanceof AttemptTimeout) {
        throw new TimeoutError(`timed out after ${timeoutMs} ms (one attempt)`, { ...context, kind: "attempt", timeoutMs });
      }
      // Aborted from above (the caller, the retry deadline): theirs to report.
      if (controller.signal.aborted) throw error;
      if (error instanceof TimeoutError || error instanceof ConnectionError) throw error;
      throw new ConnectionError(connectionMessage(error), { ...context, cause: error, code: errorCode(error) });
    } finally {
      clearTimeout(timer);
      unlink();
    }
  };
}

function errorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

function connectionMessage(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `request failed before an HTTP answer (${detail})`;
}
