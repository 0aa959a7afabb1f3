import type { TextRedactor } from "./errors/api-tokens-error.js";
import { ResponseParseError } from "./errors/response-parse-error.js";
import type { OperationSpec, ResponseBodyKind } from "./spec.js";

/** The body kind the spec declares for a status: the code itself, then `2XX`-style ranges, then `default`. */
export function declaredBody(operation: OperationSpec | undefined, status: number): ResponseBodyKind | undefined {
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
 * Refuses a success status the operation does not declare (a proxy's 200 login page where the
 * spec says 204), as a {@link ResponseParseError}. An operation core does not know (a path
 * outside the spec) is not checked.
 */
export function assertDeclaredStatus(
  text: unknown,
  response: Response,
  operation: OperationSpec | undefined,
  context: ParseContext,
): ResponseBodyKind | undefined {
  const expected = declaredBody(operation, response.status);
  if (operation && expected === undefined) {
    const declared = Object.keys(operation.responses).filter((status) => status.startsWith("2"));
    throw failure(response, context, `is not an answer the spec declares (it declares ${declared.join(", ") || "no success"})`, text);
  }
  return expected;
}

/**
 * Parses a success body read as text, as the spec declares it. An undeclared status, a
 * non-JSON content type (an HTML page) or malformed JSON where JSON is declared, an empty
 * body where JSON is declared and a body where none is declared each become a
 * {@link ResponseParseError}; where the spec says nothing, an empty body is `undefined`.
 */
export function parseSuccessBody(text: unknown, response: Response, operation: OperationSpec | undefined, context: ParseContext): unknown {
  const expected = assertDeclaredStatus(text, response, operation, context);
  if (typeof text !== "string" || text === "") {
    if (expected === "json") throw failure(response, context, "with an empty body where JSON was expected");
    return undefined;
  }
  const contentType = response.headers.get("content-type");
  if (expected === "empty") throw failure(response, context, `with a ${mediaType(contentType)} body where the spec declares none`, text);
  if (expected === "json" && contentType && !/json/i.test(contentType)) {
    throw failure(response, context, `with ${mediaType(contentType)} where JSON was expected`, text);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (expected !== "json") return text;
    throw failure(response, context, "with malformed JSON", text, error);
  }
}

function mediaType(contentType: string | null): string {
  return contentType?.split(";")[0]?.trim() || "untyped";
}

function failure(response: Response, context: ParseContext, what: string, text?: unknown, cause?: unknown): ResponseParseError {
  const contentType = response.headers.get("content-type");
  // A 2xx JSON (or untyped) body is where token APIs put secrets: cut short, it may hold part
  // of one that no redactor can recognise, so neither the body nor JSON.parse's message (which
  // quotes it) is kept; only its length. Another server's page (HTML) keeps its snippet.
  const secretBearing = response.ok && typeof text === "string" && text !== "" && (!contentType || /json/i.test(contentType));
  if (secretBearing)
    return new ResponseParseError(`${response.status} ${what}`, {
      ...context,
      status: response.status,
      contentType: contentType ?? undefined,
      cause: `the body (${text.length} characters) is left out: a success body may hold part of a secret`,
    });
  return new ResponseParseError(`${response.status} ${what}`, {
    ...context,
    status: response.status,
    contentType: contentType ?? undefined,
    // Whole: the error redacts it first, then cuts it, so a secret cut in half is still found.
    bodySnippet: typeof text === "string" && text !== "" ? text : undefined,
    ...(cause === undefined ? {} : { cause }),
  });
}
