import { type Call, endAttempt } from "../context.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { type FetchLayer, followSignals } from "./fetch-like.js";

/**
 * Gives every attempt a fresh timer of `timeoutMs` that covers the headers AND the body: the
 * timer keeps running after the headers arrive and aborts the body read too, so a server that
 * stalls mid-body times out like one that never answers. The body is not copied: the timer
 * ends when the client has read it ({@link endAttempt}), or when it fires — it does not keep a
 * process alive. Failures become typed: {@link TimeoutError} (`kind: "attempt"`), also as the
 * rejection of a body read it cut short, {@link ConnectionError}, or a {@link ConfigurationError}
 * when the runtime refuses network access (not a network error, never retried); an abort from
 * above is passed through for the layer that owns it.
 *
 * @example withRetry(options)(withTimeout(10_000)(withRedirects(wire)))
 */
export function withTimeout(timeoutMs: number): FetchLayer {
  return (next) => async (request, call, signal, headers) => {
    // One controller for this attempt: the timer aborts it, and it follows the signals that can abort.
    const { controller, unlink } = followSignals(call.requestSignal === false ? undefined : request.signal, signal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      unlink();
      // The reason is what a cut-short body read rejects with, so it is the typed error itself.
      controller.abort(new TimeoutError(`timed out after ${timeoutMs} ms (one attempt)`, { ...call, kind: "attempt", timeoutMs }));
    }, timeoutMs);
    const release = () => {
      clearTimeout(timer);
      unlink();
    };
    try {
      const response = await next(request, call, controller.signal, headers);
      if (response.body === null) {
        release();
      } else {
        (timer as { unref?: () => void }).unref?.();
        endAttempt(call);
        call.release = release;
      }
      return response;
    } catch (error) {
      release();
      if (timedOut) throw controller.signal.reason;
      // Aborted from above (the caller, the retry deadline): theirs to report.
      if (controller.signal.aborted) throw error;
      throw typedFailure(error, call);
    }
  };
}

/**
 * Names of the errors a runtime throws when it refuses a request by policy, not by network:
 * Deno's `NotCapable` (and `PermissionDenied` before Deno 2) without `--allow-net`.
 *
 * @see https://docs.deno.com/api/deno/~/Deno.errors.NotCapable
 */
const RUNTIME_REFUSALS: ReadonlySet<string> = new Set(["NotCapable", "PermissionDenied"]);

function typedFailure(error: unknown, call: Call): unknown {
  if (error instanceof TimeoutError || error instanceof ConnectionError || error instanceof ConfigurationError) return error;
  if (error instanceof Error && RUNTIME_REFUSALS.has(error.name))
    return new ConfigurationError(`the runtime refused network access (${error.name}); grant it to this host`, { ...call, cause: error });
  return new ConnectionError(connectionMessage(error), { ...call, cause: error, code: errorCode(error) });
}

/** The system error code behind a failed `fetch` (`ECONNRESET`, …), when there is one. */
export function errorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

function connectionMessage(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `request failed before an HTTP answer (${detail})`;
}
