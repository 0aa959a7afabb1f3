import type { Paginator } from "../paginate.js";
import { itemsAt, valueAt } from "./read.js";

/**
 * `x-pagination` of a list whose pages are chained by a cursor in the body (Dynatrace's
 * `nextPageKey`). Pages can only be fetched one after the other.
 */
export interface CursorPaging {
  readonly style: "cursor";
  /** Where the items are in the body (dotted path); the body itself when it is an array. */
  readonly items?: string | undefined;
  /** Where the next page's cursor is in the body; absent, `null` or `""` on the last page. */
  readonly cursor: string;
  /** The query parameter that takes it. */
  readonly param: string;
  /** Later pages send the cursor alone: the cursor carries the first request's query. @default false */
  readonly alone?: boolean | undefined;
}

/**
 * The paginator of a cursor-chained list.
 *
 * @example cursorPages({ style: "cursor", items: "apiTokens", cursor: "nextPageKey", param: "nextPageKey", alone: true })
 */
export function cursorPages(paging: CursorPaging, shape?: Paginator["shape"]): Paginator<unknown> {
  return {
    items: (data) => itemsAt(data, paging.items),
    next(data, _response, init) {
      const cursor = valueAt(data, paging.cursor);
      if (typeof cursor !== "string" || cursor === "") return undefined;
      const params = (init.params ?? {}) as { path?: unknown; query?: Record<string, unknown> };
      const query = paging.alone ? { [paging.param]: cursor } : { ...params.query, [paging.param]: cursor };
      return { ...init, params: { ...(params.path === undefined ? {} : { path: params.path }), query } };
    },
    shape,
  };
}
