import type { Tokens } from "apitokens";
import { type ConnectionOptions, configFromEnvironment, parseConnectionKey, SOURCES } from "./config.js";
import { useLibraryGuard } from "./error-report.js";
import { CliError, EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import { type Output, outputFor } from "./output.js";
import { type DefinitionLike, definitions } from "./registry.js";
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
  /** Every vendor definition, in display order. */
  readonly definitions: readonly DefinitionLike[];
  /** The configured vendors the command works on (all, or those named with --vendor/--account), in display order. */
  readonly selected: readonly Connection[];
  /** Every configured vendor, for commands that recognise secrets of any of them. */
  readonly configured: readonly Connection[];
  /** One configured vendor (`"dynatrace"`, `"dynatrace:prod"`), for commands that name it. */
  vendor(name: string): Connection;
  close(): Promise<void>;
}

/** Global flags that decide where the command connects. */
export interface ConnectFlags {
  /** `true`: an embedded sandbox; a URL: a separately started one. */
  readonly sandbox: boolean | string;
  readonly seed: string;
  readonly config: string | undefined;
  /** `--vendor` values: `"dynatrace"` or `"dynatrace:prod"`. */
  readonly vendor: readonly string[];
  readonly account: string | undefined;
  /** Per-attempt time limit of vendor calls. */
  readonly timeoutMs: number | undefined;
  readonly json: boolean;
}

/**
 * Connects to the vendors configured in the environment and config file, to an embedded
 * sandbox with seeded data (`--sandbox`), or to a separately started sandbox (`--sandbox URL`,
 * `APITOKENS_SANDBOX_URL`).
 */
export async function openContext(io: Io, flags: ConnectFlags): Promise<CommandContext> {
  const vendors = await definitions();
  const wanted = flags.vendor.map((name) => parseConnectionKey(name, vendors, "--vendor"));
  let close = async () => {};
  let options: ConnectionOptions;
  if (flags.sandbox !== false) {
    const { sandboxOptions } = await import("./sandbox-connect.js");
    const sandbox = await sandboxOptions(flags.sandbox, flags.seed, vendors);
    close = sandbox.close;
    options = sandbox.options;
  } else {
    options = await configFromEnvironment(io, flags.config, vendors);
  }
  const sources = SOURCES.get(options);
  if (flags.timeoutMs !== undefined)
    options = Object.fromEntries(Object.entries(options).map(([key, value]) => [key, { ...value, timeout: flags.timeoutMs }]));
  // Only the configured vendors' packages are loaded (all five with --sandbox).
  const { connectVendors, isApiTokensError } = await import("apitokens/registry");
  useLibraryGuard(isApiTokensError);
  let all: readonly Tokens[];
  try {
    all = (await connectVendors(options as never)).all;
  } catch (error) {
    await close();
    throw error;
  }
  const keyOf = (tokens: Tokens) => (tokens.account ? `${tokens.vendor}:${tokens.account}` : tokens.vendor);
  const hostOf = (tokens: Tokens) => {
    const base =
      options[keyOf(tokens)]?.baseUrl ?? vendors.find((v) => v.key === tokens.vendor)?.settings.find((s) => s.key === "baseUrl")?.default;
    try {
      return typeof base === "string" ? new URL(base).host : undefined;
    } catch {
      return undefined;
    }
  };
  const configured: Connection[] = all.map((tokens) => ({
    vendor: tokens.vendor,
    account: tokens.account,
    tokens: guarded(tokens, { account: tokens.account, host: hostOf(tokens), sources: sources?.[keyOf(tokens)] }),
  }));
  const matches = (c: Connection) =>
    (wanted.length === 0 || wanted.some((w) => w.vendor.key === c.vendor && (w.account === undefined || w.account === c.account))) &&
    (flags.account === undefined || c.account === flags.account);
  const selected = configured.filter(matches);
  const hint = vendors.map((v) => `${v.key}: ${v.settings.find((s) => s.type === "secret")?.env ?? "a config file entry"}`).join(", ");
  if (selected.length === 0) {
    await close();
    if (flags.account !== undefined && configured.length)
      throw new CliError(
        `no configured vendor has an account "${flags.account}" (configured: ${configured.map((c) => (c.account ? `${c.vendor}:${c.account}` : c.vendor)).join(", ")})`,
        EXIT.usage,
        { input: "--account" },
      );
    throw new CliError(
      flags.vendor.length
        ? `${flags.vendor.join(", ")} is not configured (set its credential: ${hint}, or a config file entry)`
        : `no vendor is configured: set a credential (${hint}) or a config file, or try --sandbox`,
    );
  }
  return {
    io,
    out: outputFor(io, flags.json),
    sandbox: flags.sandbox,
    definitions: vendors,
    selected,
    configured,
    vendor(name) {
      const { vendor, account = flags.account } = parseConnectionKey(name, vendors, "<vendor>");
      const candidates = configured.filter((c) => c.vendor === vendor.key && (account === undefined || c.account === account));
      const secret = vendor.settings.find((s) => s.type === "secret")?.env;
      if (candidates.length === 0)
        throw new CliError(
          account === undefined
            ? `${vendor.key} is not configured: set ${secret ?? "its config file entry"} (or use --sandbox)`
            : `${vendor.key} has no configured account "${account}"`,
          EXIT.usage,
          { input: name },
        );
      if (candidates.length > 1)
        throw new CliError(
          `${vendor.key} has several accounts (${candidates.map((c) => c.account).join(", ")}): name one, e.g. ${vendor.key}:${candidates[0]?.account} or --account ${candidates[0]?.account}`,
          EXIT.usage,
          { input: name },
        );
      return candidates[0] as Connection;
    },
    close,
  };
}
