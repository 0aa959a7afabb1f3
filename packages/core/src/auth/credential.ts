import type { ErrorContext, TextRedactor } from "../errors/api-tokens-error.js";
import { CredentialError } from "../errors/credential-error.js";
import { isSecret, type Secret } from "../secret.js";

/** Why a credential is being asked for: every request, or a retry after a 401. */
export interface CredentialRequest {
  /** `true` after the vendor answered 401: return a fresh credential if you can. */
  readonly refresh: boolean;
}

/** A function that supplies the credential per request (from a vault, a refresh flow, …). */
export type CredentialProvider = (request: CredentialRequest) => string | Secret | Promise<string | Secret>;

/** The `token` option: a value, a {@link Secret}, or a function called per request. */
export type Credential = string | Secret | CredentialProvider;

/** Where a credential came from, for error messages. */
export interface CredentialSource extends ErrorContext {
  /** The option name, e.g. `"token"`. */
  readonly option: string;
  /** The environment variable users usually keep it in, e.g. `"DT_API_TOKEN"`. */
  readonly envVar?: string | undefined;
  /** Knows the values in play (the client's redactor), so an error about the credential never shows one. */
  readonly redactor?: TextRedactor | undefined;
}

const NAMES: Record<number, string> = {
  0: "a NUL character",
  9: "a tab",
  10: "a line feed (LF)",
  13: "a carriage return (CR)",
  127: "a DEL character",
};

/**
 * Refuses a credential that cannot be sent as-is: missing, empty, or holding characters a
 * header value may not contain (CR, LF, other controls, non-ASCII, or surrounding spaces,
 * which usually mean a stray newline from a file). The message names the problem and its
 * position, never the value.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.5
 * @example assertSendable(process.env.DT_API_TOKEN, { option: "token", envVar: "DT_API_TOKEN" })
 */
export function assertSendable(value: unknown, source: CredentialSource): asserts value is string {
  const hint = source.envVar ? ` (for example from the ${source.envVar} environment variable)` : "";
  if (value === undefined || value === null) {
    throw new CredentialError(`no credential: pass the \`${source.option}\` option${hint}`, { ...source });
  }
  if (typeof value !== "string") {
    throw new CredentialError(`\`${source.option}\` must be a string, a Secret or a function returning one, got ${typeof value}`, {
      ...source,
    });
  }
  if (value.trim() === "") {
    throw new CredentialError(`\`${source.option}\` is empty: pass the vendor credential${hint}`, { ...source });
  }
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x21 && code <= 0x7e) continue;
    if (code === 0x20 && i > 0 && i < value.length - 1) continue;
    const what =
      NAMES[code] ??
      (code === 0x20
        ? "a leading or trailing space"
        : code < 0x20
          ? `a control character (0x${code.toString(16).padStart(2, "0")})`
          : "a non-ASCII character");
    throw new CredentialError(
      `\`${source.option}\` contains ${what} at position ${i + 1}; a header value cannot carry it (check for a trailing newline)`,
      { ...source },
    );
  }
}

/** Reads a credential (calling it when it is a function) and checks it can be sent. */
export async function resolveCredential(credential: Credential, request: CredentialRequest, source: CredentialSource): Promise<string> {
  let value: unknown = credential;
  if (typeof credential === "function") {
    try {
      value = await credential(request);
    } catch (error) {
      throw new CredentialError(`the \`${source.option}\` function failed`, { ...source, cause: error });
    }
  }
  const text = isSecret(value) ? value.reveal() : value;
  assertSendable(text, source);
  return text;
}
