import type { TokenInfo } from "apitokens";
import { type AuditPolicy, DEFAULT_AUDIT_POLICY, FINDING_KINDS, type FindingKind, findings } from "../audit.js";
import type { Command, Flags } from "../command.js";
import type { CommandContext } from "../context.js";
import { parseDuration } from "../duration.js";
import { errorLine } from "../error-report.js";
import { EXIT } from "../exit-codes.js";
import { paintFor } from "../format/color.js";
import { day, table } from "../format/table.js";
import { failureExit, gatherInventory, type Inventory } from "../inventory.js";
import { accountOf, tokenJson } from "../json.js";
import { progressFor } from "../progress.js";

/** The inventory judged against a policy. */
export interface Audited extends Inventory {
  readonly policy: AuditPolicy;
  readonly now: Date;
  readonly audited: readonly { readonly token: TokenInfo; readonly findings: readonly FindingKind[] }[];
  readonly summary: Record<FindingKind, number>;
}

/** Lists and judges every token of the selected vendors (shared by `audit` and `summary`). */
export async function runAudit({ io, selected }: CommandContext, flags: Flags): Promise<Audited> {
  const policy: AuditPolicy = {
    expiringWithinMs:
      typeof flags["expiring-within"] === "string"
        ? parseDuration(flags["expiring-within"], "--expiring-within")
        : DEFAULT_AUDIT_POLICY.expiringWithinMs,
    unusedForMs:
      typeof flags["unused-for"] === "string" ? parseDuration(flags["unused-for"], "--unused-for") : DEFAULT_AUDIT_POLICY.unusedForMs,
  };
  const inventory = await gatherInventory(selected, progressFor(io));
  const now = io.now();
  const audited = inventory.tokens.map((token) => ({ token, findings: findings(token, now, policy) }));
  const summary = Object.fromEntries(
    FINDING_KINDS.map((kind) => [kind, audited.filter((a) => a.findings.includes(kind)).length]),
  ) as Record<FindingKind, number>;
  return { ...inventory, policy, now, audited, summary };
}

export const AUDIT_OPTIONS = {
  "expiring-within": { type: "string" },
  "unused-for": { type: "string" },
  "exit-zero": { type: "boolean" },
} as const;

/** `apitokens audit`: the inventory with findings, for people and for CI. */
export const audit: Command = {
  name: "audit",
  positionals: [],
  help: `Usage: apitokens audit [--expiring-within 30d] [--unused-for 90d] [--vendor <v>] [--json] [--exit-zero]

Checks every token of the configured vendors and reports:
  expired         the expiry date has passed
  expiring-soon   expires within --expiring-within (default 30d)
  never-used      the vendor says it was never used
  unused          last used longer ago than --unused-for (default 90d)
  never-expires   the vendor says it has no expiry
  disabled        the token is switched off
Facts a vendor does not report are not findings. Durations: 30d, 12h, 2w, 1y.
Exit code 1 when there are findings (for CI), 0 when there are none or with --exit-zero;
3 when a vendor failed (its tokens are missing from the audit).`,
  options: AUDIT_OPTIONS,
  async run(context, flags) {
    const { io, out } = context;
    const { policy, now, audited, summary, vendors, failures, tokens } = await runAudit(context, flags);
    const flagged = audited.filter((a) => a.findings.length > 0);
    out.document({
      command: "audit",
      generatedAt: now.toISOString(),
      policy,
      summary,
      vendors,
      tokens: audited.map((a) => ({ ...tokenJson(a.token), findings: a.findings })),
    });
    if (!out.json) {
      const paint = paintFor(io);
      const severity = (kind: FindingKind) => (kind === "expired" || kind === "never-expires" ? paint.red(kind) : paint.yellow(kind));
      const accounts = tokens.some((t) => accountOf(t) !== null);
      const rows = audited.map(({ token: t, findings: f }) => [
        t.vendor,
        ...(accounts ? [accountOf(t) ?? "—"] : []),
        t.id,
        t.name ?? "—",
        day(t.expiresAt),
        day(t.lastUsedAt),
        { text: f.join(", ") || "ok", paint: () => (f.length ? f.map(severity).join(", ") : paint.green("ok")) },
      ]);
      const headers = ["VENDOR", ...(accounts ? ["ACCOUNT"] : []), "ID", "NAME", "EXPIRES", "LAST USED", "FINDINGS"];
      out.text(table(headers.map(paint.bold), rows, 80));
      out.text(`\n${paint.bold("Findings")}: ${FINDING_KINDS.map((kind) => `${kind} ${summary[kind]}`).join(", ")}\n`);
      out.text(`${flagged.length} of ${tokens.length} tokens need attention\n`);
    }
    for (const failure of failures) out.note(errorLine(failure));
    if (failures.length) return failureExit(failures);
    return flagged.length && !flags["exit-zero"] ? EXIT.findings : EXIT.ok;
  },
};
