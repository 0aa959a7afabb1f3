import type { Command } from "../command.js";
import { errorLine } from "../error-report.js";
import { EXIT } from "../exit-codes.js";
import { paintFor } from "../format/color.js";
import { day, table } from "../format/table.js";
import { failureExit, gatherInventory } from "../inventory.js";
import { accountOf, tokenJson } from "../json.js";
import { progressFor } from "../progress.js";

/** `apitokens list`: one table of every token across the configured vendors. */
export const list: Command = {
  name: "list",
  positionals: [],
  help: `Usage: apitokens list [--vendor <v>] [--account <a>] [--json]

Lists every token of the configured vendors in one table: vendor, account, id, name, enabled,
created, expires, last used, scopes. "never" means the vendor says so; "—" means the vendor
does not report it. A vendor that fails is named on stderr and the exit code is 3; the other
vendors' tokens are still shown. With --json: one document {command, vendors, tokens} (no secrets).`,
  options: {},
  async run({ io, out, selected }) {
    const { tokens, vendors, failures } = await gatherInventory(selected, progressFor(io));
    out.document({ command: "list", vendors, tokens: tokens.map(tokenJson) });
    if (!out.json) {
      const paint = paintFor(io);
      const accounts = tokens.some((t) => accountOf(t) !== null);
      const rows = tokens.map((t) => [
        t.vendor,
        ...(accounts ? [accountOf(t) ?? "—"] : []),
        t.id,
        t.name ?? "—",
        t.enabled === undefined ? "—" : t.enabled ? "yes" : { text: "no", paint: paint.yellow },
        day(t.createdAt),
        day(t.expiresAt),
        day(t.lastUsedAt),
        t.scopes?.join(",") || "—",
      ]);
      const headers = ["VENDOR", ...(accounts ? ["ACCOUNT"] : []), "ID", "NAME", "ENABLED", "CREATED", "EXPIRES", "LAST USED", "SCOPES"];
      out.text(table(headers.map(paint.bold), rows));
      out.text(paint.dim(`${tokens.length} tokens across ${vendors.length - failures.length} of ${vendors.length} vendors\n`));
    }
    for (const failure of failures) out.note(errorLine(failure));
    return failures.length ? failureExit(failures) : EXIT.ok;
  },
};
