import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Secret } from "apitokens";
import type { Flags } from "./command.js";
import { defaultConfigPath } from "./config.js";
import { CliError, EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import type { Output } from "./output.js";

/** How a new secret was delivered, as the JSON documents of `create` and `rotate` show it. */
export type DeliveryJson =
  | { readonly delivered: "file"; readonly path: string }
  | { readonly delivered: "stdout"; readonly value?: string }
  | { readonly delivered: "fallback-file"; readonly path: string; readonly reason: string }
  | { readonly delivered: "stderr"; readonly reason: string };

/** A delivery checked and opened before the vendor is called. */
export interface PreparedDelivery {
  /** Writes the secret where it was asked, or to the fallback place; never drops it. */
  deliver(secret: Secret, label: string): Promise<DeliveryJson>;
  /** The vendor call failed: removes the (empty) file created for the secret. */
  abandon(): Promise<void>;
}

/** The flags of commands that produce a secret. */
export const SECRET_FLAGS = {
  "show-secret": { type: "boolean" },
  "secret-file": { type: "string" },
} as const;

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Checks every way the secret can be delivered and opens the file (exclusive create, mode 0600,
 * in a directory that exists) BEFORE anything is sent, so nothing changes at the vendor when
 * delivery is impossible. Stdout only on a terminal or with `--show-secret`; with `--json` the
 * secret is in the document only with `--show-secret`.
 */
export async function prepareDelivery(io: Io, flags: Flags): Promise<PreparedDelivery> {
  const file = flags["secret-file"];
  const json = flags.json === true;
  if (typeof file === "string") {
    if (flags["show-secret"] === true)
      throw new CliError("--secret-file and --show-secret exclude each other: choose where the secret goes", EXIT.usage, {
        input: "--secret-file",
      });
    if (file === "") throw new CliError("--secret-file needs a path", EXIT.usage, { input: "--secret-file" });
    const path = resolve(file);
    const directory = await io.fs.stat(dirname(path)).catch(() => undefined);
    if (!directory?.isDirectory())
      throw new CliError(`--secret-file: the directory ${dirname(path)} does not exist; nothing was sent`, EXIT.usage, {
        input: "--secret-file",
      });
    const handle = await io.fs.open(path, "wx", 0o600).catch((error: unknown) => {
      throw new CliError(
        code(error) === "EEXIST"
          ? `--secret-file: ${path} already exists; a secret is never written over a file, so nothing was sent`
          : `--secret-file: cannot create ${path} (${code(error)}); nothing was sent`,
        EXIT.usage,
        { input: "--secret-file" },
      );
    });
    return fileDelivery(io, path, handle);
  }
  const show = flags["show-secret"] === true;
  if (!show && json)
    throw new CliError("with --json the new secret needs --secret-file <path> or --show-secret; nothing was sent", EXIT.usage, {
      input: "--json",
    });
  if (!show && io.stdout.isTTY !== true)
    throw new CliError(
      "refusing to go on: the new secret would have nowhere to go (stdout is not a terminal). Pass --secret-file <path> or --show-secret; nothing was sent",
      EXIT.usage,
      { input: "--secret-file" },
    );
  return {
    async deliver(secret, label) {
      const value = secret.reveal();
      if (json) return { delivered: "stdout", value };
      try {
        await io.write("stdout", `secret: ${value}\n`);
      } catch (error) {
        return fallback(io, value, label, `writing to stdout failed (${code(error)})`, undefined);
      }
      io.stderr.write("this is the only time the secret is shown; store it now\n");
      return { delivered: "stdout" };
    },
    async abandon() {},
  };
}

function fileDelivery(io: Io, path: string, handle: FileHandle): PreparedDelivery {
  let open = true;
  const closeQuietly = async () => {
    if (!open) return;
    open = false;
    await handle.close().catch(() => {});
  };
  return {
    async deliver(secret, label) {
      const value = secret.reveal();
      try {
        await handle.writeFile(`${value}\n`);
        await handle.sync();
        open = false;
        await handle.close();
      } catch (error) {
        await closeQuietly();
        return fallback(io, value, label, `writing ${path} failed (${code(error)})`, path);
      }
      io.stderr.write(`secret written to ${path} (mode 0600)\n`);
      return { delivered: "file", path };
    },
    async abandon() {
      await closeQuietly();
      await io.fs.unlink(path).catch(() => {});
    },
  };
}

/**
 * Writes a `create`/`rotate` document and returns how the secret was delivered in the end. With
 * `--json --show-secret` the secret travels only inside the document, so the document is written
 * and confirmed; if stdout does not take it (a reader that closed the pipe), the secret goes to
 * the fallback place like any other failed delivery, and the result says where.
 *
 * @example const delivered = await writeSecretDocument(io, out, (secret) => ({ command: "create", token, secret }), secret, label);
 */
export async function writeSecretDocument(
  io: Io,
  out: Output,
  documentOf: (secret: DeliveryJson) => Record<string, unknown>,
  secret: DeliveryJson,
  label: string,
): Promise<DeliveryJson> {
  if (!out.json || secret.delivered !== "stdout" || secret.value === undefined) {
    out.document(documentOf(secret));
    return secret;
  }
  try {
    await out.documentAndWait(documentOf(secret));
    return secret;
  } catch (error) {
    return fallback(io, secret.value, label, `writing the JSON document to stdout failed (${code(error)})`, undefined);
  }
}

/**
 * The secret could not go where it was asked: on a terminal it is shown on stderr; otherwise it
 * is saved, mode 0600, next to the requested file or in the config directory, and the message
 * says where. Only when every place fails is it lost, and the message says which token to revoke.
 */
async function fallback(io: Io, value: string, label: string, reason: string, requested: string | undefined): Promise<DeliveryJson> {
  if (io.stderr.isTTY === true) {
    io.stderr.write(`warning: ${reason}. The secret, shown only this once; store it now:\n${value}\n`);
    return { delivered: "stderr", reason };
  }
  const stamp = io.now().toISOString().replace(/[:.]/g, "-");
  const configDir = dirname(defaultConfigPath(io.env));
  const places = [
    ...(requested ? [join(dirname(requested), `${basename(requested)}.${stamp}.recovered`)] : []),
    join(configDir, "recovered", `${label.replace(/[^A-Za-z0-9._-]/g, "_")}.${stamp}.secret`),
  ];
  for (const place of places) {
    try {
      await io.fs.mkdir(dirname(place), { recursive: true, mode: 0o700 });
      const handle = await io.fs.open(place, "wx", 0o600);
      try {
        await handle.writeFile(`${value}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      io.stderr.write(`warning: ${reason}; the secret is saved in ${place} (mode 0600) instead\n`);
      return { delivered: "fallback-file", path: place, reason };
    } catch {
      // the next place
    }
  }
  throw new CliError(
    `${reason}, and no fallback place (${places.join(", ")}) could be written: the secret of ${label} is lost; revoke it and create another`,
    EXIT.delivery,
  );
}
