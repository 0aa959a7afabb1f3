import type { TextRedactor } from "./errors/api-tokens-error.js";
import { ResponseParseError } from "./errors/response-parse-error.js";
import type { OperationSpec } from "./spec.js";

const SNIPPET = 120;

/** The body kind the spec declares for a status: the code itself, then `2XX`-style ranges, then `default`. */
export function declaredBody(operation: OperationSpec | undefined, status: number): "json" | "empty" | undefined {
  if (!operation) return undefined;
  const responses = operation.responses;
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

/** Context for {@link parseSuccessBody}. */
export interface ParseContext {
  readonly vendor: string;
  readonly vendorName: string;
  readonly operation: string;
  readonly redactor: TextRedactor;
}

/**
 * Parses a success body read as text. Where the spec promises JSON, an empty body, a
 * non-JSON content type (an HTML page) and malformed JSON each become a
 * {@link ResponseParseError}; where it promises nothing, an empty body is `undefined`.
 */
export function parseSuccessBody(text: unknown, response: Response, operation: OperationSpec | undefined, context: ParseContext): unknown {
  const expected = declaredBody(operation, response.status);
  const contentType = response.headers.get("content-type") ?? undefined;
  const fail = (what: string, snippet?: string) =>
    new ResponseParseError(`${response.status} ${what}`, { ...context, status: response.status, contentType, bodySnippet: snippet });
  if (typeof text !== "string" || text === "") {
    if (expected === "json") throw fail("with an empty body where JSON was expected");
    return undefined;
  }
  if (expected === "json" && contentType && !/json/i.test(contentType)) {
    throw fail(`with ${contentType.split(";")[0]} where JSON was expected`, text.slice(0, SNIPPET));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (expected !== "json") return text;
    throw new ResponseParseError(`${response.status} with malformed JSON`, {
      ...context,
      status: response.status,
      contentType,
      bodySnippet: text.slice(0, SNIPPET),
      cause: error,
    });
  }
}
