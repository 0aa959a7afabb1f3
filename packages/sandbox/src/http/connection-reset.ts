/** Part of an answer sent before the connection drops (the `truncated` fault). */
export interface PartialAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The first bytes of the body; the connection drops after them. */
  readonly body: Uint8Array;
  /** The length of the whole body, announced in `Content-Length`. */
  readonly length: number;
}

/**
 * Thrown by the request handling when a fault asks for the connection to be dropped, with no
 * answer (`reset`, `reset-after`) or after part of one (`truncated`). The node server turns it
 * into a destroyed socket; the in-process `fetch` into what undici's `fetch` does on a reset
 * ({@link fetchFailed}), or a body that fails mid-way ({@link truncatedResponse}).
 */
export class ConnectionReset extends Error {
  override name = "ConnectionReset";
  readonly partial: PartialAnswer | undefined;
  constructor(partial?: PartialAnswer) {
    super(
      partial
        ? "the sandbox dropped the connection mid-body (scripted truncated fault)"
        : "the sandbox dropped the connection (scripted reset fault)",
    );
    this.partial = partial;
  }
}

/**
 * The rejection of a `fetch` whose connection was reset, shaped like undici's:
 * `TypeError("fetch failed")` with a cause whose `code` is `ECONNRESET`.
 *
 * @example throw fetchFailed();
 */
export function fetchFailed(): TypeError {
  return new TypeError("fetch failed", { cause: econnreset() });
}

/**
 * An in-process answer whose body stops after its first bytes, like undici's when the peer
 * closes mid-body: reading the rest rejects with `TypeError("terminated")`.
 *
 * @example return truncatedResponse(error.partial);
 */
export function truncatedResponse(partial: PartialAnswer): Response {
  const headers = new Headers(partial.headers);
  headers.set("content-length", String(partial.length));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (partial.body.byteLength) controller.enqueue(partial.body);
    },
    pull(controller) {
      controller.error(new TypeError("terminated", { cause: econnreset() }));
    },
  });
  return new Response(body, { status: partial.status, headers });
}

function econnreset(): Error {
  return Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" });
}
