import { type AuditPolicy, DEFAULT_AUDIT_POLICY, FINDING_KINDS, type FindingKind, findings } from "../audit.js";
import type { Command } from "../command.js";
import { parseDuration } from "../duration.js";
import { EXIT } from "../exit-codes.js";
import { paintFor } from "../format/color.js";
import { day, table } from "../format/table.js";
import { gatherInventory, tokenJson } from "../inventory.js";
import { progressFor } from "../progress.js";

/** `apitokens audit`: the inventory with findings, for people and for CI. */
export const audit: Command = {
  name: "audit",
  summary: "the inventory with findings; exit code 1 when there are any",
  help: `Usage: apitokens audit [--expiring-within 30d] [--unused-for 90d] [--vendor <v>] [--json] [--exit-zero]

Checks every token of the configured vendors and reports:
  expired         the expiry date has passed
  expiring-soon   expires within --expiring-within (default 30d)
  never-used      the vendor says it was never used
  unused          last used longer ago than --unused-for (default 90d)
  never-expires   the vendor says it has no expiry
  disabled        the token is switched off
Facts a vendor does not report are not findings. Durations: 30d, 12h, 2w, 1y.
Exit code 1 when there are findings (for CI), 0 when there are none or with --exit-zero.`,
  options: {
    "expiring-within": { type: "string" },
    "unused-for": { type: "string" },
    "exit-zero": { type: "boolean" },
  },
  async run({ io, selected }, flags) {
    const policy: AuditPolicy = {
      expiringWithinMs:
        typeof flags["expiring-within"] === "string"
          ? parseDuration(flags["expiring-within"], "--expiring-within")
          : DEFAULT_AUDIT_POLICY.expiringWithinMs,
      unusedForMs:
        typeof flags["unused-for"] === "string" ? parseDuration(flags["unused-for"], "--unused-for") : DEFAULT_AUDIT_POLICY.unusedForMs,
    };
    const { tokens, failures } = await gatherInventory(selected, progressFor(io));
    const now = io.now();
    const audited = tokens.map((token) => ({ token, findings: findings(token, now, policy) }));
    const summary = Object.fromEntries(
      FINDING_KINDS.map((kind) => [kind, audited.filter((a) => a.findings.includes(kind)).length]),
    ) as Record<FindingKind, number>;
    const flagged = audited.filter((a) => a.findings.length > 0);
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({ generatedAt: now.toISOString(), policy, summary, tokens: audited.map((a) => ({ ...tokenJson(a.token), findings: a.findings })), failures }, null, 2)}\n`,
      );
    } else {
      const paint = paintFor(io);
      const severity = (kind: FindingKind) => (kind === "expired" || kind === "never-expires" ? paint.red(kind) : paint.yellow(kind));
      const rows = audited.map(({ token: t, findings: f }) => [
        t.vendor,
        t.id,
        t.name ?? "—",
        day(t.expiresAt),
        day(t.lastUsedAt),
        f.length ? f.map(severity).join(", ") : paint.green("ok"),
      ]);
      io.stdout.write(table(["VENDOR", "ID", "NAME", "EXPIRES", "LAST USED", "FINDINGS"].map(paint.bold), rows));
      io.stdout.write(`\n${paint.bold("Findings")}: ${FINDING_KINDS.map((kind) => `${kind} ${summary[kind]}`).join(", ")}\n`);
      io.stdout.write(`${flagged.length} of ${tokens.length} tokens need attention\n`);
    }
    for (const failure of failures) io.stderr.write(`error: ${failure.message}\n`);
    if (failures.length) return EXIT.failure;
    return flagged.length && !flags["exit-zero"] ? EXIT.findings : EXIT.ok;
  },
};
