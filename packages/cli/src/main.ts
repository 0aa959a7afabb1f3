// Builtins through process.getBuiltinModule: an ESM `import` of one evaluates every export it
// has (node:fs loads the whole streams stack for its ReadStream getter), which `--help` pays for.
const { parseArgs } = process.getBuiltinModule("node:util");

import type { Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { CliError, EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

const GLOBAL_OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  sandbox: { type: "boolean" },
  seed: { type: "string" },
  vendor: { type: "string", multiple: true },
  account: { type: "string" },
  json: { type: "boolean" },
  config: { type: "string" },
  timeout: { type: "string" },
} as const;

/** The version in the package's own `package.json`. */
export function version(): string {
  const { readFileSync } = process.getBuiltinModule("node:fs");
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

/** The general help: commands and global flags. Loads no vendor (`apitokens help config` does). */
function mainHelp(): string {
  return `Usage: apitokens <command> [options]

One inventory, audit, rotation and leak response for API tokens across vendors.

Commands:
${[...COMMANDS.map((c) => [c.name, c.summary]), ["sandbox", "run the local emulator of the vendors' token APIs"]].map(([n, s]) => `  ${String(n).padEnd(9)} ${s}`).join("\n")}

Options for every command:
  --sandbox [URL]    an embedded sandbox with seeded data (no account needed), or the one
                     started separately at URL (also: APITOKENS_SANDBOX_URL)
  --seed <seed>      the embedded sandbox's seed (default "demo")
  --vendor <v>       only this vendor (repeatable), or one account: dynatrace:prod
  --account <name>   only this account of vendors with several
  --json             one JSON document on stdout (errors too); human text goes to stderr
  --timeout <t>      time limit per vendor request, e.g. 10s, 2m (default 30s)
  --config <file>    config file (default $APITOKENS_CONFIG or ~/.config/apitokens/config.json)
  -h, --help         help for a command: apitokens <command> --help
  --version          the version

Credentials come from environment variables or a config file, never from flags; each
vendor's variables and config keys: apitokens help config

Exit codes: 0 ok, 1 audit findings, 2 usage (nothing was sent), 3 a vendor call failed,
4 leaked: not found, 5 leaked: still active, 6 a new secret went to the fallback place,
74 stdout could not be written (full disk), 141 the reader closed stdout early (| head).
NO_COLOR turns colours off.`;
}

/** `apitokens help config`: every vendor's settings, from the registry. */
async function configHelp(): Promise<string> {
  const vendors = await (await import("./registry.js")).definitions();
  const lines = vendors.map((v) => {
    const settings = v.settings.map(
      (s) =>
        `    ${s.env.padEnd(20)} ${s.key.padEnd(9)} ${s.required ? "required; " : ""}${s.description}${s.values ? ` (${s.values.join(", ")})` : ""}${s.example ? ` e.g. ${s.example}` : ""}`,
    );
    return [`  ${v.key} (${v.name}):`, ...settings].join("\n");
  });
  return `Usage: apitokens help config

Each vendor is configured by environment variables (one account) or by an entry in the config
file (JSON at --config, $APITOKENS_CONFIG or ~/.config/apitokens/config.json, mode 0600),
keyed by the vendor ("dynatrace") or by vendor and account ("dynatrace:prod") for several.
An entry's keys are the settings' names; an unknown vendor or key is an error.

  environment variable  config key
${lines.join("\n")}

Example:
  {"dynatrace:prod": {"token": "dt0c01…", "baseUrl": "https://abc12345.live.dynatrace.com"},
   "dynatrace:staging": {"token": "dt0c01…", "baseUrl": "https://xyz98765.live.dynatrace.com"}}`;
}

/**
 * Runs `apitokens` with the given arguments and returns its exit code. Every failure is one
 * line on stderr (one JSON document on stdout with `--json`), never a stack trace.
 */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const json = argv.includes("--json");
  const state = { written: false, command: argv.find((a) => !a.startsWith("-")) ?? null };
  try {
    return await dispatch(argv, io, state);
  } catch (error) {
    // Loaded on failure only: what --help and a successful run never need.
    const { errorJson, errorLine, exitCodeOf, isExpected } = await import("./error-report.js");
    if (!isExpected(error) && io.env.APITOKENS_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    io.stderr.write(`${errorLine(error)}\n`);
    if (json && !state.written) io.stdout.write(`${JSON.stringify({ command: state.command, error: errorJson(error) }, null, 2)}\n`);
    return exitCodeOf(error);
  }
}

/** `--sandbox`, `--sandbox URL` and `--sandbox=URL` (parseArgs has no optional values). */
function sandboxSwitch(argv: readonly string[], env: Io["env"]): { rest: string[]; sandbox: boolean | string } {
  const rest: string[] = [];
  let sandbox: boolean | string = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith("--sandbox=")) sandbox = arg.slice("--sandbox=".length);
    else if (arg === "--sandbox") {
      const next = argv[i + 1];
      if (next !== undefined && /^https?:\/\//i.test(next)) {
        sandbox = next;
        i++;
      } else sandbox = true;
    } else rest.push(arg);
  }
  if (sandbox === false && env.APITOKENS_SANDBOX_URL) sandbox = env.APITOKENS_SANDBOX_URL;
  if (typeof sandbox === "string") {
    const where = env.APITOKENS_SANDBOX_URL === sandbox ? "APITOKENS_SANDBOX_URL" : "--sandbox";
    if (!/^https?:\/\/[^/]/i.test(sandbox))
      throw new CliError(`${where} takes the sandbox's URL, like http://127.0.0.1:4747, got "${sandbox}"`, EXIT.usage, { input: where });
  }
  return { rest, sandbox };
}

