/**
 * Thrown by the request handling when a `reset` fault asks for the connection to be dropped.
 * The node server turns it into a destroyed socket; the in-process `fetch` into what undici's
 * `fetch` rejects with on a reset ({@link fetchFailed}).
 */
export class ConnectionReset extends Error {
  override name = "ConnectionReset";
  constructor() {
    super("the sandbox dropped the connection (scripted reset fault)");
  }
}

/**
 * The rejection of a `fetch` whose connection was reset, shaped like undici's:
 * `TypeError("fetch failed")` with a cause whose `code` is `ECONNRESET`.
 *
 * @example throw fetchFailed();
 */
export function fetchFailed(): TypeError {
  const cause = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104, syscall: "read" });
  return new TypeError("fetch failed", { cause });
}
