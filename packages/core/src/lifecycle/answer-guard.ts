import type { ErrorContext } from "../errors/api-tokens-error.js";
import { ResponseParseError } from "../errors/response-parse-error.js";
import { ResponseShapeError } from "../errors/response-shape-error.js";

/**
 * The typed error for a success answer that lacks a field the lifecycle relies on (an empty or
 * `{}` 200, a create answer without its secret). It keeps no part of the body: a create answer
 * holds a secret. The lifecycle treats it as an unknown outcome and reconciles.
 *
 * @example if (typeof body?.token !== "string") throw answerLacks("token", { ...context, operation: "POST /apiTokens" }, 201);
 */
export function answerLacks(field: string, context: ErrorContext, status: number): ResponseShapeError {
  const pointer = `/${field.replace(/\[\]/g, "/-").split(".").join("/")}`;
  return new ResponseShapeError(`${status} without \`${field}\`, which the spec promises`, {
    ...context,
    status,
    pointer,
    expected: "a non-empty value",
  });
}

/** A non-empty string, or `undefined`. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * A failure of a create or reissue without the answer's body: that body carries the new secret,
 * so no part of it (even a truncated one a redactor cannot recognise) is kept on the error.
 * Other errors are returned as they are.
 *
 * @example throw withoutAnswerBody(error);
 */
export function withoutAnswerBody(error: unknown): unknown {
  if (!(error instanceof ResponseParseError) || error.bodySnippet === undefined) return error;
  const copy = new ResponseParseError(error.message, {
    status: error.status,
    contentType: error.contentType,
    cause: "the answer's body is left out: it may hold part of a secret",
  });
  // The message already names vendor and operation; keep the fields for programs.
  Object.assign(copy, { vendor: error.vendor, operation: error.operation });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
