import type { ApiError } from "./errors/api-error.js";
import { apiErrorFor, describeErrorBody } from "./errors/from-response.js";

/** The result of an openapi-fetch call. */
export interface FetchResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/** The `data` of the success branch of a result. */
export type SuccessData<T extends FetchResult> = Exclude<T, { data?: never }>["data"];

/** The `error` of the failure branch of a result: the vendor's error body as typed by its spec. */
export type ErrorBody<T extends FetchResult> = Exclude<T, { error?: never }>["error"];

/** Where an error result carries the typed error the client built for it (not enumerable). */
const TYPED_ERROR = Symbol.for("apitokens.typedError");

/**
 * An error result that carries its typed error for {@link unwrap}, so no table of errors is
 * kept on the side: `{ error, response }` as openapi-fetch shapes it, plus a hidden field.
 */
export function errorResult(body: unknown, response: Response, error: ApiError): FetchResult {
  return Object.defineProperty({ error: body, response }, TYPED_ERROR, { value: error });
}

/**
 * Turns an openapi-fetch result into its data, or throws the typed {@link ApiError} the client
 * built for it (with vendor, operation, status, parsed body and request id). Raw `{ data,
 * error, response }` results stay available: just don't call `unwrap`.
 *
 * @example
 * const token = await unwrap(client.GET("/apiTokens/{id}", { params: { path: { id } } }));
 */
export async function unwrap<T extends FetchResult>(result: T | Promise<T>): Promise<SuccessData<T>> {
  const settled = await result;
  if (settled.response.ok && settled.error === undefined) return settled.data as SuccessData<T>;
  throw (
    (settled as { [TYPED_ERROR]?: ApiError })[TYPED_ERROR] ??
    apiErrorFor<ErrorBody<T>>(describeErrorBody(settled.error) ?? settled.response.statusText, {
      status: settled.response.status,
      body: settled.error as ErrorBody<T>,
    })
  );
}
