import type { ConnectionOptions } from "./config.js";
import { CliError, EXIT } from "./exit-codes.js";
import type { DefinitionLike } from "./registry.js";

/** Connect options for every vendor the sandbox serves, and how to stop it (a no-op for one we did not start). */
export interface SandboxConnection {
  readonly options: ConnectionOptions;
  close(): Promise<void>;
}

/** What the CLI reads of a sandbox: its accounts and each one's `connect()` options. */
interface SandboxLike {
  connectOptions(vendor: string, account?: string): Record<string, unknown>;
  readonly accounts: Readonly<Record<string, readonly string[]>>;
}

/**
 * An embedded sandbox with seeded data (`true`), or a separately started one at `url`: its
 * index (`GET /`) says its seed, token counts and accounts, from which the same credentials are
 * rebuilt in-process (the index never serves one).
 */
export async function sandboxOptions(where: true | string, seed: string, vendors: readonly DefinitionLike[]): Promise<SandboxConnection> {
  const module = await import("@apitokens/sandbox");
  const served = new Set<string>(module.VENDORS);
  if (where === true) {
    const sandbox = await module.startSandbox({ port: 0, seed });
    return { options: optionsOf(sandbox as unknown as SandboxLike, vendors, served), close: () => sandbox.close() };
  }
  const origin = new URL(where).origin;
  let index: { seed?: unknown; tokens?: unknown; accounts?: unknown };
  try {
    const response = await fetch(`${origin}/`);
    index = (await response.json()) as typeof index;
  } catch (error) {
    throw new CliError(
      `no sandbox answers at ${origin} (${(error as Error).message}); start one with: npx apitokens-sandbox`,
      EXIT.failure,
      {
        input: "--sandbox",
      },
    );
  }
  if (typeof index?.seed !== "string")
    throw new CliError(`${origin} is not a seeded apitokens sandbox (its index names no seed)`, EXIT.failure, { input: "--sandbox" });
  // The same seed, token counts and accounts give the same credentials; the index never serves one.
  const built = {
    seed: index.seed,
    origin,
    ...(isRecord(index.tokens) ? { tokens: index.tokens as Record<string, number> } : {}),
    ...(isRecord(index.accounts) ? { accounts: index.accounts as Record<string, string[]> } : {}),
  };
  let twin: SandboxLike;
  try {
    twin = module.createSandbox(built as never) as unknown as SandboxLike;
  } catch (error) {
    throw new CliError(`${origin} describes a sandbox this CLI cannot rebuild: ${(error as Error).message}`, EXIT.failure, {
      input: "--sandbox",
    });
  }
  return { options: optionsOf(twin, vendors, served), close: async () => {} };
}

/**
 * Each served vendor's `connect()` options, as the sandbox gives them (`connectOptions`): one
 * account keeps the plain key; several are keyed `<vendor>:<account>`, as in a config file.
 */
export function optionsOf(sandbox: SandboxLike, vendors: readonly DefinitionLike[], served: ReadonlySet<string>): ConnectionOptions {
  const options: ConnectionOptions = {};
  for (const vendor of vendors) {
    if (!served.has(vendor.key)) continue;
    const names = sandbox.accounts[vendor.key] ?? [];
    if (names.length > 1) for (const name of names) options[`${vendor.key}:${name}`] = sandbox.connectOptions(vendor.key, name);
    else options[vendor.key] = sandbox.connectOptions(vendor.key);
  }
  return options;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
