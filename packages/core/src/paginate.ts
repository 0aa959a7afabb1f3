import { checkShape, type ShapeCheck } from "./check-shape.js";
import { ApiTokensError } from "./errors/api-tokens-error.js";
import { ConfigurationError } from "./errors/configuration-error.js";
import type { ApiSpec } from "./spec.js";
import { type FetchLike, sleep } from "./transport/fetch-like.js";
import { retryAfterMs } from "./transport/retry-after.js";
import { type FetchResult, unwrap } from "./unwrap.js";

/** How a walk fetches pages it knows in advance, as data. */
export const PAGE_WALK = Object.freeze({
  /** Pages in flight at once when a list says how many pages it has. @default 4 */
  concurrency: 4,
  /** The pause of the whole walk after a 429 without a readable `Retry-After`. @default 1000 */
  rateLimitPauseMs: 1_000,
});

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
   * Every remaining page's request options, when the first page says how many there are (an
   * offset list with a total): `paginate()` then fetches them concurrently, in a bounded
   * window, and still yields the items in order. `undefined` where only `next` can tell.
   */
  rest?(data: Data, response: Response, init: PageInit): readonly PageInit[] | undefined;
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
  /**
   * The client's wire `fetch`: pages fetched concurrently go through it with a gate, so that a
   * 429 on one of them pauses the whole walk for its `Retry-After`.
   */
  readonly fetch?: FetchLike | undefined;
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

interface Page {
  readonly init: PageInit;
  readonly data: unknown;
  readonly response: Response;
}

/**
 * Every item of a paginated list, across pages, as an async iterator. It follows each
 * vendor's rule (Dynatrace sends only `nextPageKey` after the first page; Qernal follows
 * `page[...]` links; GitLab counts pages) and stops with an error if the server repeats a
 * cursor. Pages are fetched one after the other and held one at a time, except where the
 * first page says how many there are (GitLab's `x-total-pages`): the rest are then fetched
 * {@link PAGE_WALK.concurrency} at a time, a 429 on any of them pausing the whole walk for its
 * `Retry-After`, and the items still come in order.
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
  const seen = new Set<string>();

  function claim(pageInit: PageInit): void {
    const key = JSON.stringify(pageInit.params ?? {});
    if (seen.has(key)) {
      throw new ApiTokensError("pagination did not advance: the server returned a page cursor it had already given", {
        ...context,
        operation: `GET ${path}`,
      });
    }
    seen.add(key);
  }

  async function fetchPage(pageInit: PageInit, extra?: PageInit): Promise<Page> {
    const result = await pagination.page(path, extra ? { ...pageInit, ...extra } : pageInit);
    const data = await unwrap(result);
    if (shape) {
      const { status, headers } = result.response;
      const requestId = headers.get("x-request-id") ?? undefined;
      checkShape(shape, data, { ...context, operation: `GET ${path}`, status, requestId });
    }
    return { init: pageInit, data, response: result.response };
  }

  const firstInit = (init ?? {}) as PageInit;
  claim(firstInit);
  let page = await fetchPage(firstInit);
  yield* paginator.items(page.data);
  const rest = paginator.rest?.(page.data, page.response, page.init);
  if (rest?.length) {
    for (const pageInit of rest) claim(pageInit);
    page = yield* concurrently(rest, (pageInit, extra) => fetchPage(pageInit, extra), paginator, pagination.fetch, page.init);
  }
  for (let next = paginator.next(page.data, page.response, page.init); next; next = paginator.next(page.data, page.response, page.init)) {
    claim(next);
    page = await fetchPage(next);
    yield* paginator.items(page.data);
  }
}

/**
 * Fetches known pages in a window of {@link PAGE_WALK.concurrency}, yielding their items in
 * order and holding at most the window's pages; returns the last page. Pages go through the
 * client's wire `fetch` with a gate: after a 429 no attempt of the walk is sent before its
 * `Retry-After` has passed (each request's own retry still honours it as well). Stopping the
 * iteration aborts what is in flight.
 */
async function* concurrently<Item>(
  inits: readonly PageInit[],
  fetchPage: (init: PageInit, extra: PageInit) => Promise<Page>,
  paginator: Paginator<unknown, Item>,
  wire: FetchLike | undefined,
  first: PageInit,
): AsyncGenerator<Item, Page, undefined> {
  const controller = new AbortController();
  const callerSignal = first.signal instanceof AbortSignal ? first.signal : undefined;
  const signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
  let resumeAt = 0;
  // The caller's own `fetch` for this walk, if it gave one, else the client's.
  const base = (first.fetch as FetchLike | undefined) ?? wire;
  const gated: FetchLike | undefined =
    base &&
    (async (input, requestInit) => {
      for (let wait = resumeAt - Date.now(); wait > 0; wait = resumeAt - Date.now()) await sleep(wait, signal);
      const response = await base(input, requestInit);
      if (response.status === 429) {
        resumeAt = Math.max(resumeAt, Date.now() + (retryAfterMs(response.headers) ?? PAGE_WALK.rateLimitPauseMs));
      }
      return response;
    });
  const extra: PageInit = gated ? { signal, fetch: gated } : { signal };
  const window: Promise<Page>[] = [];
  let launched = 0;
  const launch = () => {
    const pending = fetchPage(inits[launched++] as PageInit, extra);
    // Awaited in order below; a page dropped when the walk stops must not be an unhandled rejection.
    pending.catch(() => undefined);
    window.push(pending);
  };
  try {
    while (launched < inits.length && window.length < PAGE_WALK.concurrency) launch();
    let page: Page | undefined;
    while (window.length) {
      page = await (window.shift() as Promise<Page>);
      if (launched < inits.length) launch();
      yield* paginator.items(page.data);
    }
    return page as Page;
  } finally {
    controller.abort();
  }
}
