import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Options of {@link TimeoutError}. */
export interface TimeoutErrorOptions extends ApiTokensErrorOptions {
  /** `"attempt"`: one attempt took longer than `timeout`; `"deadline"`: all attempts and waits took longer than `deadline`. */
  readonly kind: "attempt" | "deadline";
  readonly timeoutMs: number;
}

/**
 * A request took too long: one attempt (the per-attempt `timeout`, default 30 s) or the whole
 * call including retries and backoff (`deadline`, default 90 s).
 *
 * @example
 * if (error instanceof TimeoutError && error.kind === "deadline") …
 */
export class TimeoutError extends ApiTokensError {
  override name = "TimeoutError";
  readonly kind: "attempt" | "deadline";
  readonly timeoutMs: number;

  constructor(message: string, options: TimeoutErrorOptions) {
    super(message, options);
    this.kind = this.redact(options.kind);
    this.timeoutMs = this.redact(options.timeoutMs);
  }
}
