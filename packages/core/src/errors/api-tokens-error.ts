import { shapeRedactor } from "../redact.js";
import { brand, ERROR_BRAND } from "./brand.js";

/** Where a failure happened: the vendor and the operation (method + path template). */
export interface ErrorContext {
  /** Vendor key, e.g. `"dynatrace"`. */
  readonly vendor?: string | undefined;
  /** Vendor name for messages, e.g. `"Dynatrace"`. */
  readonly vendorName?: string | undefined;
  /** Method and path template, e.g. `"POST /apiTokens"`. Never the concrete URL. */
  readonly operation?: string | undefined;
}

/** Removes secrets from text; a client passes its own, which knows the credentials in play. */
export interface TextRedactor {
  text(input: string): string;
  value<T>(input: T): T;
}

/** Options every apitokens error accepts. */
export interface ApiTokensErrorOptions extends ErrorContext {
  /** The underlying failure. Stored in a redacted copy. */
  readonly cause?: unknown;
  /** Redacts the message and the cause; defaults to one that knows secret shapes only. */
  readonly redactor?: TextRedactor | undefined;
  /** Shown between vendor and operation, e.g. the HTTP status: "Dynatrace 400 on POST /apiTokens". */
  readonly label?: string | undefined;
}

/**
 * The base of every error apitokens throws. Messages and fields never hold a credential or a
 * token secret: everything passes redaction first, and `toJSON()` lists only safe fields.
 *
 * @example
 * try { await unwrap(client.GET("/apiTokens")); }
 * catch (error) { if (isApiTokensError(error)) console.error(error.message); }
 */
export class ApiTokensError extends Error {
  override name = "ApiTokensError";
  /** Vendor key, e.g. `"dynatrace"`; `undefined` when the failure is not tied to one. */
  readonly vendor: string | undefined;
  /** Method and path template, e.g. `"DELETE /apiTokens/{id}"`. */
  readonly operation: string | undefined;
  /** Not a field: `JSON.stringify` and `util.inspect` never show it. */
  readonly #redactor: TextRedactor;

  constructor(message: string, options: ApiTokensErrorOptions = {}) {
    const redactor = options.redactor ?? shapeRedactor;
    const who = options.vendorName ?? options.vendor;
    const where = [who, options.label, options.operation && `${who || options.label ? "on " : ""}${options.operation}`]
      .filter(Boolean)
      .join(" ");
    const cause = options.cause === undefined ? undefined : redactedCause(options.cause, redactor);
    super(redactor.text(where ? `${where}: ${message}` : message), cause === undefined ? undefined : { cause });
    this.#redactor = redactor;
    this.vendor = this.redact(options.vendor);
    this.operation = this.redact(options.operation);
  }

  /**
   * A field value with every secret removed, by the redactor this error was made with.
   * Subclasses pass every field they store through it.
   */
  protected redact<T>(value: T): T {
    if (typeof value === "string") return this.#redactor.text(value) as T;
    return value !== null && typeof value === "object" ? this.#redactor.value(value) : value;
  }

  /** {@link redact}, then cut to `max` characters (redacting first, so a cut never hides a secret from the redactor). */
  protected redactSnippet(value: string | undefined, max: number): string | undefined {
    if (value === undefined) return undefined;
    const redacted = this.#redactor.text(value);
    return redacted.length > max ? `${redacted.slice(0, max - 1)}…` : redacted;
  }

  /** The safe, printable fields. `JSON.stringify(error)` uses this. */
  toJSON(): Record<string, unknown> {
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) if (value !== undefined && key !== "stack") own[key] = value;
    return { ...own, name: this.name, message: this.message };
  }
}

brand(ApiTokensError, ERROR_BRAND);

/**
 * A copy of a cause that is safe to print: our own errors are kept (they are redacted
 * already), anything else becomes an `Error` with a redacted message and stack.
 */
export function redactedCause(cause: unknown, redactor: TextRedactor = shapeRedactor): unknown {
  if (cause instanceof ApiTokensError) return cause;
  if (cause instanceof Error) {
    const copy = new Error(redactor.text(cause.message));
    copy.name = cause.name;
    copy.stack = redactor.text(cause.stack ?? `${cause.name}: ${cause.message}`);
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number")
      Object.assign(copy, { code: typeof code === "string" ? redactor.text(code) : code });
    if (cause.cause !== undefined) Object.assign(copy, { cause: redactedCause(cause.cause, redactor) });
    return copy;
  }
  if (typeof cause === "string") return redactor.text(cause);
  if (cause === null || typeof cause !== "object") return cause;
  return redactor.value(cause);
}
