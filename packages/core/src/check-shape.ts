import type { TextRedactor } from "./errors/api-tokens-error.js";
import { ResponseShapeError } from "./errors/response-shape-error.js";

/** Where a body first breaks its schema: an RFC 6901 pointer (`""` for the body itself) and what the spec wants there. */
export interface ShapeMismatch {
  readonly pointer: string;
  readonly expected: string;
}

/**
 * A check generated from a vendor spec (`src/generated/validators.ts` of each vendor package):
 * the first mismatch of a response body, or `undefined` when it has the promised shape.
 */
export type ShapeCheck = (body: unknown) => ShapeMismatch | undefined;

/** What {@link checkShape} names in its error. */
export interface ShapeContext {
  /** Vendor key, e.g. `"dynatrace"`. */
  readonly vendor: string;
  /** Vendor name for messages, e.g. `"Dynatrace"`. */
  readonly vendorName?: string | undefined;
  /** Method and path template, e.g. `"GET /apiTokens"`. */
  readonly operation: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The vendor's request id, where it sent one. */
  readonly requestId?: string | undefined;
  /** The client's redactor, which knows the credentials in play. */
  readonly redactor?: TextRedactor | undefined;
}

/**
 * Returns `body` typed as `T` when `check` finds nothing wrong with it, and throws a
 * {@link ResponseShapeError} naming the first mismatch otherwise. Call it where an answer's shape
 * is relied on (the lifecycle adapters, `paginate()`); the plain typed client never pays for it.
 *
 * @example
 * import { responseValidators } from "./generated/validators.js";
 * const page = checkShape(responseValidators.listApiTokens["200"], data, {
 *   vendor: "dynatrace", vendorName: "Dynatrace", operation: "GET /apiTokens", status: response.status,
 * });
 */
export function checkShape<T = unknown>(check: ShapeCheck | undefined, body: unknown, context: ShapeContext): T {
  const mismatch = check?.(body);
  if (mismatch === undefined) return body as T;
  const where = mismatch.pointer === "" ? "the body" : mismatch.pointer;
  throw new ResponseShapeError(`the answer breaks the spec at ${where}: expected ${mismatch.expected}`, {
    ...context,
    pointer: mismatch.pointer,
    expected: mismatch.expected,
  });
}
