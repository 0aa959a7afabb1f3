import type { Paginator } from "../paginate.js";
import { itemsAt, linkParam, nextLink, valueAt, withQuery } from "./read.js";

/**
 * `x-pagination` of a list whose pages link to the next one (Qernal): in the body
 * (`meta.links.next`) or, for a bare-array body, in the `Link` header's `rel="next"`. The
 * link's `<param>[<key>]` query values (numbers) become the next request's `<param>` object.
 * Without a total, pages can only be fetched one after the other.
 */
export interface LinkPaging {
  readonly style: "link";
  /** Where the items are in an object body (dotted path); an array body is the items. */
  readonly items?: string | undefined;
  /** Where an object body holds the next page's link (dotted path). */
  readonly next?: string | undefined;
  /** The deep-object query parameter the link's values go to, e.g. `page`. */
  readonly param: string;
  /** Its keys, e.g. `["before", "after", "size"]` for `page[before]`, … */
  readonly keys: readonly string[];
  /** An object body is the last page when the number at `at` reaches the one at `total`. */
  readonly end?: { readonly at: string; readonly total: string } | undefined;
}

/**
 * The paginator of a link-chained list. Following the server's link works whatever its
 * values count (items or pages). The walk ends on an empty page, at `end`, or without a link.
 *
 * @example linkPages({ style: "link", items: "data", next: "meta.links.next", param: "page", keys: ["before", "after", "size"] })
 */
export function linkPages(paging: LinkPaging, shape?: Paginator["shape"]): Paginator<unknown> {
  return {
    items: (data) => itemsAt(data, paging.items),
    next(data, response, init) {
      if (itemsAt(data, paging.items).length === 0) return undefined;
      const array = Array.isArray(data);
      if (!array && paging.end) {
        const at = valueAt(data, paging.end.at);
        const total = valueAt(data, paging.end.total);
        if (typeof at === "number" && typeof total === "number" && at >= total) return undefined;
      }
      const link = array || !paging.next ? nextLink(response.headers) : valueAt(data, paging.next);
      if (typeof link !== "string" || link === "") return undefined;
      const page: Record<string, number> = {};
      for (const key of paging.keys) {
        const value = linkParam(link, `${paging.param}[${key}]`);
        if (value !== null && /^\d+$/.test(value)) page[key] = Number(value);
      }
      return Object.keys(page).length ? withQuery(init, paging.param, page) : undefined;
    },
    shape,
  };
}
