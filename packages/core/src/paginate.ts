import { PAGINATORS, type PaginatedClient } from "./client.js";
import { ApiTokensError } from "./errors/api-tokens-error.js";
import { ConfigurationError } from "./errors/configuration-error.js";
import { unwrap } from "./unwrap.js";

/** Request options of one page, as openapi-fetch takes them. */
export type PageInit = { readonly params?: Record<string, unknown> } & Record<string, unknown>;

/**
 * How to walk one paginated path: where the items of a page are, and the request options of
 * the next page (or `undefined` on the last one).
 */
export interface Paginator<Data = never, Item = unknown> {
  items(data: Data): readonly Item[];
  next(data: Data, response: Response, init: PageInit): PageInit | undefined;
}

type ItemOf<T> = T extends { readonly item: infer I } ? I : never;
type InitOf<T> = T extends { readonly init: infer I } ? I : never;

/** What {@link paginate} declares for a path: `{ item, init }`. */
export interface PageSpec {
  readonly item: unknown;
  readonly init: unknown;
}

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
  const paginators = (client as unknown as Record<symbol, Record<string, Paginator<unknown, unknown>> | undefined>)[PAGINATORS];
  const paginator = paginators?.[path];
  if (!paginator)
    throw new ConfigurationError(`${path} is not a paginated path of this client`, {
      vendor: client.spec.vendor,
      vendorName: client.spec.vendorName,
    });
  const get = (client as unknown as { GET: unknown }).GET as (
    path: string,
    init?: PageInit,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  let pageInit: PageInit | undefined = (init ?? {}) as PageInit;
  const seen = new Set<string>();
  while (pageInit) {
    const key = JSON.stringify(pageInit.params ?? {});
    if (seen.has(key)) {
      throw new ApiTokensError("pagination did not advance: the server returned a page cursor it had already given", {
        vendor: client.spec.vendor,
        vendorName: client.spec.vendorName,
        operation: `GET ${path}`,
      });
    }
    seen.add(key);
    const result = await get(path, pageInit);
    const data = await unwrap(result);
    for (const item of paginator.items(data)) yield item as never;
    pageInit = paginator.next(data, result.response, pageInit);
  }
}
