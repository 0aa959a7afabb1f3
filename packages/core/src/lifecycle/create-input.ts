import type { ErrorContext } from "../errors/api-tokens-error.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { UnsupportedOperationError } from "../errors/unsupported-operation-error.js";
import type { Capabilities, CreateTokenInput } from "./token-info.js";

/**
 * Checks a create's input before anything is sent: a non-empty `name`, an `expiresAt` that is
 * a valid date in the future, `scopes` as strings, and only fields the vendor accepts. Throws a
 * {@link ConfigurationError} naming the field and what was given, or an
 * {@link UnsupportedOperationError} for a field the vendor has no word for.
 *
 * @example checkCreateInput({ name: "ci", expiresAt: new Date(NaN) }, capabilities, context, Date.now()); // throws, naming expiresAt
 */
export function checkCreateInput(input: CreateTokenInput, capabilities: Capabilities, context: ErrorContext, now: number): void {
  const { name, expiresAt, scopes } = input as { name: unknown; expiresAt: unknown; scopes: unknown };
  if (typeof name !== "string" || name.trim() === "")
    throw new ConfigurationError(`\`name\` must be a non-empty string, got ${describe(name)}`, context);
  if (expiresAt !== undefined) {
    if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime()))
      throw new ConfigurationError(`\`expiresAt\` must be a valid Date, got ${describe(expiresAt)}`, context);
    if (expiresAt.getTime() <= now)
      throw new ConfigurationError(`\`expiresAt\` must be in the future, got ${expiresAt.toISOString()}`, context);
  }
  if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((scope) => typeof scope === "string" && scope !== "")))
    throw new ConfigurationError(`\`scopes\` must be a list of non-empty strings, got ${describe(scopes)}`, context);
  for (const field of ["expiresAt", "scopes"] as const) {
    if (input[field] !== undefined && !capabilities.createFields.includes(field)) {
      throw new UnsupportedOperationError(`${context.vendorName} tokens cannot be created with \`${field}\``, {
        ...context,
        capability: `create.${field}`,
      });
    }
  }
}

/**
 * Checks a token id given to a lifecycle call: a non-empty string.
 *
 * @example checkId("", context); // throws ConfigurationError: `id` must be a non-empty string, got ""
 */
export function checkId(id: unknown, context: ErrorContext): void {
  if (typeof id !== "string" || id === "") throw new ConfigurationError(`\`id\` must be a non-empty string, got ${describe(id)}`, context);
}

/** What the user typed, short and printable (never a secret: these are names, dates and ids). */
function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}
