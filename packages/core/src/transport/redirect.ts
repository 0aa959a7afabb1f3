import type { FetchLayer } from "./fetch-like.js";

/** Redirect statuses that carry a `Location`. */
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** As many hops as the Fetch standard allows. @see https://fetch.spec.whatwg.org/#http-redirect-fetch */
const MAX_HOPS = 20;
/** Headers that describe a body, dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

/**
 * Follows a redirect only when it stays on the request's origin and scheme family (`http:` or
 * `https:`), and only when the request can be sent again without a copy of its body (no body,
 * or a 303 / a 301 or 302 after a POST, which the Fetch standard turns into a body-less GET).
 * Anything else — another origin, a `data:` or other non-HTTP URL, a 307/308 of a request with
 * a body — is returned as the 3xx answer, which the client reports as an error. So a
 * credential never leaves the origin on a redirect, and no forged answer from elsewhere is
 * taken as the vendor's. URLs are parsed only when an answer is a redirect.
 *
 * Sits below the timeout (one attempt covers every hop) and below auth (each hop carries the
 * headers auth attached, on the same origin only). The wire sends with `redirect: "manual"`.
 *
 * @example withRetry(options)(withTimeout(30_000)(withRedirects(wire)))
 */
export const withRedirects: FetchLayer = (next) => async (request, call, signal, headers) => {
  let current = request;
  let sent = headers;
  for (let hop = 0; ; hop++) {
    const response = await next(current, call, signal, sent);
    if (current.redirect !== "follow" || !REDIRECTS.has(response.status) || hop >= MAX_HOPS) return response;
    const target = sameOriginTarget(response.headers.get("location"), current.url);
    const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && current.method === "POST");
    if (target === undefined || (current.body !== null && !toGet)) return response;
    await response.body?.cancel().catch(() => undefined);
    // The hop carries what was sent (auth's headers on the same origin); it is below every middleware.
    const hopHeaders = new Headers(sent ?? current.headers);
    if (toGet) for (const name of BODY_HEADERS) hopHeaders.delete(name);
    current = new Request(target, {
      method: toGet ? "GET" : current.method,
      headers: hopHeaders,
      signal: current.signal,
      redirect: "follow",
    });
    sent = undefined;
  }
};

/** The absolute URL of `location` when it is http(s) on the origin of `from`. */
function sameOriginTarget(location: string | null, from: string): string | undefined {
  if (location === null) return undefined;
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  return url.origin === new URL(from).origin ? url.href : undefined;
}
