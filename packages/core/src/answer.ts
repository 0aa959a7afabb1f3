import type { Call } from "./context.js";
import { ConnectionError } from "./errors/connection-error.js";
import { apiErrorFor, describeErrorBody } from "./errors/from-response.js";
import { isApiTokensError } from "./errors/guards.js";
import { RequestAbortedError } from "./errors/request-aborted-error.js";
import { assertDeclaredStatus, parseSuccessBody } from "./response-body.js";
import type { OperationSpec } from "./spec.js";
import { retryAfterMs } from "./transport/retry-after.js";
import { errorCode } from "./transport/timeout.js";
import { errorResult, type FetchResult } from "./unwrap.js";

/** How a vendor's answers are read: the hand-written parts of its profile. */
export interface AnswerReader {
  /** A one-line summary of the vendor's error body. */
  readonly describeError?: ((body: unknown) => string | undefined) | undefined;
  /** The vendor's request id, from a header or the error body. */
  readonly requestId?: ((response: Response, body: unknown) => string | undefined) | undefined;
}

/**
 * What one call answers, checked against the operation's spec: success data parsed as the
 * spec declares it (or the raw data when the caller chose `parseAs`), or the vendor's error
 * body with the typed {@link ApiError} that `unwrap` throws. A redirect that was not followed
 * (another origin, a non-HTTP URL) is an error answer too.
 *
 * @param raw What openapi-fetch returned, its body read as text unless the caller chose `parseAs`.
 */
export function readAnswer(
  raw: FetchResult,
  call: Call,
  operation: OperationSpec | undefined,
  ownParse: boolean,
  reader: AnswerReader,
): FetchResult {
  const { response } = raw;
  if (response.ok) {
    if (ownParse) return { data: parseSuccessBody(raw.data, response, operation, call), response };
    assertDeclaredStatus(undefined, response, operation, call);
    return raw;
  }
  const body = call.redactor.value(raw.error);
  const detail =
    response.status >= 300 && response.status < 400
      ? "redirect not followed: only http(s) redirects on the same origin are"
      : (reader.describeError?.(body) ?? describeErrorBody(body) ?? (response.statusText || "no details in the response"));
  const error = apiErrorFor(detail, {
    ...call,
    status: response.status,
    body: typeof body === "string" ? undefined : body,
    requestId: reader.requestId?.(response, body) ?? response.headers.get("x-request-id") ?? undefined,
    request: { method: call.operation.slice(0, call.operation.indexOf(" ")), url: call.redactor.text(response.url || call.operation) },
    retryAfterMs: retryAfterMs(response.headers),
  });
  return errorResult(body, response, error);
}

/**
 * What a failure while openapi-fetch reads the body becomes: our typed errors pass, the
 * caller's abort is a {@link RequestAbortedError}, and a connection lost mid-body (undici's
 * `TypeError: terminated`) a {@link ConnectionError}.
 */
export function bodyReadError(error: unknown, signal: unknown, call: Call): unknown {
  if (isApiTokensError(error)) return error;
  if (signal instanceof AbortSignal && signal.aborted)
    return new RequestAbortedError("aborted by the caller", { ...call, cause: signal.reason });
  if (error instanceof TypeError && (error.message === "terminated" || error.message === "fetch failed")) {
    return new ConnectionError(`the connection broke while reading the answer (${errorCode(error) ?? error.message})`, {
      ...call,
      cause: error,
      code: errorCode(error),
    });
  }
  return error;
}
