import type { FetchLayer } from "./fetch-like.js";

/** Redirect statuses that carry a `Location`. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** As many hops as the Fetch standard allows. @see https://fetch.spec.whatwg.org/#http-redirect-fetch */
const MAX_HOPS = 20;

/**
 * Follows redirects itself so that a credential never leaves the client's origin: on a hop
 * to another origin it drops every header a security scheme of the spec uses (plus
 * `Authorization` and `Cookie`). Method and body change as the Fetch standard says (303, and
 * 301/302 after a POST, become a body-less GET).
 *
 * Where `redirect: "manual"` yields an opaque response (browsers), the platform follows the
 * redirect itself, and the Fetch standard already drops `Authorization` across origins.
 *
 * @example withRedirectGuard(["Authorization"])(fetch)
 */
export function withRedirectGuard(credentialHeaders: readonly string[]): FetchLayer {
  const strip = [...new Set(["authorization", "cookie", ...credentialHeaders.map((h) => h.toLowerCase())])];
  return (next) => async (input, init) => {
    if (input.redirect !== "follow") return next(input, init);
    const bodyCopy = input.body === null ? undefined : input.clone();
    let response = await next(input, { ...init, redirect: "manual" });
    if (response.type === "opaqueredirect") return next(bodyCopy ?? input, init);
    let origin: string | undefined;
    let current = { url: input.url, method: input.method, headers: new Headers(input.headers), body: bodyCopy };
    for (let hop = 0; REDIRECTS.has(response.status); hop++) {
      const location = response.headers.get("location");
      if (!location) return response;
      if (hop >= MAX_HOPS) throw new TypeError(`too many redirects (more than ${MAX_HOPS})`);
      await response.body?.cancel().catch(() => undefined);
      const url = new URL(location, current.url).toString();
      const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && current.method === "POST");
      const headers = new Headers(current.headers);
      // Parsed here, not per request: most answers are not redirects.
      origin ??= new URL(input.url).origin;
      if (new URL(url).origin !== origin) for (const name of strip) headers.delete(name);
      if (toGet)
        for (const name of ["content-type", "content-length", "content-encoding", "content-language", "content-location"])
          headers.delete(name);
      const body = toGet || !current.body ? undefined : current.body.clone();
      current = { url, method: toGet ? "GET" : current.method, headers, body: toGet ? undefined : current.body };
      const next_ = new Request(url, {
        method: current.method,
        headers,
        signal: input.signal,
        redirect: "manual",
        ...(body ? { body: await body.arrayBuffer() } : {}),
      });
      response = await next(next_, { ...init, redirect: "manual" });
    }
    return response;
  };
}
