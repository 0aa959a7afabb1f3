import { once } from "node:events";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";

export const SANDBOX_HELP = `Usage: apitokens sandbox [--port <n>] [--seed <seed>] [--json]

Starts the local sandbox of the vendors' token APIs in the foreground, prints its URL, each
vendor's base URL and credential, and stops cleanly on Ctrl-C. Point this command at it from
another terminal with --sandbox <URL> or APITOKENS_SANDBOX_URL=<URL> (the URL on the first
line), or set each vendor's environment variables to the values it prints, as they are.
With --json: one document {command, origin, seed, vendors: [{vendor, baseUrl, credential, env}]}.`;

/** `apitokens sandbox`: the emulator in the foreground until Ctrl-C. */
export async function runSandbox(io: Io, port: number, seed: string, json: boolean): Promise<ExitCode> {
  // Listen for Ctrl-C before anything is printed: whoever reads the URLs may signal at once.
  const stop = Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  const { startSandbox, VENDORS } = await import("@apitokens/sandbox");
  const { definitions } = await import("../registry.js");
  const { optionsOf } = await import("../sandbox-connect.js");
  const vendors = await definitions();
  const sandbox = await startSandbox({ port, seed });
  const options = optionsOf(sandbox as never, vendors, new Set(VENDORS));
  const served = vendors.filter((v) => options[v.key]);
  const rows = served.map((v) => {
    const values = options[v.key] ?? {};
    const show = (value: unknown) => (Array.isArray(value) ? value.join(",") : String(value));
    const env = Object.fromEntries(v.settings.filter((s) => values[s.key] !== undefined).map((s) => [s.env, show(values[s.key])]));
    const secret = v.settings.find((s) => s.type === "secret");
    return { vendor: v.key, baseUrl: String(values.baseUrl ?? ""), credential: secret ? String(values[secret.key]) : "", env };
  });
  if (json) io.stdout.write(`${JSON.stringify({ command: "sandbox", origin: sandbox.origin, seed, vendors: rows })}\n`);
  else {
    const width = Math.max(...rows.map((r) => r.vendor.length));
    const lines = [
      `apitokens sandbox at ${sandbox.origin} (seed "${seed}") — Ctrl-C to stop`,
      `use it: apitokens list --sandbox ${sandbox.origin}   (or APITOKENS_SANDBOX_URL=${sandbox.origin})`,
      ...rows.map(
        (r) =>
          `${r.vendor.padEnd(width)}  ${Object.entries(r.env)
            .map(([k, v]) => `${k}=${v}`)
            .join(" ")}`,
      ),
    ];
    io.stdout.write(`${lines.join("\n")}\n`);
  }
  await stop;
  await sandbox.close();
  io.stderr.write("sandbox stopped\n");
  return EXIT.ok;
}
