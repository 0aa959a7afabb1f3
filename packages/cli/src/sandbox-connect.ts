import type { ConnectOptions } from "apitokens";
import { CliError, EXIT } from "./exit-codes.js";

/** Connect options for every vendor of a sandbox, and how to stop it (a no-op for one we did not start). */
export interface SandboxConnection {
  readonly options: ConnectOptions;
  close(): Promise<void>;
}

/**
 * An embedded sandbox with seeded data (`true`), or a separately started one at `url`: its
 * index (`GET /`) says its seed, from which the same credentials are derived.
 */
export async function sandboxOptions(where: true | string, seed: string): Promise<SandboxConnection> {
  const { createSandbox, startSandbox } = await import("@apitokens/sandbox");
  if (where === true) {
    const sandbox = await startSandbox({ port: 0, seed });
    return { options: optionsOf(sandbox), close: () => sandbox.close() };
  }
  const origin = new URL(where).origin;
  let index: { seed?: unknown };
  try {
    const response = await fetch(`${origin}/`);
    index = (await response.json()) as { seed?: unknown };
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
  return { options: optionsOf(createSandbox({ seed: index.seed, origin })), close: async () => {} };
}

type SandboxLike = {
  url(vendor: "timeweb" | "qernal" | "dynatrace" | "sematext"): string;
  readonly tokenUrl: string;
  readonly credentials: { readonly timeweb: string; readonly qernal: string; readonly dynatrace: string; readonly sematext: string };
  readonly sematextApps: readonly number[];
};

function optionsOf(sandbox: SandboxLike): ConnectOptions {
  return {
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb },
    qernal: { baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: sandbox.credentials.qernal },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace },
    sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps },
  };
}
