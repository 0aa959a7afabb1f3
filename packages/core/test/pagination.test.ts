import { type RecordedRequest, recordRequests, startTestServer, type TestServer } from "@apitokens/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createApiClient,
  cursorPages,
  type FetchLike,
  linkPages,
  offsetPages,
  PAGE_WALK,
  type PageInit,
  type Paginator,
  paginate,
} from "../src/index.js";
import { fast, type paths, profile, spec, type Token } from "./fixtures.js";

const response = (headers: Record<string, string> = {}) => new Response(null, { headers });
const init: PageInit = { params: { path: { id: 7 }, query: { pageSize: 2, sort: "name" } } };

const dynatrace = cursorPages({ style: "cursor", items: "apiTokens", cursor: "nextPageKey", param: "nextPageKey", alone: true });
const cursorWithQuery = cursorPages({ style: "cursor", items: "items", cursor: "meta.next", param: "cursor" });
const qernal = linkPages({
  style: "link",
  items: "data",
  next: "meta.links.next",
  param: "page",
  keys: ["before", "after", "size"],
  end: { at: "meta.end", total: "meta.results" },
});
const gitlab = offsetPages({ style: "offset", param: "page", nextHeader: "x-next-page", totalPagesHeader: "x-total-pages" });

describe("pagination strategies (x-pagination as data)", () => {
  it.each<{ given: string; paginator: Paginator<unknown>; data: unknown; headers?: Record<string, string>; want: PageInit | undefined }>([
    {
      given: "cursor sent alone (Dynatrace): the query is replaced, the path kept",
      paginator: dynatrace,
      data: { apiTokens: [{}], nextPageKey: "K2" },
      want: { params: { path: { id: 7 }, query: { nextPageKey: "K2" } } },
    },
    { given: "cursor: null on the last page", paginator: dynatrace, data: { apiTokens: [{}], nextPageKey: null }, want: undefined },
    { given: "cursor: empty string", paginator: dynatrace, data: { apiTokens: [], nextPageKey: "" }, want: undefined },
    {
      given: "cursor added to the query (at a dotted path)",
      paginator: cursorWithQuery,
      data: { items: [{}], meta: { next: "c2" } },
      want: { params: { path: { id: 7 }, query: { pageSize: 2, sort: "name", cursor: "c2" } } },
    },
    {
      given: "link in the body (Qernal object body)",
      paginator: qernal,
      data: { data: [{}], meta: { end: 20, results: 45, links: { next: "/v1/auth/tokens?page[after]=20&page[size]=20" } } },
      want: { params: { path: { id: 7 }, query: { pageSize: 2, sort: "name", page: { after: 20, size: 20 } } } },
    },
    {
      given: "link body at its end (meta.end reaches meta.results)",
      paginator: qernal,
      data: { data: [{}], meta: { end: 45, results: 45, links: { next: "/v1/auth/tokens?page[after]=45" } } },
      want: undefined,
    },
    {
      given: "Link header rel=next with a bare-array body",
      paginator: qernal,
      data: [{}],
      headers: {
        link: '<https://chaos.qernal.com/v1/auth/tokens?page[after]=2>; rel="next", </v1/auth/tokens?page[after]=0>; rel="first"',
      },
      want: { params: { path: { id: 7 }, query: { pageSize: 2, sort: "name", page: { after: 2 } } } },
    },
    {
      given: "link: an empty page ends the walk",
      paginator: qernal,
      data: [],
      headers: { link: '</x?page[after]=2>; rel="next"' },
      want: undefined,
    },
    {
      given: "link: a link without page values",
      paginator: qernal,
      data: [{}],
      headers: { link: '</x?cursor=abc>; rel="next"' },
      want: undefined,
    },
    {
      given: "offset: x-next-page (GitLab)",
      paginator: gitlab,
      data: [{}],
      headers: { "x-next-page": "3" },
      want: { params: { path: { id: 7 }, query: { pageSize: 2, sort: "name", page: 3 } } },
    },
    {
      given: "offset: no x-next-page, the Link header's rel=next",
      paginator: gitlab,
      data: [{}],
      headers: { link: '<https://gitlab.com/api/v4/personal_access_tokens?page=4&per_page=100>; rel="next"' },
      want: { params: { path: { id: 7 }, query: { pageSize: 2, sort: "name", page: 4 } } },
    },
    {
      given: "offset: an empty x-next-page on the last page",
      paginator: gitlab,
      data: [{}],
      headers: { "x-next-page": "" },
      want: undefined,
    },
    { given: "offset: a page number that is not one", paginator: gitlab, data: [{}], headers: { "x-next-page": "0" }, want: undefined },
  ])("$given", ({ paginator, data, headers, want }) => {
    expect(paginator.next(data, response(headers), init)).toEqual(want);
  });

  it.each([
    { given: "an object body's items at their path", paginator: dynatrace, data: { apiTokens: [1, 2] }, want: [1, 2] },
    { given: "a bare-array body", paginator: qernal, data: [3], want: [3] },
    { given: "no array where the items should be", paginator: dynatrace, data: { apiTokens: "x" }, want: [] },
  ])("items: $given", ({ paginator, data, want }) => {
    expect(paginator.items(data)).toEqual(want);
  });

  it.each([
    { given: "x-total-pages with x-next-page", headers: { "x-next-page": "2", "x-total-pages": "4" }, want: [2, 3, 4] },
    { given: "no x-total-pages (GitLab over 10,000 results)", headers: { "x-next-page": "2" }, want: undefined },
    { given: "the only page", headers: { "x-next-page": "", "x-total-pages": "1" }, want: undefined },
  ])("offset: the remaining pages with $given", ({ headers, want }) => {
    const rest = gitlab.rest?.([{}], response(headers), { params: { query: { per_page: 100 } } });
    expect(rest?.map((page) => (page.params as { query: { page: number } }).query.page)).toEqual(want);
    if (rest) expect(rest[0]?.params).toEqual({ query: { per_page: 100, page: 2 } });
  });
});

