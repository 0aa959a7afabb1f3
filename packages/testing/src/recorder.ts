/** One request as it left a client, and how the server judged it. */
export interface SentRequest {
  readonly method: string;
  readonly origin: string;
  readonly path: string;
  readonly search: string;
  readonly headers: Headers;
  readonly body: string;
  readonly status: number;
  /** Prism's `sl-violations` header: what in the request broke the spec (`null` with no violation). */
  readonly violations: string | null;
}

/**
 * A `fetch` to give a client's `fetch` option: it sees each request after every middleware,
 * auth included — exactly what goes on the wire — records it with the answer's status, and
 * forwards it.
 *
 * @example
 * const { sent, fetch } = recordRequests();
 * const client = createTimewebClient({ baseUrl, token, fetch });
 */
export function recordRequests(): { readonly sent: SentRequest[]; fetch(input: Request, init?: RequestInit): Promise<Response> } {
  const sent: SentRequest[] = [];
  return {
    sent,
    async fetch(input, init) {
      const request = new Request(input, init);
      const body = await request.clone().text();
      const response = await fetch(request);
      const url = new URL(request.url);
      sent.push({
        method: request.method,
        origin: url.origin,
        path: url.pathname,
        search: url.search,
        headers: request.headers,
        body,
        status: response.status,
        violations: response.headers.get("sl-violations"),
      });
      return response;
    },
  };
}
