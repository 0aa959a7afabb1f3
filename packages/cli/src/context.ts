import { type Connected, type ConnectOptions, connect, type Tokens, type VendorKey } from "apitokens";
import { configFromEnvironment, ENVIRONMENT, VENDORS } from "./config.js";
import { CliError } from "./exit-codes.js";
import type { Io } from "./io.js";

/** What every command gets: the selected vendors, connected, and how to reach them. */
export interface CommandContext {
  readonly io: Io;
  readonly vendors: Connected<ConnectOptions>;
  /** The configured vendors the command works on (all, or those named with --vendor). */
  readonly selected: readonly Tokens[];
  /** Looks up one configured vendor, for commands that name it. */
  vendor(name: string): Tokens;
  close(): Promise<void>;
}

/** Global flags that decide where the command connects. */
export interface ConnectFlags {
  readonly sandbox: boolean;
  readonly seed: string;
  readonly config: string | undefined;
  readonly vendor: readonly string[];
}

/**
 * Connects to the vendors configured in the environment, or to an embedded sandbox with seeded
 * data (`--sandbox`), which needs no account.
 */
export async function openContext(io: Io, flags: ConnectFlags): Promise<CommandContext> {
  for (const name of flags.vendor)
    if (!VENDORS.includes(name as VendorKey)) throw new CliError(`unknown vendor "${name}" (known: ${VENDORS.join(", ")})`);
  let close = async () => {};
  let options: ConnectOptions;
  if (flags.sandbox) {
    const { startSandbox } = await import("@apitokens/sandbox");
    const sandbox = await startSandbox({ port: 0, seed: flags.seed });
    close = () => sandbox.close();
    options = {
      timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb },
      qernal: { baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: sandbox.credentials.qernal },
      dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace },
      sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps },
    };
  } else {
    options = await configFromEnvironment(io, flags.config);
  }
  let vendors: Connected<ConnectOptions>;
  try {
    vendors = connect(options);
  } catch (error) {
    await close();
    throw error;
  }
  const configured = vendors.all;
  for (const name of flags.vendor)
    if (!VENDORS.includes(name as VendorKey)) throw new CliError(`unknown vendor "${name}" (known: ${VENDORS.join(", ")})`);
  const selected = flags.vendor.length ? configured.filter((t) => flags.vendor.includes(t.vendor)) : configured;
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
    vendors,
    selected,
    vendor(name) {
      const found = configured.find((t) => t.vendor === name);
      if (!found) {
        if (!VENDORS.includes(name as VendorKey)) throw new CliError(`unknown vendor "${name}" (known: ${VENDORS.join(", ")})`);
        throw new CliError(`${name} is not configured: set ${ENVIRONMENT[name as VendorKey].token} (or use --sandbox)`);
      }
      return found;
    },
    close,
  };
}
