import type { TokenInfo } from "apitokens";
import type { ErrorJson } from "./error-report.js";

/**
 * A token in every JSON document: ISO dates, `null` for "never" (the vendor says so), the key
 * absent when the vendor does not report the fact. `account` is `null` for a vendor's single
 * unnamed account. `raw` is the vendor's own object, never with a secret in it.
 */
export interface TokenJson {
  readonly vendor: string;
  readonly account: string | null;
  readonly id: string;
  readonly name?: string;
  readonly enabled?: boolean;
  readonly createdAt?: string;
  readonly expiresAt?: string | null;
  readonly lastUsedAt?: string | null;
  readonly scopes?: readonly string[];
  readonly owner?: string;
  readonly raw?: unknown;
}

/** One vendor (account) of a `list`/`audit`: `ok`, or `error` with the typed error; `tokens` counts what was listed. */
export type VendorStatusJson =
  | { readonly vendor: string; readonly account: string | null; readonly status: "ok"; readonly tokens: number }
  | {
      readonly vendor: string;
      readonly account: string | null;
      readonly status: "error";
      readonly tokens: number;
      readonly error: ErrorJson;
    };

/** The account of a token: `TokenInfo.account` once the lifecycle carries it. */
export function accountOf(value: unknown): string | null {
  const account = (value as { account?: unknown } | null)?.account;
  return typeof account === "string" && account !== "" ? account : null;
}

/** A token as JSON for scripts (see {@link TokenJson}). */
export function tokenJson(token: TokenInfo): TokenJson {
  const iso = (d: Date | null | undefined) => (d === null ? null : d?.toISOString());
  return {
    vendor: token.vendor,
    account: accountOf(token),
    id: token.id,
    name: token.name,
    enabled: token.enabled,
    createdAt: iso(token.createdAt),
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    scopes: token.scopes,
    owner: token.owner,
    raw: token.raw,
  } as TokenJson;
}
