import type { TokenInfo } from "apitokens";
import type { Connection } from "./context.js";
import { errorJson, exitCodeOf, isExpected } from "./error-report.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { VendorStatusJson } from "./json.js";
import type { Progress } from "./progress.js";

/** Every token of the selected vendors, and each vendor's status (a failed vendor is never an empty result). */
export interface Inventory {
  readonly tokens: TokenInfo[];
  readonly vendors: VendorStatusJson[];
  /** The typed errors of the vendors that failed, in display order. */
  readonly failures: Error[];
}

/**
 * Lists the tokens of several vendors at once (they are independent), reporting progress; one
 * vendor failing does not hide the others' tokens.
 */
export async function gatherInventory(connections: readonly Connection[], progress: Progress): Promise<Inventory> {
  const label = (c: Connection) => (c.account ? `${c.vendor}:${c.account}` : c.vendor);
  const counts = new Map(connections.map((c) => [label(c), 0]));
  const show = () => progress.update(`listing tokens… ${[...counts].map(([vendor, n]) => `${vendor} ${n}`).join(", ")}`);
  const results = await Promise.all(
    connections.map(async (connection) => {
      const found: TokenInfo[] = [];
      try {
        for await (const token of connection.tokens.list()) {
          found.push(token);
          counts.set(label(connection), found.length);
          show();
        }
        return { connection, found };
      } catch (error) {
        if (!isExpected(error)) throw error;
        return { connection, found, failure: error as Error };
      }
    }),
  );
  progress.done();
  return {
    tokens: results.flatMap((r) => r.found),
    vendors: results.map(({ connection: c, found, failure }) =>
      failure
        ? { vendor: c.vendor, account: c.account ?? null, status: "error", tokens: found.length, error: errorJson(failure, c) }
        : { vendor: c.vendor, account: c.account ?? null, status: "ok", tokens: found.length },
    ),
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
  };
}

/** The exit code of failed vendors: 3 when a vendor call failed, 2 when every failure was a local mistake (nothing sent). */
export function failureExit(failures: readonly Error[]): ExitCode {
  return failures.every((f) => exitCodeOf(f) === EXIT.usage) ? EXIT.usage : EXIT.failure;
}
