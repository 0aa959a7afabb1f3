import { parseArgs } from "node:util";
import { isApiTokensError, UnsupportedOperationError } from "apitokens";
import type { Command } from "./command.js";
import { audit } from "./commands/audit.js";
import { leaked } from "./commands/leaked.js";
import { list } from "./commands/list.js";
import { create, disable, enable, revoke, rotate } from "./commands/mutate.js";
import { runSandbox, SANDBOX_HELP } from "./commands/sandbox.js";
import { ENVIRONMENT, VENDORS } from "./config.js";
import { openContext } from "./context.js";
import { CliError, EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

const COMMANDS: readonly Command[] = [list, audit, leaked, create, rotate, revoke, enable, disable];

const GLOBAL_OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  sandbox: { type: "boolean" },
  seed: { type: "string" },
  port: { type: "string" },
  vendor: { type: "string", multiple: true },
  json: { type: "boolean" },
  config: { type: "string" },
} as const;

function mainHelp(): string {
  const env = VENDORS.map((v) => `  ${v.padEnd(10)} ${Object.values(ENVIRONMENT[v]).join(", ")}`).join("\n");
  return `Usage: apitokens <command> [options]

One inventory, audit, rotation and leak response for API tokens at Timeweb Cloud, Qernal,
Dynatrace and Sematext.

Commands:
${[...COMMANDS.map((c) => [c.name, c.summary]), ["sandbox", "run the local emulator of the four vendors"]].map(([n, s]) => `  ${String(n).padEnd(9)} ${s}`).join("\n")}

Options for every command:
  --sandbox          run against an embedded sandbox with seeded data (no account needed)
  --seed <seed>      the sandbox's seed (default "demo")
  --vendor <v>       only this vendor (repeatable): ${VENDORS.join(", ")}
  --json             machine-readable output
  --config <file>    config file (default $APITOKENS_CONFIG or ~/.config/apitokens/config.json)
  -h, --help         help for a command: apitokens <command> --help

Credentials come from environment variables or the config file, never from flags:
${env}
The config file is JSON: {"dynatrace": {"baseUrl": "…", "token": "…"}, "sematext": {"region": "eu", "appId": 42, "token": "…"}, …}

Exit codes: 0 ok, 1 audit findings, 2 usage, 3 vendor call failed, 4 leaked: not found, 5 leaked: found, not revoked.
NO_COLOR turns colours off.`;
}

/**
 * Runs `apitokens` with the given arguments and returns its exit code. Expected errors are one
 * line on stderr, never a stack trace.
 */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof UnsupportedOperationError) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT.usage;
    }
    if (isApiTokensError(error)) {
      io.stderr.write(`error: ${error.message}\n`);
      return EXIT.failure;
    }
    io.stderr.write(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<ExitCode> {
  const name = argv.find((a) => !a.startsWith("-"));
  const command = COMMANDS.find((c) => c.name === name);
  if (name !== undefined && name !== "sandbox" && name !== "help" && !command)
    throw new CliError(`unknown command "${name}"; see apitokens --help`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, ...command?.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split("\n")[0]}; see apitokens ${command?.name ?? ""} --help`.replace("  ", " "));
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write("apitokens 0.1.0\n");
    return EXIT.ok;
  }
  if (!command) {
    if (name === "sandbox") {
      if (values.help) return print(io, SANDBOX_HELP);
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port takes a port number, got "${String(values.port)}"`);
      return runSandbox(io, port, typeof values.seed === "string" ? values.seed : "demo");
    }
    return print(io, mainHelp(), name === undefined && !values.help ? EXIT.usage : EXIT.ok);
  }
  if (values.help) return print(io, command.help);
  const context = await openContext(io, {
    sandbox: values.sandbox === true,
    seed: typeof values.seed === "string" ? values.seed : "demo",
    config: typeof values.config === "string" ? values.config : undefined,
    vendor: (Array.isArray(values.vendor) ? values.vendor : []).flatMap((v) => String(v).split(",")).filter(Boolean),
  });
  try {
    return await command.run(context, values, positionals.slice(1));
  } finally {
    await context.close();
  }
}

function print(io: Io, text: string, code: ExitCode = EXIT.ok): ExitCode {
  (code === EXIT.ok ? io.stdout : io.stderr).write(`${text}\n`);
  return code;
}