type OffsetPages = {
  "/tokens": { item: Token; init: { params?: { query?: { pageSize?: number } }; signal?: AbortSignal; fetch?: FetchLike } };
};

function offsetClient(server: TestServer) {
  const offset = offsetPages({
    style: "offset",
    items: "items",
    param: "page",
    nextHeader: "x-next-page",
    totalPagesHeader: "x-total-pages",
  });
  return createApiClient<paths, OffsetPages>(
    spec,
    { baseUrl: server.url, token: "t0ken-value-1234567890", ...fast },
    { ...profile, pagination: { "/tokens": offset } },
  );
}

const pageOf = (request: RecordedRequest) => Number(new URL(request.url, "http://x").searchParams.get("page") ?? "1");
const listPage = (page: number, pages: number) => ({
  status: 200,
  headers: { "x-next-page": page < pages ? String(page + 1) : "", "x-total-pages": String(pages) },
  body: {
    items: [
      { id: `t${page}a`, name: "a" },
      { id: `t${page}b`, name: "b" },
    ],
  },
});

describe("paginate: pages known in advance", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it("fetches the remaining pages concurrently, at most PAGE_WALK.concurrency at once, and yields items in order", async () => {
    const pages = 9;
    let inFlight = 0;
    let arrived = 0;
    let most = 0;
    let held: (() => void)[] = [];
    server.fallback(async (request) => {
      const page = pageOf(request);
      if (page === 1) return listPage(1, pages);
      inFlight++;
      arrived++;
      most = Math.max(most, inFlight);
      // Answer only once the window is full (or the last page has arrived): a sequential walk would never fill it.
      const released = new Promise<void>((resolve) => held.push(resolve));
      if (inFlight === PAGE_WALK.concurrency || arrived === pages - 1) {
        for (const release of held) release();
        held = [];
      }
      await released;
      inFlight--;
      return listPage(page, pages);
    });
    const ids: string[] = [];
    for await (const token of paginate(offsetClient(server), "/tokens", { params: { query: { pageSize: 2 } } })) ids.push(token.id);
    expect(ids).toEqual(Array.from({ length: pages }, (_, i) => [`t${i + 1}a`, `t${i + 1}b`]).flat());
    expect(most).toBe(PAGE_WALK.concurrency);
    expect(server.requests.map(pageOf).sort((a, b) => a - b)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(server.requests.every((r) => r.url.includes("pageSize=2"))).toBe(true);
  }, 60_000);

  it("follows the last known page's next page when the list grew during the walk", async () => {
    server.next(listPage(1, 2));
    server.next(listPage(2, 3));
    server.next(listPage(3, 3));
    const ids: string[] = [];
    for await (const token of paginate(offsetClient(server), "/tokens")) ids.push(token.id);
    expect(ids).toEqual(["t1a", "t1b", "t2a", "t2b", "t3a", "t3b"]);
  }, 60_000);

  it("sends the pages fetched together through the walk's own fetch, where it gives one", async () => {
    server.fallback((request) => listPage(pageOf(request), 3));
    const recorder = recordRequests();
    const ids: string[] = [];
    for await (const token of paginate(offsetClient(server), "/tokens", { fetch: recorder.fetch })) ids.push(token.id);
    expect(ids).toHaveLength(6);
    expect(recorder.sent).toHaveLength(3);
  }, 60_000);

  it("after a 429 on one page, sends no attempt of the walk before its Retry-After has passed", async () => {
    const arrivals: { page: number; at: number }[] = [];
    let rateLimited = false;
    let failed = false;
    server.fallback((request) => {
      const page = pageOf(request);
      arrivals.push({ page, at: performance.now() });
      if (page === 2 && !rateLimited) {
        rateLimited = true;
        return { status: 429, headers: { "retry-after-ms": "400" }, body: { error: { code: 429, message: "slow down" } } };
      }
      // Page 3 fails once, later than the 429: its own retry would come after a few ms without the walk's pause.
      if (page === 3 && !failed) {
        failed = true;
        return { status: 503, delayMs: 100, body: { error: { code: 503, message: "busy" } } };
      }
      return listPage(page, 3);
    });
    const ids: string[] = [];
    for await (const token of paginate(offsetClient(server), "/tokens")) ids.push(token.id);
    expect(ids).toEqual(["t1a", "t1b", "t2a", "t2b", "t3a", "t3b"]);
    const limitedAt = arrivals.find((a) => a.page === 2)?.at ?? Number.NaN;
    const page3Retry = arrivals.filter((a) => a.page === 3)[1]?.at ?? Number.NaN;
    // A lower bound only: a loaded machine can make the wait longer, never shorter.
    expect(page3Retry - limitedAt).toBeGreaterThanOrEqual(350);
  }, 60_000);
});
