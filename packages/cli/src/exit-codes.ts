/**
 * Exit codes of the `apitokens` command, as data (documented in `--help`).
 * `leaked` uses three of them to say what it found: revoked (0), found (5), not found (4).
 */
export const EXIT = Object.freeze({
  /** Done; for `leaked --revoke`, the token was found and revoked. */
  ok: 0,
  /** `audit` found something. */
  findings: 1,
  /** Wrong usage: unknown command or flag, missing argument, missing credentials. */
  usage: 2,
  /** A vendor call failed (network, auth, rejected request). */
  failure: 3,
  /** `leaked`: no configured vendor knows the secret. */
  notFound: 4,
  /** `leaked`: the token was found and is still active (run again with --revoke). */
  found: 5,
});

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An expected error: printed as one line (no stack trace) with its exit code. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}
