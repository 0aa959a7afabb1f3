import { ApiError, type ApiErrorOptions } from "./api-error.js";

/** Options of {@link RateLimitError}. */
export interface RateLimitErrorOptions<TBody = unknown> extends ApiErrorOptions<TBody> {
  /** How long the vendor asked us to wait, from `retry-after-ms` or `Retry-After`. */
  readonly retryAfterMs?: number | undefined;
}

/**
 * 429 Too Many Requests. Retried automatically while the wait the vendor asks for is at most
 * the retry policy's `maxRetryAfterMs` (60 s by default); beyond that it is thrown at once,
 * with `retryAfterMs` saying how long to wait.
 *
 * @example
 * if (error instanceof RateLimitError) await sleep(error.retryAfterMs ?? 1_000);
 */
export class RateLimitError<TBody = unknown> extends ApiError<TBody> {
  override name = "RateLimitError";
  /** Milliseconds the vendor asked to wait, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: RateLimitErrorOptions<TBody>) {
    super(message, options);
    this.retryAfterMs = this.redact(options.retryAfterMs);
  }
}
