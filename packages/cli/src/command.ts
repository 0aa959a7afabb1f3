import type { ParseArgsConfig } from "node:util";
import type { CommandContext } from "./context.js";
import type { ExitCode } from "./exit-codes.js";

/** Parsed flag values of a command. */
export type Flags = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `apitokens <command>`. */
export interface Command {
  readonly name: string;
  /** The full `--help` text of the command. */
  readonly help: string;
  /** The positional arguments it takes, in order (all required). */
  readonly positionals: readonly string[];
  /** Command-specific flags (global flags are added by main). */
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  run(context: CommandContext, flags: Flags, args: readonly string[]): Promise<ExitCode>;
}

/** A command as the dispatcher knows it before loading it: its module is imported only when it runs. */
export interface CommandEntry {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  load(): Promise<Command>;
}
