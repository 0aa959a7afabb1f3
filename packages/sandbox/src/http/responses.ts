/**
 * A JSON response with the exact media type the spec declares (Dynatrace's is
 * `application/json; charset=utf-8`; the self-check compares it to the spec's key).
 *
 * @example json(201, { id, token }, "application/json; charset=utf-8")
 */
export function json(status: number, body: unknown, mediaType = "application/json", headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": mediaType, ...headers } });
}

/**
 * A response without a body (204, or a 404/401 the spec declares without content).
 *
 * @example empty(204)
 */
export function empty(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}
