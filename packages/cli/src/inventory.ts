import { isApiTokensError, type TokenInfo, type Tokens } from "apitokens";
import type { Progress } from "./progress.js";

/** Every token of the selected vendors, and the vendors that failed. */
export interface Inventory {
  readonly tokens: TokenInfo[];
  readonly failures: { readonly vendor: string; readonly message: string }[];
}

/**
 * Lists the tokens of several vendors at once (they are independent), reporting progress; one
 * vendor failing does not hide the others' tokens.
 */
export async function gatherInventory(vendors: readonly Tokens[], progress: Progress): Promise<Inventory> {
  const counts = new Map(vendors.map((v) => [v.vendor, 0]));
  const show = () => progress.update(`listing tokens… ${[...counts].map(([vendor, n]) => `${vendor} ${n}`).join(", ")}`);
  const results = await Promise.all(
    vendors.map(async (tokens) => {
      const found: TokenInfo[] = [];
      try {
        for await (const token of tokens.list()) {
          found.push(token);
          counts.set(tokens.vendor, found.length);
          show();
        }
        return { found };
      } catch (error) {
        if (!isApiTokensError(error)) throw error;
        return { found, failure: { vendor: tokens.vendor, message: error.message } };
      }
    }),
  );
  progress.done();
  return {
    tokens: results.flatMap((r) => r.found),
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
  };
}

/** A token as JSON for scripts: ISO dates, `null` for "never", no secrets (adapters strip them from `raw`). */
export function tokenJson(token: TokenInfo): Record<string, unknown> {
  const iso = (d: Date | null | undefined) => (d === null ? null : d?.toISOString());
  return {
    vendor: token.vendor,
    id: token.id,
    name: token.name,
    enabled: token.enabled,
    createdAt: iso(token.createdAt),
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    scopes: token.scopes,
    owner: token.owner,
    raw: token.raw,
  };
}
