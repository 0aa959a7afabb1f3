import { once } from "node:events";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";

export const SANDBOX_HELP = `Usage: apitokens sandbox [--port <n>] [--seed <seed>] [--json]

Starts the local sandbox of all four vendors' token APIs in the foreground, prints each
vendor's base URL and a credential for it, and stops cleanly on Ctrl-C. Point this command at
it from another terminal with --sandbox <URL> or APITOKENS_SANDBOX_URL=<URL> (the first line's
URL), or point the environment variables of each vendor at the URLs it prints, as they are.
With --json: one document {command, origin, seed, vendors: [{vendor, baseUrl, credential, …}]}.`;

/** `apitokens sandbox`: the emulator in the foreground until Ctrl-C. */
export async function runSandbox(io: Io, port: number, seed: string, json: boolean): Promise<ExitCode> {
  // Listen for Ctrl-C before anything is printed: whoever reads the URLs may signal at once.
  const stop = Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  const { startSandbox } = await import("@apitokens/sandbox");
  const sandbox = await startSandbox({ port, seed });
  const vendors = [
    {
      vendor: "timeweb",
      baseUrl: sandbox.url("timeweb"),
      credential: sandbox.credentials.timeweb,
      env: { TWC_BASE_URL: sandbox.url("timeweb") },
    },
    {
      vendor: "qernal",
      baseUrl: sandbox.url("qernal"),
      tokenUrl: sandbox.tokenUrl,
      credential: sandbox.credentials.qernal,
      env: { QERNAL_HOST_CHAOS: sandbox.url("qernal"), QERNAL_HOST_HYDRA: sandbox.tokenUrl },
    },
    {
      vendor: "dynatrace",
      baseUrl: sandbox.url("dynatrace"),
      credential: sandbox.credentials.dynatrace,
      env: { DT_ENV_URL: sandbox.url("dynatrace") },
    },
    {
      vendor: "sematext",
      baseUrl: sandbox.url("sematext"),
      credential: sandbox.credentials.sematext,
      apps: sandbox.sematextApps,
      env: { SEMATEXT_BASE_URL: sandbox.url("sematext"), SEMATEXT_APP_ID: sandbox.sematextApps.join(",") },
    },
  ];
  if (json) io.stdout.write(`${JSON.stringify({ command: "sandbox", origin: sandbox.origin, seed, vendors })}\n`);
  else {
    const lines = [
      `apitokens sandbox at ${sandbox.origin} (seed "${seed}") — Ctrl-C to stop`,
      `use it: apitokens list --sandbox ${sandbox.origin}   (or APITOKENS_SANDBOX_URL=${sandbox.origin})`,
      `timeweb    ${sandbox.url("timeweb")}    token ${sandbox.credentials.timeweb}`,
      `qernal     ${sandbox.url("qernal")}    token ${sandbox.credentials.qernal}    token URL ${sandbox.tokenUrl}`,
      `dynatrace  ${sandbox.url("dynatrace")}    token ${sandbox.credentials.dynatrace}`,
      `sematext   ${sandbox.url("sematext")}    API key ${sandbox.credentials.sematext}    apps ${sandbox.sematextApps.join(",")}`,
    ];
    io.stdout.write(`${lines.join("\n")}\n`);
  }
  await stop;
  await sandbox.close();
  io.stderr.write("sandbox stopped\n");
  return EXIT.ok;
}