/** parseArgs' messages, in the command's own words. */
function usageError(error: unknown, command: string): CliError {
  const e = error as { code?: string; message?: string };
  const flag = /'(--?[^' ]+)/.exec(e.message ?? "")?.[1] ?? "";
  const help = `see apitokens ${command ? `${command} ` : ""}--help`;
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new CliError(`unknown flag ${flag}${command ? ` for "apitokens ${command}"` : ""}; ${help}`, EXIT.usage, { input: flag });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing|ambiguous/.test(e.message ?? "")
        ? new CliError(`${flag} needs a value; ${help}`, EXIT.usage, { input: flag })
        : new CliError(`${flag} takes no value; ${help}`, EXIT.usage, { input: flag });
    default:
      return new CliError(`cannot read the command line; ${help}`);
  }
}

async function dispatch(argv: readonly string[], io: Io, state: { written: boolean; command: string | null }): Promise<ExitCode> {
  const { rest, sandbox } = sandboxSwitch(argv, io.env);
  const name = rest.find((a) => !a.startsWith("-"));
  const entry = COMMANDS.find((c) => c.name === name);
  if (name !== undefined && name !== "sandbox" && name !== "help" && !entry)
    throw new CliError(`unknown command "${name}"; see apitokens --help`, EXIT.usage, { input: name });
  let command: Command | undefined;
  let options: Record<string, unknown> = GLOBAL_OPTIONS;
  if (entry) {
    command = await entry.load();
    options = { ...GLOBAL_OPTIONS, ...command.options };
  } else if (name === "sandbox") {
    options = { ...GLOBAL_OPTIONS, port: { type: "string" } };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: options as never, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error, name ?? "");
  }
  const { values, positionals } = parsed;
  if (values.version) {
    const v = version();
    if (values.json) {
      state.written = true;
      io.stdout.write(`${JSON.stringify({ command: "version", version: v })}\n`);
    } else io.stdout.write(`apitokens ${v}\n`);
    return EXIT.ok;
  }
  if (name === "sandbox") {
    const { runSandbox, SANDBOX_HELP } = await import("./commands/sandbox.js");
    if (values.help) return print(io, SANDBOX_HELP);
    if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}"; see apitokens sandbox --help`);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port takes a port number (0–65535), got "${String(values.port)}"`, EXIT.usage, { input: "--port" });
    state.written = values.json === true;
    return runSandbox(io, port, typeof values.seed === "string" ? values.seed : "demo", values.json === true);
  }
  if (name === "help" && positionals[1] === "config") return print(io, await configHelp());
  if (name === "help" && positionals[1] !== undefined) {
    const topic = COMMANDS.find((c) => c.name === positionals[1]);
    if (!topic) throw new CliError(`no help on "${positionals[1]}"; try apitokens help config or apitokens <command> --help`);
    return print(io, (await topic.load()).help);
  }
  if (!command) return print(io, mainHelp(), name === undefined && !values.help ? EXIT.usage : EXIT.ok);
  if (values.help) return print(io, command.help);
  const args = positionals.slice(1);
  const missing = command.positionals[args.length];
  if (missing) throw new CliError(`missing <${missing}>: ${command.help.split("\n")[0]}`, EXIT.usage, { input: `<${missing}>` });
  if (args.length > command.positionals.length)
    throw new CliError(`unexpected argument "${args[command.positionals.length]}": ${command.help.split("\n")[0]}`, EXIT.usage, {
      input: String(args[command.positionals.length]),
    });
  const timeoutMs =
    typeof values.timeout === "string" ? (await import("./duration.js")).parseDuration(values.timeout, "--timeout") : undefined;
  const { openContext } = await import("./context.js");
  const context = await openContext(io, {
    sandbox,
    seed: typeof values.seed === "string" ? values.seed : "demo",
    config: typeof values.config === "string" ? values.config : undefined,
    vendor: (Array.isArray(values.vendor) ? values.vendor : []).flatMap((v) => String(v).split(",")).filter(Boolean),
    account: typeof values.account === "string" ? values.account : undefined,
    timeoutMs,
    json: values.json === true,
  });
  try {
    return await command.run(context, values, args);
  } finally {
    state.written = context.out.written;
    await context.close();
  }
}

function print(io: Io, text: string, code: ExitCode = EXIT.ok): ExitCode {
  (code === EXIT.ok ? io.stdout : io.stderr).write(`${text}\n`);
  return code;
}
