import { once } from "node:events";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";

export const SANDBOX_HELP = `Usage: apitokens sandbox [--port <n>] [--seed <seed>]

Starts the local sandbox of all four vendors' token APIs in the foreground, prints each
vendor's base URL and a credential for it, and stops cleanly on Ctrl-C. Point the clients (or
the environment variables of this command) at it to work without a vendor account.`;

/** `apitokens sandbox`: the emulator in the foreground until Ctrl-C. */
export async function runSandbox(io: Io, port: number, seed: string): Promise<ExitCode> {
  // Listen for Ctrl-C before anything is printed: whoever reads the URLs may signal at once.
  const stop = Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  const { startSandbox } = await import("@apitokens/sandbox");
  const sandbox = await startSandbox({ port, seed });
  const lines = [
    `apitokens sandbox (seed "${seed}") — Ctrl-C to stop`,
    `timeweb    ${sandbox.url("timeweb")}    token ${sandbox.credentials.timeweb}`,
    `qernal     ${sandbox.url("qernal")}    token ${sandbox.credentials.qernal}    token URL ${sandbox.tokenUrl}`,
    `dynatrace  ${sandbox.url("dynatrace")}    token ${sandbox.credentials.dynatrace}`,
    `sematext   ${sandbox.url("sematext")}    API key ${sandbox.credentials.sematext}    apps ${sandbox.sematextApps.join(",")}`,
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  await stop;
  await sandbox.close();
  io.stderr.write("sandbox stopped\n");
  return EXIT.ok;
}
