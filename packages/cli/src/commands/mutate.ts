import { RotationError, SecretLostError, type TokenInfo } from "apitokens";
import type { Command, Flags } from "../command.js";
import type { CommandContext } from "../context.js";
import { parseDuration } from "../duration.js";
import { CliError, EXIT } from "../exit-codes.js";
import { day, table } from "../format/table.js";
import { tokenJson } from "../inventory.js";
import { deliverSecret, SECRET_FLAGS, secretDestination } from "../secret-output.js";

function show(context: CommandContext, flags: Flags, token: TokenInfo, extra: Record<string, unknown> = {}): void {
  if (flags.json) context.io.stderr.write(`${JSON.stringify({ ...tokenJson(token), ...extra }, null, 2)}\n`);
  else
    context.io.stderr.write(
      table(
        ["VENDOR", "ID", "NAME", "EXPIRES", "SCOPES"],
        [[token.vendor, token.id, token.name ?? "—", day(token.expiresAt), token.scopes?.join(",") || "—"]],
      ),
    );
}

function vendorAndId(args: readonly string[], usage: string): [string, string] {
  const [vendor, id, ...rest] = args;
  if (!vendor || !id || rest.length) throw new CliError(`usage: ${usage}`);
  return [vendor, id];
}

function expiry(text: string | undefined, now: Date): Date | undefined {
  if (text === undefined) return undefined;
  if (/^\d+[mhdwy]$/.test(text)) return new Date(now.getTime() + parseDuration(text, "--expires"));
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new CliError(`--expires takes a date (2026-12-31) or a duration (90d), got "${text}"`);
  return date;
}

/** `apitokens create <vendor> --name <name>` */
export const create: Command = {
  name: "create",
  summary: "create a token; its secret is shown once or written to a file",
  help: `Usage: apitokens create <vendor> --name <name> [--expires 90d|2026-12-31] [--scope <s>]... [--secret-file <path> | --show-secret]

Creates a token. The secret is printed once on an interactive terminal, or with --show-secret;
--secret-file writes it to a new file with mode 0600. Without a terminal and without either
flag the command refuses to run, so the secret is never lost. If the create's answer is lost
(timeout, reset), the token is looked up instead of being created twice.
Scopes: Dynatrace scopes (e.g. metrics.read), Timeweb roles, Sematext read/write.`,
  options: { name: { type: "string" }, expires: { type: "string" }, scope: { type: "string", multiple: true }, ...SECRET_FLAGS },
  async run(context, flags, args) {
    const [vendor, ...rest] = args;
    if (!vendor || rest.length || typeof flags.name !== "string") throw new CliError("usage: apitokens create <vendor> --name <name>");
    const tokens = context.vendor(vendor);
    const destination = secretDestination(context.io, flags);
    const scopes = Array.isArray(flags.scope) ? flags.scope.map(String) : undefined;
    const issued = await tokens
      .create({
        name: flags.name,
        expiresAt: expiry(typeof flags.expires === "string" ? flags.expires : undefined, context.io.now()),
        scopes,
      })
      .catch((error: unknown) => {
        if (error instanceof SecretLostError)
          throw new CliError(`${error.message}: apitokens revoke ${vendor} ${error.token.id}`, EXIT.failure);
        throw error;
      });
    show(context, flags, issued.token, issued.reconciled ? { reconciled: true } : {});
    await deliverSecret(context.io, destination, issued.secret);
    return EXIT.ok;
  },
};

/** `apitokens rotate <vendor> <id>` */
export const rotate: Command = {
  name: "rotate",
  summary: "a new secret for a token (native reissue, or replacement first)",
  help: `Usage: apitokens rotate <vendor> <id> [--revoke-old keep|disable|delete] [--secret-file <path> | --show-secret]

Timeweb and Sematext reissue the token in place (same id, the old secret stops working).
Dynatrace and Qernal have no reissue: a replacement is created first and its secret shown;
the old token is kept unless --revoke-old says disable or delete. If a step fails, the error
says what state you are in, and a created replacement's secret is still delivered.`,
  options: { "revoke-old": { type: "string" }, ...SECRET_FLAGS },
  async run(context, flags, args) {
    const [vendor, id] = vendorAndId(args, "apitokens rotate <vendor> <id>");
    const revokeOld = flags["revoke-old"] ?? "keep";
    if (revokeOld !== "keep" && revokeOld !== "disable" && revokeOld !== "delete")
      throw new CliError(`--revoke-old is keep, disable or delete, got "${String(revokeOld)}"`);
    const tokens = context.vendor(vendor);
    const destination = secretDestination(context.io, flags);
    try {
      const rotated = await tokens.rotate(id, { revokeOld });
      show(context, flags, rotated.token, { old: rotated.old });
      await deliverSecret(context.io, destination, rotated.secret);
      context.io.stderr.write(`old token: ${rotated.old}\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof RotationError && error.replacement) {
        show(context, flags, error.replacement.token);
        await deliverSecret(context.io, destination, error.replacement.secret);
      }
      throw error;
    }
  },
};

function simple(name: "revoke" | "enable" | "disable", summary: string, help: string): Command {
  return {
    name,
    summary,
    help,
    options: {},
    async run(context, _flags, args) {
      const [vendor, id] = vendorAndId(args, `apitokens ${name} <vendor> <id>`);
      const tokens = context.vendor(vendor);
      await tokens[name](id);
      context.io.stdout.write(`${vendor} token ${id}: ${name === "revoke" ? "revoked (deleted)" : `${name}d`}\n`);
      return EXIT.ok;
    },
  };
}

export const revoke = simple(
  "revoke",
  "delete a token for good",
  "Usage: apitokens revoke <vendor> <id>\n\nDeletes the token. It stops working at once and cannot be restored.",
);
export const enable = simple(
  "enable",
  "switch a disabled token back on (Dynatrace, Sematext)",
  "Usage: apitokens enable <vendor> <id>\n\nOnly vendors with an enabled flag support it (Dynatrace, Sematext).",
);
export const disable = simple(
  "disable",
  "switch a token off, keeping it (Dynatrace, Sematext)",
  "Usage: apitokens disable <vendor> <id>\n\nOnly vendors with an enabled flag support it (Dynatrace, Sematext).",
);
