import { open } from "node:fs/promises";
import type { Secret } from "apitokens";
import type { Flags } from "./command.js";
import { CliError } from "./exit-codes.js";
import type { Io } from "./io.js";

/**
 * Where a new secret goes: a file (`--secret-file`, created with mode 0600, never overwriting),
 * or stdout when it is a terminal or `--show-secret` says so. Checked BEFORE anything is created,
 * so a secret the vendor shows only once is never produced with nowhere to go.
 */
export function secretDestination(io: Io, flags: Flags): { file: string } | { stdout: true } {
  const file = flags["secret-file"];
  if (typeof file === "string" && file !== "") return { file };
  if (flags["show-secret"] === true || io.stdout.isTTY === true) return { stdout: true };
  throw new CliError(
    "refusing to go on: the new secret would have nowhere to go (stdout is not a terminal). Pass --secret-file <path> or --show-secret",
  );
}

/** Delivers a secret to its destination, once. */
export async function deliverSecret(io: Io, destination: { file: string } | { stdout: true }, secret: Secret): Promise<void> {
  if ("file" in destination) {
    const handle = await open(destination.file, "wx", 0o600).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`cannot create ${destination.file} (${error.code ?? error.message}); it must not exist yet`);
    });
    try {
      await handle.writeFile(`${secret.reveal()}\n`);
    } finally {
      await handle.close();
    }
    io.stderr.write(`secret written to ${destination.file} (mode 0600)\n`);
    return;
  }
  io.stdout.write(`secret: ${secret.reveal()}\n`);
  io.stderr.write("this is the only time the secret is shown; store it now\n");
}

/** The flags of commands that produce a secret. */
export const SECRET_FLAGS = {
  "show-secret": { type: "boolean" },
  "secret-file": { type: "string" },
} as const;
