import type { ErrorContext } from "../errors/api-tokens-error.js";
import { ResponseParseError } from "../errors/response-parse-error.js";

/**
 * The typed error for a success answer that lacks a field the lifecycle relies on (an empty or
 * `{}` 200, a create answer without its secret). It keeps no part of the body: a create answer
 * holds a secret. The lifecycle treats it as an unknown outcome and reconciles.
 *
 * @example if (typeof body?.token !== "string") throw answerLacks("token", { ...context, operation: "POST /apiTokens" }, 201);
 */
export function answerLacks(field: string, context: ErrorContext, status: number): ResponseParseError {
  return new ResponseParseError(`${status} without \`${field}\`, which the spec promises`, { ...context, status });
}

/** A non-empty string, or `undefined`. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
