import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { paintFor } from "../format/color.js";
import { day, table } from "../format/table.js";
import { gatherInventory, tokenJson } from "../inventory.js";
import { progressFor } from "../progress.js";

/** `apitokens list`: one table of every token across the configured vendors. */
export const list: Command = {
  name: "list",
  summary: "one inventory of every token across vendors",
  help: `Usage: apitokens list [--vendor <v>] [--json]

Lists every token of the configured vendors in one table: vendor, id, name, enabled,
created, expires, last used, scopes. "never" means the vendor says so; "—" means the
vendor does not report it. With --json, prints a JSON array for scripts (no secrets).`,
  options: {},
  async run({ io, selected }, flags) {
    const { tokens, failures } = await gatherInventory(selected, progressFor(io));
    const paint = paintFor(io);
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(tokens.map(tokenJson), null, 2)}\n`);
    } else {
      const rows = tokens.map((t) => [
        t.vendor,
        t.id,
        t.name ?? "—",
        t.enabled === undefined ? "—" : t.enabled ? "yes" : paint.yellow("no"),
        day(t.createdAt),
        day(t.expiresAt),
        day(t.lastUsedAt),
        t.scopes?.join(",") || "—",
      ]);
      io.stdout.write(table(["VENDOR", "ID", "NAME", "ENABLED", "CREATED", "EXPIRES", "LAST USED", "SCOPES"].map(paint.bold), rows));
      io.stdout.write(paint.dim(`${tokens.length} tokens across ${selected.length - failures.length} vendors\n`));
    }
    for (const failure of failures) io.stderr.write(`error: ${failure.message}\n`);
    return failures.length ? EXIT.failure : EXIT.ok;
  },
};
