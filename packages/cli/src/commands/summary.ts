import { FINDING_KINDS, type FindingKind } from "../audit.js";
import type { Command } from "../command.js";
import { errorLine } from "../error-report.js";
import { EXIT } from "../exit-codes.js";
import { paintFor } from "../format/color.js";
import { day, table } from "../format/table.js";
import { failureExit } from "../inventory.js";
import { tokenJson } from "../json.js";
import { AUDIT_OPTIONS, runAudit } from "./audit.js";

/** The findings that need attention first, most urgent first. */
const URGENCY: readonly FindingKind[] = ["expired", "expiring-soon", "never-expires", "unused", "never-used", "disabled"];

/** How many tokens the summary names. @default 5 */
const ATTENTION_SHOWN = 5;

/** `apitokens summary`: what a newcomer should see first (what `npm start` prints). */
export const summary: Command = {
  name: "summary",
  positionals: [],
  help: `Usage: apitokens summary [--expiring-within 30d] [--unused-for 90d] [--vendor <v>] [--json]

A short overview: tokens per vendor, findings per kind, and the few tokens that need
attention first. The full tables are one command away: apitokens list, apitokens audit.
Exit code 3 when a vendor failed, otherwise 0.`,
  options: { ...AUDIT_OPTIONS },
  async run(context, flags) {
    const { io, out } = context;
    const { audited, summary: counts, vendors, failures, now } = await runAudit(context, flags);
    const rank = (f: readonly FindingKind[]) => Math.min(...f.map((k) => URGENCY.indexOf(k)));
    const attention = audited
      .filter((a) => a.findings.length > 0)
      .sort((a, b) => rank(a.findings) - rank(b.findings) || (a.token.expiresAt?.getTime() ?? 0) - (b.token.expiresAt?.getTime() ?? 0));
    const sandbox =
      context.sandbox === true
        ? " --sandbox"
        : typeof context.sandbox === "string" && !io.env.APITOKENS_SANDBOX_URL
          ? ` --sandbox ${context.sandbox}`
          : "";
    out.document({
      command: "summary",
      generatedAt: now.toISOString(),
      vendors,
      summary: counts,
      needAttention: attention.length,
      attention: attention.slice(0, ATTENTION_SHOWN).map((a) => ({ ...tokenJson(a.token), findings: a.findings })),
    });
    if (!out.json) {
      const paint = paintFor(io);
      const perVendor = vendors
        .map((v) => `${v.account ? `${v.vendor}:${v.account}` : v.vendor} ${v.status === "ok" ? v.tokens : paint.red("failed")}`)
        .join(", ");
      out.text(`${paint.bold("Tokens")}: ${audited.length} (${perVendor})\n`);
      out.text(`${paint.bold("Findings")}: ${FINDING_KINDS.map((kind) => `${kind} ${counts[kind]}`).join(", ")}\n`);
      if (attention.length) {
        out.text(`\n${paint.bold(`Needs attention first`)} (${Math.min(ATTENTION_SHOWN, attention.length)} of ${attention.length}):\n`);
        out.text(
          table(
            ["VENDOR", "ID", "NAME", "EXPIRES", "FINDINGS"].map(paint.bold),
            attention
              .slice(0, ATTENTION_SHOWN)
              .map(({ token: t, findings: f }) => [t.vendor, t.id, t.name ?? "—", day(t.expiresAt), f.join(", ")]),
            40,
          ),
        );
      }
      out.text(`\nFull tables: apitokens list${sandbox}   ·   apitokens audit${sandbox}\n`);
    }
    for (const failure of failures) out.note(errorLine(failure));
    return failures.length ? failureExit(failures) : EXIT.ok;
  },
};
