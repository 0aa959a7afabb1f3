/** The methods the emulated APIs use, as a preflight allows them. */
const METHODS = "GET, POST, PUT, PATCH, DELETE";
/** How long a browser may cache a preflight, in seconds. */
const MAX_AGE = "600";

/**
 * Lets pages on any origin call the sandbox (CORS, without cookies: the vendors' credentials
 * travel in `Authorization`). A preflight is answered here, before faults and authentication,
 * as a real API's gateway does; every other answer gets `Access-Control-Allow-Origin: *` and
 * exposes its headers (`Retry-After`, `Link`, `Pagination-*`, `WWW-Authenticate`).
 *
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 * @example const handle = withCors(sandboxHandle);
 */
export function withCors(handle: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const origin = request.headers.get("origin");
    if (origin === null) return handle(request);
    const method = request.headers.get("access-control-request-method");
    if (request.method === "OPTIONS" && method !== null) {
      return new Response(null, {
        status: 204,
        headers: {
          "access-control-allow-origin": "*",
          "access-control-allow-methods": METHODS,
          // `*` does not cover `Authorization`: name the headers the page asked for.
          "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "",
          "access-control-max-age": MAX_AGE,
          vary: "Access-Control-Request-Headers",
        },
      });
    }
    const response = await handle(request);
    const headers = new Headers(response.headers);
    headers.set("access-control-allow-origin", "*");
    headers.set("access-control-expose-headers", "*");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
