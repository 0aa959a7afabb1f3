import type { PageInit, Paginator } from "../paginate.js";
import { itemsAt, linkParam, nextLink, withQuery } from "./read.js";

/**
 * `x-pagination` of an offset-paginated list (GitLab's `page`/`per_page`): the next page's
 * number from a header (`x-next-page`, empty on the last page), else from the `Link` header's
 * `rel="next"`. Where the first page also says how many pages there are (`x-total-pages`),
 * the remaining pages are known at once and can be fetched concurrently.
 */
export interface OffsetPaging {
  readonly style: "offset";
  /** Where the items are in an object body (dotted path); an array body is the items. */
  readonly items?: string | undefined;
  /** The page-number query parameter, e.g. `page` (pages count from 1). */
  readonly param: string;
  /** The header with the next page's number, e.g. `x-next-page`. */
  readonly nextHeader?: string | undefined;
  /** The header with the number of pages, when the server sends it, e.g. `x-total-pages`. */
  readonly totalPagesHeader?: string | undefined;
}

const PAGE = /^[1-9][0-9]*$/;

/**
 * The paginator of an offset-paginated list. A total is used only where the server sends
 * one (GitLab leaves it out over 10,000 results); the walk then still follows the last
 * page's next page, so a list that grew meanwhile is read to its end.
 *
 * @example offsetPages({ style: "offset", param: "page", nextHeader: "x-next-page", totalPagesHeader: "x-total-pages" })
 */
export function offsetPages(paging: OffsetPaging, shape?: Paginator["shape"]): Paginator<unknown> {
  const nextNumber = (data: unknown, response: Response): number | undefined => {
    if (itemsAt(data, paging.items).length === 0) return undefined;
    let page = (paging.nextHeader && response.headers.get(paging.nextHeader)?.trim()) || undefined;
    if (page === undefined) {
      const link = nextLink(response.headers);
      page = (link && linkParam(link, paging.param)) || undefined;
    }
    return page !== undefined && PAGE.test(page) ? Number(page) : undefined;
  };
  return {
    items: (data) => itemsAt(data, paging.items),
    next(data, response, init) {
      const page = nextNumber(data, response);
      return page === undefined ? undefined : withQuery(init, paging.param, page);
    },
    rest(data, response, init) {
      const total = paging.totalPagesHeader ? response.headers.get(paging.totalPagesHeader)?.trim() : undefined;
      const first = nextNumber(data, response);
      if (first === undefined || !total || !PAGE.test(total)) return undefined;
      const pages: PageInit[] = [];
      for (let page = first; page <= Number(total); page++) pages.push(withQuery(init, paging.param, page));
      return pages;
    },
    shape,
  };
}
