import { CliError, EXIT, type ExitCode } from "./exit-codes.js";
import { safe } from "./format/text.js";
import { VendorAnswerError } from "./vendor-answer-error.js";

/** An error as the JSON contract shows it (`error` of every document). */
export interface ErrorJson {
  /** The error class, e.g. `"NotFoundError"`, `"ResponseShapeError"`, `"UsageError"`. */
  readonly class: string;
  /** One line, control characters escaped, values shortened, no secret. */
  readonly message: string;
  readonly exitCode: ExitCode;
  /** The vendor key, when a vendor call failed. */
  readonly vendor?: string;
  /** The account, when the vendor has several. */
  readonly account?: string;
  /** Method and path template, e.g. `"GET /apiTokens"`. */
  readonly operation?: string;
  /** HTTP status of the vendor's answer. */
  readonly status?: number;
  /** The vendor's request id, for its support. */
  readonly requestId?: string;
  /** JSON pointer of the first field of an answer that broke the spec. */
  readonly pointer?: string;
  /** The flag, argument or environment variable that was wrong. */
  readonly input?: string;
}

/** Where a vendor call happened, for errors that do not say it themselves. */
export interface CallSite {
  readonly vendor: string;
  readonly vendorName: string;
  readonly account?: string | undefined;
  readonly operation: string;
  /** The host the vendor is reached at, named in network errors. */
  readonly host?: string | undefined;
  /** Per setting key, the variable or config-file key it came from. */
  readonly sources?: Readonly<Record<string, string>> | undefined;
}

/**
 * The library's `isApiTokensError` guard, installed when the library is loaded (an
 * `ApiTokensError` cannot exist before): `--help` and usage errors never load a vendor.
 */
let isApiTokensError: (value: unknown) => value is Error & { vendor?: string; operation?: string } = (_value: unknown): _value is Error =>
  false;

/** Installs the library's guard (called once `apitokens` is imported). */
export function useLibraryGuard(guard: (value: unknown) => boolean): void {
  isApiTokensError = guard as typeof isApiTokensError;
}

const NETWORK = new Set(["ConnectionError", "TimeoutError"]);

const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * Any failure as a typed error: the CLI's own, the library's (`ApiTokensError` and subclasses),
 * or anything else a vendor call threw (a vendor answer that broke the library's expectations),
 * which becomes a {@link VendorAnswerError}. Only `site`-less unknown errors stay unknown.
 */
export function typed(error: unknown, site?: CallSite): Error {
  if (error instanceof CliError) return error;
  if (isApiTokensError(error)) {
    if (!site) return error;
    // A local mistake the library found in an option (a malformed credential): name what the user typed.
    const option = (error as { option?: unknown }).option;
    const source = typeof option === "string" ? site.sources?.[option] : undefined;
    if (source) {
      const detail = error.message.slice(error.message.lastIndexOf(": ") + 2).replace(new RegExp(`^the ${option} `), "");
      return new CliError(`${site.vendorName}: ${source} ${detail}`, EXIT.usage, { input: source, cause: error });
    }
    // Name the vendor where the library did not (Qernal's token endpoint) and the host of network errors.
    let message = error.message;
    if (!message.startsWith(site.vendorName)) message = `${site.vendorName}: ${message}`;
    if (NETWORK.has(error.name) && site.host && !message.includes(site.host)) message = `${message} (host ${site.host})`;
    if (message === error.message) return error;
    const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
    Object.assign(copy, error, { vendor: error.vendor ?? site.vendor });
    Object.defineProperty(copy, "message", { value: message, enumerable: false, writable: true, configurable: true });
    Object.defineProperty(copy, "name", { value: error.name, enumerable: false, writable: true, configurable: true });
    return copy;
  }
  if (site) return new VendorAnswerError(site.vendor, site.vendorName, site.operation, error);
  return error instanceof Error ? error : new Error(String(error));
}

/** The exit code an error means. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (isApiTokensError(error))
    return error.name === "UnsupportedOperationError" || error.name === "ConfigurationError" ? EXIT.usage : EXIT.failure;
  return EXIT.failure;
}

/** The HTTP status a vendor answered with, for a library error that carries one (`ApiError`). */
export function vendorStatusOf(error: unknown): number | undefined {
  const status = isApiTokensError(error) ? (error as { status?: unknown }).status : undefined;
  return typeof status === "number" ? status : undefined;
}

/** Whether the error is one we expect (printed as one line) rather than a bug in the CLI. */
export function isExpected(error: unknown): boolean {
  return error instanceof CliError || isApiTokensError(error);
}

/**
 * The JSON form of an error: class, one safe line, and the vendor's facts where there are any.
 *
 * @example errorJson(new CliError("--expires takes a date", EXIT.usage, { input: "--expires" }))
 */
export function errorJson(error: unknown, site?: { vendor?: string; account?: string | undefined }): ErrorJson {
  const e = error as Record<string, unknown>;
  const expected = isExpected(error);
  const message = expected
    ? safe((error as Error).message, 400)
    : `internal error (please report it): ${safe(error instanceof Error ? error.message : String(error), 200)}`;
  const cls =
    error instanceof CliError && error.name === "CliError"
      ? error.exitCode === EXIT.usage
        ? "UsageError"
        : "CliError"
      : (error as Error)?.name;
  const out: Record<string, unknown> = { class: str(cls) ?? "Error", message, exitCode: exitCodeOf(error) };
  const vendor = str(e.vendor) ?? site?.vendor;
  if (vendor) out.vendor = vendor;
  const account = str(e.account) ?? site?.account;
  if (account) out.account = account;
  if (str(e.operation)) out.operation = e.operation;
  if (typeof e.status === "number") out.status = e.status;
  if (str(e.requestId)) out.requestId = safe(e.requestId as string, 120);
  if (str(e.pointer)) out.pointer = safe(e.pointer as string, 200);
  if (str(e.input)) out.input = e.input;
  return out as unknown as ErrorJson;
}

/** The one line a person reads on stderr: `error: <message>` plus the request id, if any. */
export function errorLine(error: unknown): string {
  const json = errorJson(error);
  return `error: ${json.message}${json.requestId && !json.message.includes(json.requestId) ? ` (request id ${json.requestId})` : ""}`;
}
