import type { CallOptions, ConnectOptions, Secret, TokenInfo, Tokens, VendorKey } from "apitokens";
import { configFromEnvironment, ENVIRONMENT, VENDORS } from "./config.js";
import { useLibraryGuard } from "./error-report.js";
import { CliError, EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import { type Output, outputFor } from "./output.js";
import { guarded } from "./vendor-call.js";

/** One configured vendor account, with its lifecycle (every failure typed). */
export interface Connection {
  readonly vendor: string;
  /** The account's name, `undefined` for a vendor's single unnamed account. */
  readonly account: string | undefined;
  readonly tokens: Tokens;
}

/** What every command gets: the selected vendors, connected, and where to write. */
export interface CommandContext {
  readonly io: Io;
  readonly out: Output;
  /** Where the command connects: `false` configured vendors, `true` an embedded sandbox, a URL a separate sandbox. */
  readonly sandbox: boolean | string;
  /** The configured vendors the command works on (all, or those named with --vendor), in display order. */
  readonly selected: readonly Connection[];
  /** Every configured vendor, for commands that recognise secrets of any of them. */
  readonly configured: readonly Connection[];
  /** Looks up one configured vendor (and account), for commands that name it. */
  vendor(name: string, account?: string): Connection;
  /** The token behind a secret, asking only the vendors whose formats match it. */
  identify(secret: string | Secret, options?: CallOptions): Promise<TokenInfo | undefined>;
  close(): Promise<void>;
}

/** Global flags that decide where the command connects. */
export interface ConnectFlags {
  /** `true`: an embedded sandbox; a URL: a separately started one. */
  readonly sandbox: boolean | string;
  readonly seed: string;
  readonly config: string | undefined;
  readonly vendor: readonly string[];
  readonly account: string | undefined;
  /** Per-attempt time limit of vendor calls. */
  readonly timeoutMs: number | undefined;
  readonly json: boolean;
}

const unknownVendor = (name: string) =>
  new CliError(`unknown vendor "${name}" (known: ${VENDORS.join(", ")})`, EXIT.usage, { input: "--vendor" });

/**
 * Connects to the vendors configured in the environment, to an embedded sandbox with seeded
 * data (`--sandbox`), or to a separately started sandbox (`--sandbox URL`, `APITOKENS_SANDBOX_URL`).
 */
export async function openContext(io: Io, flags: ConnectFlags): Promise<CommandContext> {
  for (const name of flags.vendor) if (!VENDORS.includes(name as VendorKey)) throw unknownVendor(name);
  let close = async () => {};
  let options: ConnectOptions;
  if (flags.sandbox !== false) {
    const { sandboxOptions } = await import("./sandbox-connect.js");
    const sandbox = await sandboxOptions(flags.sandbox, flags.seed);
    close = sandbox.close;
    options = sandbox.options;
  } else {
    options = await configFromEnvironment(io, flags.config);
  }
  if (flags.timeoutMs !== undefined)
    options = Object.fromEntries(
      Object.entries(options).map(([key, value]) => [key, value && { ...value, timeout: flags.timeoutMs }]),
    ) as ConnectOptions;
  const { connect, isApiTokensError } = await import("apitokens");
  useLibraryGuard(isApiTokensError);
  let all: readonly Tokens[];
  try {
    all = connect(options).all;
  } catch (error) {
    await close();
    throw error;
  }
  const hostOf = (vendor: string) => {
    const base = (options as Record<string, { baseUrl?: string } | undefined>)[vendor]?.baseUrl;
    try {
      return base ? new URL(base).host : undefined;
    } catch {
      return undefined;
    }
  };
  const configured: Connection[] = all.map((tokens) => {
    const account = (tokens as { account?: string }).account;
    return { vendor: tokens.vendor, account, tokens: guarded(tokens, { account, host: hostOf(tokens.vendor) }) };
  });
  const selected = configured.filter(
    (c) => (flags.vendor.length === 0 || flags.vendor.includes(c.vendor)) && (flags.account === undefined || c.account === flags.account),
  );
  if (selected.length === 0) {
    await close();
    const hint = VENDORS.map((v) => `${v}: ${ENVIRONMENT[v].token}`).join(", ");
    throw new CliError(
      flags.vendor.length
        ? `${flags.vendor.join(", ")} is not configured (set its credential: ${hint})`
        : `no vendor is configured: set a credential (${hint}) or a config file, or try --sandbox`,
    );
  }
  return {
    io,
    out: outputFor(io, flags.json),
    sandbox: flags.sandbox,
    selected,
    configured,
    vendor(name, account = flags.account) {
      if (!VENDORS.includes(name as VendorKey)) throw new CliError(`unknown vendor "${name}" (known: ${VENDORS.join(", ")})`);
      const found = configured.find((c) => c.vendor === name && (account === undefined || c.account === account));
      if (!found) throw new CliError(`${name} is not configured: set ${ENVIRONMENT[name as VendorKey].token} (or use --sandbox)`);
      return found;
    },
    async identify(secret, callOptions) {
      for (const { tokens } of configured) {
        const found = await tokens.identify(secret, callOptions);
        if (found) return found;
      }
      return undefined;
    },
    close,
  };
}
