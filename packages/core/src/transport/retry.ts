import { discard } from "../context.js";
import { ConnectionError } from "../errors/connection-error.js";
import { RequestAbortedError } from "../errors/request-aborted-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { type FetchLayer, followSignals, sleep } from "./fetch-like.js";
import { retryAfterMs } from "./retry-after.js";

/** When and how often a request is sent again. Every field is optional in {@link RetryOptions}. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 2 */
  readonly limit: number;
  /** Methods that may be sent twice. POST and PATCH are left out so a create is never repeated. @default ["GET","HEAD","PUT","DELETE","OPTIONS"] */
  readonly methods: readonly string[];
  /** Statuses worth another attempt. @default [408, 429, 500, 502, 503, 504] */
  readonly statusCodes: readonly number[];
  /** Retry when the connection fails before an answer. @default true */
  readonly onNetworkError: boolean;
  /** Retry when one attempt times out. @default true */
  readonly onTimeout: boolean;
  /** First backoff wait. @default 500 */
  readonly initialDelayMs: number;
  /** Each wait is the previous one times this. @default 2 */
  readonly backoffFactor: number;
  /** No backoff wait is longer. @default 8000 */
  readonly maxDelayMs: number;
  /** Random spread of each wait, as a fraction (0.25 = ±25 %). @default 0.25 */
  readonly jitter: number;
  /** The longest `Retry-After` honoured; a longer one fails at once with a `RateLimitError`. @default 60000 */
  readonly maxRetryAfterMs: number;
}

/** Retry settings a client or a request may override; `false` turns retries off. */
export type RetryOptions = Partial<RetryPolicy> | false;

/** The retry defaults, as data. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  limit: 2,
  methods: Object.freeze(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]),
  statusCodes: Object.freeze([408, 429, 500, 502, 503, 504]),
  onNetworkError: true,
  onTimeout: true,
  initialDelayMs: 500,
  backoffFactor: 2,
  maxDelayMs: 8_000,
  jitter: 0.25,
  maxRetryAfterMs: 60_000,
});

/** Merges options over a policy (later wins); `false` anywhere means no retries. */
export function retryPolicy(...options: readonly (RetryOptions | undefined)[]): RetryPolicy {
  let policy = DEFAULT_RETRY_POLICY;
  for (const option of options) {
    if (option === undefined) continue;
    policy = option === false ? { ...policy, limit: 0 } : { ...policy, ...stripUndefined(option) };
  }
  return policy;
}

/** The wait before retry number `retry` (0-based), with jitter. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.backoffFactor ** retry);
  const spread = base * policy.jitter * (random() * 2 - 1);
  return Math.max(0, Math.min(policy.maxDelayMs, Math.round(base + spread)));
}

/** Options of {@link withRetry}. */
export interface WithRetryOptions {
  readonly policy: RetryPolicy;
  /** Overall limit for all attempts and waits, in ms. @default 90000 */
  readonly deadlineMs: number;
  /**
   * The per-attempt timeout of the layer below, when it is shorter than the deadline: the
   * deadline is then armed only once a retry is needed (a first attempt cannot outlast it),
   * which saves a timer and a controller on every request that succeeds at once.
   */
  readonly attemptTimeoutMs?: number | undefined;
}

/**
 * Sends a request again on network errors, attempt timeouts and retryable statuses, with
 * exponential backoff and jitter, honouring `retry-after-ms` / `Retry-After`. The whole call,
 * waits included, ends at `deadlineMs` ({@link TimeoutError} `kind: "deadline"`). The caller's
 * abort ends it at once, also during a wait, as {@link RequestAbortedError}, and is never retried.
 *
 * @example withRetry({ policy: retryPolicy(), deadlineMs: 90_000 })(withTimeout(30_000)(withRedirects(wire)))
 */
export function withRetry({ policy, deadlineMs, attemptTimeoutMs }: WithRetryOptions): FetchLayer {
  const hasDeadline = Number.isFinite(deadlineMs) && deadlineMs > 0;
  const firstAttemptBounded = attemptTimeoutMs !== undefined && attemptTimeoutMs > 0 && attemptTimeoutMs < deadlineMs;
  return (next) => async (request, call, signal, headers) => {
    const started = Date.now();
    const mayRetry = policy.limit > 0 && policy.methods.includes(request.method.toUpperCase());
    // The deadline: a controller that the timer aborts and that follows the caller's signals.
    let deadline: { controller: AbortController; unlink: () => void; timer: ReturnType<typeof setTimeout> } | undefined;
    const arm = () => {
      if (deadline || !hasDeadline) return;
      const { controller, unlink } = followSignals(call.requestSignal === false ? undefined : request.signal, signal);
      const timer = setTimeout(() => controller.abort(new Error("deadline")), Math.max(0, deadlineMs - (Date.now() - started)));
      deadline = { controller, unlink, timer };
    };
    // A first attempt shorter than the deadline cannot outlast it; arm it only when it could.
    if (!firstAttemptBounded) arm();
    const callerAborted = () => (request.signal.aborted ? request.signal : signal?.aborted ? signal : undefined);
    const failed = (error: unknown): unknown => {
      const caller = callerAborted();
      if (caller) return new RequestAbortedError("aborted by the caller", { ...call, cause: caller.reason });
      if (deadline?.controller.signal.aborted)
        return new TimeoutError(`gave up after ${deadlineMs} ms (deadline, retries included)`, {
          ...call,
          kind: "deadline",
          timeoutMs: deadlineMs,
        });
      return error;
    };
    const wait = async (ms: number): Promise<void> => {
      arm();
      try {
        await sleep(ms, deadline?.controller.signal ?? request.signal);
      } catch (error) {
        throw failed(error);
      }
    };
    try {
      for (let retry = 0; ; retry++) {
        const last = !mayRetry || retry >= policy.limit;
        // A body can be read once, so each attempt but the last sends a copy; a request
        // without a body (GET, most DELETEs) can be sent again as it is.
        const attempt = last || request.body === null ? request : request.clone();
        let response: Response;
        try {
          response = await next(attempt, call, deadline?.controller.signal ?? signal, headers);
        } catch (error) {
          const typed = failed(error);
          const retryable =
            (typed instanceof ConnectionError && policy.onNetworkError) ||
            (typed instanceof TimeoutError && typed.kind === "attempt" && policy.onTimeout);
          if (last || !retryable) throw typed;
          await wait(backoffDelay(policy, retry));
          continue;
        }
        if (last || !policy.statusCodes.includes(response.status)) return response;
        const asked = retryAfterMs(response.headers);
        if (asked !== undefined && asked > policy.maxRetryAfterMs) return response;
        const delay = asked ?? backoffDelay(policy, retry);
        if (hasDeadline && Date.now() - started + delay >= deadlineMs) return response;
        await discard(response, call);
        await wait(delay);
      }
    } finally {
      if (deadline) {
        clearTimeout(deadline.timer);
        deadline.unlink();
      }
    }
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
