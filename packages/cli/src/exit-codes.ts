/**
 * Exit codes of the `apitokens` command, as data (documented in `--help` and the README).
 * `leaked` uses 0, 4 and 5 to say what it found; the worst secret decides.
 */
export const EXIT = Object.freeze({
  /** Done; for `leaked`, every secret found is switched off (or none was active). */
  ok: 0,
  /** `audit` found something. */
  findings: 1,
  /** Wrong usage: unknown command or flag, missing or invalid argument, configuration or credentials missing. Nothing was sent. */
  usage: 2,
  /** A vendor call failed (network, auth, rejected request, an answer that breaks the vendor's spec). */
  failure: 3,
  /** `leaked`: a secret matched no token (and none is still active). */
  notFound: 4,
  /** `leaked`: a token behind a secret is still active (run again with --revoke). */
  found: 5,
  /** A new secret could not be written where asked; it was saved at the fallback place the message names. */
  delivery: 6,
  /**
   * Standard output or error was closed before everything was written (a reader such as
   * `head` stopped early): 128 + 13, the code a shell shows for a command that SIGPIPE ended.
   * Replaces 0 only; the command still finished its work (a secret went to its fallback place).
   */
  closed: 141,
  /**
   * Standard output could not be written for another reason than a reader that left (a file on
   * a full disk, `ENOSPC`; a broken device, `EIO`): the output is incomplete and stderr says so.
   * 74 is `EX_IOERR` of sysexits.h. Replaces 0 only.
   */
  outputFailed: 74,
});

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Options of {@link CliError}. */
export interface CliErrorOptions {
  /** The flag, argument or environment variable the user got wrong, e.g. `"--expires"`, `"DT_ENV_URL"`. */
  readonly input?: string | undefined;
  readonly cause?: unknown;
}

/** An expected error: printed as one line (no stack trace) with its exit code. */
export class CliError extends Error {
  override name = "CliError";
  readonly input: string | undefined;
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    options: CliErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.input = options.input;
  }
}
