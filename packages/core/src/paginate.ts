import { checkShape, type ShapeCheck } from "./check-shape.js";
import { ApiTokensError } from "./errors/api-tokens-error.js";
import { ConfigurationError } from "./errors/configuration-error.js";
import type { ApiSpec } from "./spec.js";
import { type FetchResult, unwrap } from "./unwrap.js";

/** Request options of one page, as openapi-fetch takes them. */
export type PageInit = { readonly params?: Record<string, unknown> } & Record<string, unknown>;

/**
 * How to walk one paginated path: where the items of a page are, and the request options of
 * the next page (or `undefined` on the last one).
 */
export interface Paginator<Data = never, Item = unknown> {
  items(data: Data): readonly Item[];
  next(data: Data, response: Response, init: PageInit): PageInit | undefined;
  /**
   * The page's shape check, generated from the spec (`src/generated/validators.ts`), loaded
   * when a walk starts: `() => import("./generated/validators.js").then((v) => v.responseValidators.listApiTokens["200"])`.
   * A page that breaks it is a `ResponseShapeError`, never items made up from a wrong shape.
   * Loaded lazily, so a client that never paginates never loads the validators.
   */
  readonly shape?: (() => ShapeCheck | Promise<ShapeCheck>) | undefined;
}

/** What {@link paginate} declares for a path: `{ item, init }`. */
export interface PageSpec {
  readonly item: unknown;
  readonly init: unknown;
}

/** Where a client keeps its {@link Pagination}. */
export const PAGINATION = Symbol.for("apitokens.pagination");

/**
 * The pagination contract between a client and {@link paginate}: the vendor's paginators by
 * path, and how to fetch one page. `Pages` (each paginated path's `{ item, init }`) exists
 * only in the type.
 */
export interface Pagination<Pages = unknown> {
  readonly paginators: Readonly<Record<string, Paginator<never, unknown>>>;
  page(path: string, init: PageInit): Promise<FetchResult>;
  /** Type only: never set. */
  readonly pages?: Pages;
}

/**
 * Anything `paginate()` can walk: a client that carries a {@link Pagination} of its paginated
 * paths, as every apitokens vendor client does.
 */
export interface PaginatedClient<Pages> {
  readonly spec: Pick<ApiSpec, "vendor" | "vendorName">;
  readonly [PAGINATION]: Pagination<Pages>;
}

type ItemOf<T> = T extends { readonly item: infer I } ? I : never;
type InitOf<T> = T extends { readonly init: infer I } ? I : never;

/**
 * Every item of a paginated list, across pages, as an async iterator. It holds one page at a
 * time, follows each vendor's rule (Dynatrace sends only `nextPageKey` after the first page;
 * Qernal follows `page[...]` links) and stops with an error if the server repeats a cursor.
 *
 * @example
 * for await (const token of paginate(dynatrace, "/apiTokens", { params: { query: { pageSize: 500 } } })) {
 *   console.log(token.id, token.name);
 * }
 */
export async function* paginate<Pages, P extends keyof Pages & string>(
  client: PaginatedClient<Pages>,
  path: P,
  init?: InitOf<Pages[P]>,
): AsyncGenerator<ItemOf<Pages[P]>, void, undefined> {
  const context = { vendor: client.spec.vendor, vendorName: client.spec.vendorName };
  const pagination = client[PAGINATION];
  const paginator = pagination?.paginators[path] as Paginator<unknown, ItemOf<Pages[P]>> | undefined;
  if (!paginator) throw new ConfigurationError(`${path} is not a paginated path of this client`, context);
  const shape = await paginator.shape?.();
  let pageInit: PageInit | undefined = (init ?? {}) as PageInit;
  const seen = new Set<string>();
  while (pageInit) {
    const key = JSON.stringify(pageInit.params ?? {});
    if (seen.has(key)) {
      throw new ApiTokensError("pagination did not advance: the server returned a page cursor it had already given", {
        ...context,
        operation: `GET ${path}`,
      });
    }
    seen.add(key);
    const result = await pagination.page(path, pageInit);
    const data = await unwrap(result);
    if (shape) {
      const { status, headers } = result.response;
      const requestId = headers.get("x-request-id") ?? undefined;
      checkShape(shape, data, { ...context, operation: `GET ${path}`, status, requestId });
    }
    yield* paginator.items(data);
    pageInit = paginator.next(data, result.response, pageInit);
  }
}
