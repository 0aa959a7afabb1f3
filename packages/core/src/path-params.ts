import type { ErrorContext, TextRedactor } from "./errors/api-tokens-error.js";
import { PathParameterError } from "./errors/path-parameter-error.js";

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Why a path parameter value is refused, or `undefined` when it is fine. */
export function pathParameterProblem(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return "is missing";
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint")
    return `must be a string or a number, got ${Array.isArray(value) ? "an array" : typeof value}`;
  const text = String(value);
  if (text === "") return "is empty";
  if (text.trim() === "") return "is only whitespace";
  if (text === "." || text === "..") return `is "${text}", which would change the path`;
  if (text === `{${name}}`) return `is the literal placeholder "{${name}}"`;
  return undefined;
}

/**
 * Checks every `{name}` of a path template against the given values and refuses, before
 * anything is sent, values that would hit another resource: missing, empty, whitespace, `.`,
 * `..`, or the literal `{name}`. (openapi-fetch would turn `id = ".."` into a request on the
 * parent collection and `id = ""` into the list endpoint.)
 *
 * @example assertPathParameters("/apiTokens/{id}", { id: ".." }, ctx) // throws PathParameterError
 */
export function assertPathParameters(
  template: string,
  values: Record<string, unknown> | undefined,
  context: ErrorContext & { redactor?: TextRedactor },
): void {
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    const problem = pathParameterProblem(name, values?.[name]);
    if (problem) throw new PathParameterError(`path parameter "${name}" ${problem}`, { ...context, parameter: name });
  }
}

/**
 * Fills a path template, percent-encoding each value whole (`/` → `%2F`, `?` → `%3F`), so a
 * value can never change the path. `.` and `..` need no encoding here: URL parsers treat
 * `%2E%2E` as `..` anyway, which is why {@link assertPathParameters} refuses them.
 * Given to openapi-fetch as its `pathSerializer`.
 *
 * @example serializePath("/apiTokens/{id}", { id: "a/b" }) // "/apiTokens/a%2Fb"
 */
export function serializePath(template: string, values: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) return whole;
    return encodeURIComponent(String(value));
  });
}
