import type { TokenInfo } from "apitokens";
import type { Connection } from "./context.js";
import { errorJson, exitCodeOf, isExpected } from "./error-report.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { VendorStatusJson } from "./json.js";
import type { Progress } from "./progress.js";

/** Every token of the selected vendors, and each vendor's status (a failed vendor is never an empty result). */
export interface Inventory {
  /** Every token, in the connections' order (empty when a {@link TokenSink} took them). */
  readonly tokens: TokenInfo[];
  readonly vendors: VendorStatusJson[];
  /** The typed errors of the vendors that failed, in display order. */
  readonly failures: Error[];
}

/**
 * Where each listed token goes instead of {@link Inventory.tokens} (which then stays empty), as
 * it arrives: `connection` is its vendor's index in the connections given. A consumer that
 * renders tokens while the other vendors are still answering need not hold them.
 */
export type TokenSink = (connection: number, token: TokenInfo) => void;

/**
 * Lists the tokens of several vendors at once (they are independent), reporting progress; one
 * vendor failing does not hide the others' tokens.
 */
export async function gatherInventory(connections: readonly Connection[], progress: Progress, sink?: TokenSink): Promise<Inventory> {
  const label = (c: Connection) => (c.account ? `${c.vendor}:${c.account}` : c.vendor);
  const counts = connections.map(() => 0);
  const text = () => `listing tokens… ${connections.map((c, i) => `${label(c)} ${counts[i]}`).join(", ")}`;
  const results = await Promise.all(
    connections.map(async (connection, index) => {
      const found: TokenInfo[] = [];
      try {
        for await (const token of connection.tokens.list()) {
          if (sink) sink(index, token);
          else found.push(token);
          counts[index] = (counts[index] ?? 0) + 1;
          progress.update(text);
        }
        return { connection, found, count: counts[index] ?? 0 };
      } catch (error) {
        if (!isExpected(error)) throw error;
        return { connection, found, count: counts[index] ?? 0, failure: error as Error };
      }
    }),
  );
  progress.done();
  return {
    tokens: results.flatMap((r) => r.found),
    vendors: results.map(({ connection: c, count, failure }) =>
      failure
        ? { vendor: c.vendor, account: c.account ?? null, status: "error", tokens: count, error: errorJson(failure, c) }
        : { vendor: c.vendor, account: c.account ?? null, status: "ok", tokens: count },
    ),
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
  };
}

/** The exit code of failed vendors: 3 when a vendor call failed, 2 when every failure was a local mistake (nothing sent). */
export function failureExit(failures: readonly Error[]): ExitCode {
  return failures.every((f) => exitCodeOf(f) === EXIT.usage) ? EXIT.usage : EXIT.failure;
}
