import { ApiTokensError, type ApiTokensErrorOptions } from "./api-tokens-error.js";

/** Bounds for the fields taken from a vendor's answer. */
const MAX_POINTER = 200;
const MAX_REQUEST_ID = 128;

/** Options of {@link ResponseShapeError}. */
export interface ResponseShapeErrorOptions extends ApiTokensErrorOptions {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** JSON pointer (RFC 6901) to the first value that breaks the spec, `""` for the whole body. */
  readonly pointer: string;
  /** What the spec wants there, e.g. `"array"`, `"string"`, `"required property"`. */
  readonly expected: string;
  /** The vendor's request id, where it sent one. */
  readonly requestId?: string | undefined;
}

/**
 * A success answer whose body does not match the operation's schema in the vendor's spec
 * (`{"apiTokens":"nope"}` where a list is promised). Raised where a shape is relied on (the
 * unified lifecycle and `paginate()`), so a broken answer never becomes invented data.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6901
 * @example
 * if (error instanceof ResponseShapeError) console.error(error.pointer, error.expected); // "/apiTokens" "array"
 */
export class ResponseShapeError extends ApiTokensError {
  override name = "ResponseShapeError";
  /** The HTTP status of the answer. */
  readonly status: number;
  /** JSON pointer to the first mismatch, `""` for the whole body. */
  readonly pointer: string;
  /** What the spec wants at {@link pointer}. */
  readonly expected: string;
  /** The vendor's request id, where it sent one. */
  readonly requestId: string | undefined;

  constructor(message: string, options: ResponseShapeErrorOptions) {
    super(message, { label: String(options.status), ...options });
    this.status = options.status;
    this.pointer = this.redactSnippet(options.pointer, MAX_POINTER) ?? "";
    this.expected = this.redactSnippet(options.expected, MAX_POINTER) ?? "";
    this.requestId = this.redactSnippet(options.requestId, MAX_REQUEST_ID);
  }
}
