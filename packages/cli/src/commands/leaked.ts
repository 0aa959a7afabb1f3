import { readFile } from "node:fs/promises";
import type { Command } from "../command.js";
import { CliError, EXIT } from "../exit-codes.js";
import { day, table } from "../format/table.js";
import { tokenJson } from "../inventory.js";

/** `apitokens leaked <secret-file|->`: the incident path. */
export const leaked: Command = {
  name: "leaked",
  summary: "identify (and revoke) the token behind a leaked secret",
  help: `Usage: apitokens leaked <secret-file|-> [--revoke] [--delete] [--json]

Reads a leaked secret from a file, or from standard input with "-" (never from the command
line, where it would stay in shell history), recognises the vendor from its shape, finds the
token and shows its metadata. The secret itself is never printed.
  --revoke   switch the token off (disable where the vendor can, delete otherwise)
  --delete   with --revoke, delete even where disabling is possible
Exit codes: 0 found and revoked, 5 found and still active, 4 not found, 3 a vendor call failed.`,
  options: { revoke: { type: "boolean" }, delete: { type: "boolean" } },
  async run(context, flags, args) {
    const [source, ...rest] = args;
    if (!source || rest.length) throw new CliError("usage: apitokens leaked <secret-file|->");
    const text =
      source === "-"
        ? await context.io.readStdin()
        : await readFile(source, "utf8").catch((error: NodeJS.ErrnoException) => {
            throw new CliError(`cannot read ${source} (${error.code ?? error.message})`);
          });
    const secret = text.trim();
    if (secret === "") throw new CliError(`${source === "-" ? "standard input" : source} is empty`);
    if (/\s/.test(secret)) throw new CliError("the input holds more than one word; put exactly one secret in it");
    const token = await context.vendors.identify(secret);
    if (!token) {
      context.io.stderr.write(
        `not found: no configured vendor (${context.selected.map((t) => t.vendor).join(", ")}) knows this ${secret.length}-character secret\n`,
      );
      return EXIT.notFound;
    }
    if (flags.json) context.io.stdout.write(`${JSON.stringify(tokenJson(token), null, 2)}\n`);
    else
      context.io.stdout.write(
        table(
          ["VENDOR", "ID", "NAME", "OWNER", "ENABLED", "CREATED", "LAST USED"],
          [
            [
              token.vendor,
              token.id,
              token.name ?? "—",
              token.owner ?? "—",
              token.enabled === undefined ? "—" : String(token.enabled),
              day(token.createdAt),
              day(token.lastUsedAt),
            ],
          ],
        ),
      );
    if (!flags.revoke) {
      context.io.stderr.write(`found: the token is still active; revoke it with: apitokens leaked ${source} --revoke\n`);
      return EXIT.found;
    }
    const tokens = context.vendor(token.vendor);
    if (tokens.supports("disable") && !flags.delete) {
      await tokens.disable(token.id);
      context.io.stderr.write(
        `revoked: ${token.vendor} token ${token.id} is disabled (delete it later with: apitokens revoke ${token.vendor} ${token.id})\n`,
      );
    } else {
      await tokens.revoke(token.id);
      context.io.stderr.write(`revoked: ${token.vendor} token ${token.id} is deleted\n`);
    }
    return EXIT.ok;
  },
};
