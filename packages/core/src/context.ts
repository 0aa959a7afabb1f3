import type { TextRedactor } from "./errors/api-tokens-error.js";

/** What the layers below the middleware chain need to know about a request to report on it. */
export interface RequestContext {
  readonly vendor: string;
  readonly vendorName: string;
  /** Method + path template, e.g. `"GET /apiTokens/{id}"`. */
  readonly operation: string;
  readonly redactor: TextRedactor;
}

/**
 * Requests are tagged by the client's context middleware (registered just before auth, so no
 * later middleware replaces the `Request`), and read by the retry, timeout and redirect layers.
 */
const contexts = new WeakMap<Request, RequestContext>();

/** Tags a request with its context. */
export function setRequestContext(request: Request, context: RequestContext): void {
  contexts.set(request, context);
}

/** The context of a request, or a neutral one (method + URL path, shape-only redaction). */
export function requestContext(request: Request, fallbackRedactor: TextRedactor): RequestContext {
  return (
    contexts.get(request) ?? {
      vendor: "",
      vendorName: "",
      operation: `${request.method} ${safePath(request.url, fallbackRedactor)}`,
      redactor: fallbackRedactor,
    }
  );
}

function safePath(url: string, redactor: TextRedactor): string {
  try {
    return redactor.text(new URL(url).pathname);
  } catch {
    return "(invalid URL)";
  }
}
