import type { Command } from "../command.js";
import type { Connection } from "../context.js";
import { errorLine } from "../error-report.js";
import { EXIT } from "../exit-codes.js";
import { paintFor } from "../format/color.js";
import { day, table } from "../format/table.js";
import { failureExit, gatherInventory, type Inventory } from "../inventory.js";
import type { Io } from "../io.js";
import { accountOf } from "../json.js";
import { tokenTextsInBackground } from "../json-text.js";
import type { Output } from "../output.js";
import { type Progress, progressFor } from "../progress.js";

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
    const { failures } = out.json ? await listJson(selected, progressFor(io), out) : await listTable(selected, io, out);
    for (const failure of failures) out.note(errorLine(failure));
    return failures.length ? failureExit(failures) : EXIT.ok;
  },
};

/**
 * `--json`: each token becomes text while the other vendors are still answering, so after the
 * last answer only the write is left (the document is the bytes `JSON.stringify(doc, null, 2)` gives).
 */
async function listJson(selected: readonly Connection[], progress: Progress, out: Output): Promise<Inventory> {
  const texts = tokenTextsInBackground(selected.length);
  const inventory = await gatherInventory(selected, progress, texts.add);
  out.documentWithArray({ command: "list", vendors: inventory.vendors }, "tokens", texts.finish());
  return inventory;
}

/** The table (and the count line) on stdout. */
async function listTable(selected: readonly Connection[], io: Io, out: Output): Promise<Inventory> {
  const inventory = await gatherInventory(selected, progressFor(io));
  const { tokens, vendors, failures } = inventory;
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
  return inventory;
}
