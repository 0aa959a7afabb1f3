import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";
import { API_ERROR_BRAND, brand } from "./brand.js";

/** A request id is an echo of a header the server chose: kept short. */
const MAX_REQUEST_ID = 128;

/** What an {@link ApiError} remembers of the request, with secrets removed. */
export interface RedactedRequest {
  readonly method: string;
  /** The URL with any secret (credential, token in the path) replaced by `[REDACTED]`. */
  readonly url: string;
}

/** Options of {@link ApiError}. */
export interface ApiErrorOptions<TBody = unknown> extends ApiTokensErrorOptions {
  readonly status: number;
  /** The vendor's error body, parsed (already redacted by the caller). */
  readonly body?: TBody | undefined;
  /** The vendor's request id, where it sends one. */
  readonly requestId?: string | undefined;
  readonly request?: RedactedRequest | undefined;
}

/**
 * The vendor answered with an HTTP error status. Subclasses name the common kinds
 * (`BadRequestError`, `AuthenticationError`, `PermissionDeniedError`, `NotFoundError`,
 * `ConflictError`, `RateLimitError`, `ServerError`); `status` is always set.
 *
 * @example
 * try { await unwrap(client.GET("/apiTokens/{id}", { params: { path: { id } } })); }
 * catch (error) { if (isApiError(error) && error.status === 404) … }
 */
export class ApiError<TBody = unknown> extends ApiTokensError {
  override name = "ApiError";
  /** The HTTP status code. */
  readonly status: number;
  /** The vendor's error body (typed from its spec), or `undefined` when there was none or it was not JSON. */
  readonly body: TBody | undefined;
  /** The vendor's request id header, where it sends one (redacted, at most 128 characters). */
  readonly requestId: string | undefined;
  /** Method and redacted URL of the request. */
  readonly request: RedactedRequest | undefined;

  constructor(message: string, options: ApiErrorOptions<TBody>) {
    super(message, { label: String(options.status), ...options });
    this.status = options.status;
    this.body = this.redact(options.body);
    this.requestId = this.redactSnippet(options.requestId, MAX_REQUEST_ID);
    this.request = this.redact(options.request);
  }
}

brand(ApiError, API_ERROR_BRAND);
