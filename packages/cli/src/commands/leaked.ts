import type { TokenInfo } from "apitokens";
import type { Command, Flags } from "../command.js";
import type { CommandContext, Connection } from "../context.js";
import { type ErrorJson, errorJson, vendorStatusOf } from "../error-report.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { paintFor } from "../format/color.js";
import { table } from "../format/table.js";
import { type TokenJson, tokenJson } from "../json.js";
import { type Candidate, scan } from "../leak-scan.js";

/** What became of a leaked secret; the worst one decides the exit code. */
export type LeakStatus = "active" | "disabled" | "expired" | "deleted" | "not-found" | "unchecked" | "error";

/** One secret found in the input, as `leaked --json` reports it (never the secret itself). */
export interface LeakJson {
  readonly vendor: string;
  readonly format: string;
  readonly line: number;
  readonly column: number;
  readonly occurrences: number;
  readonly public?: string;
  readonly fingerprint: string;
  readonly status: LeakStatus;
  /** What `--revoke` did: `"disabled"` or `"deleted"`. */
  readonly action?: "disabled" | "deleted";
  readonly token?: TokenJson;
  /** Why it could not be checked (`unchecked`), or the vendor's error (`error`). */
  readonly reason?: string;
  readonly error?: ErrorJson;
}

const STATUSES: readonly LeakStatus[] = ["active", "error", "not-found", "unchecked", "expired", "disabled", "deleted"];

/** Exit code of the worst status: still active 5, a vendor failed 3, matched no token 4, else 0. */
function exitFor(statuses: readonly LeakStatus[]): ExitCode {
  if (statuses.includes("active")) return EXIT.found;
  if (statuses.includes("error")) return EXIT.failure;
  if (statuses.includes("not-found") || statuses.includes("unchecked") || statuses.length === 0) return EXIT.notFound;
  return EXIT.ok;
}

function statusOf(token: TokenInfo, now: Date): LeakStatus {
  if (token.enabled === false) return "disabled";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

async function check(context: CommandContext, flags: Flags, candidate: Candidate): Promise<LeakJson> {
  const base = {
    vendor: candidate.vendor,
    format: candidate.format,
    line: candidate.line,
    column: candidate.column,
    occurrences: candidate.occurrences,
    ...(candidate.public ? { public: candidate.public } : {}),
    fingerprint: candidate.fingerprint,
  };
  const connections = context.configured.filter((c) => c.vendor === candidate.vendor);
  if (connections.length === 0) return { ...base, status: "unchecked", reason: `${candidate.vendor} is not configured` };
  let connection: Connection | undefined;
  let token: TokenInfo | undefined;
  try {
    for (const c of connections) {
      token = await c.tokens.identify(candidate.value);
      if (token) {
        connection = c;
        break;
      }
    }
  } catch (error) {
    return { ...base, status: "error", error: errorJson(error) };
  }
  if (!token || !connection) return { ...base, status: "not-found" };
  const status = statusOf(token, context.io.now());
  const wantsRevoke = flags.revoke === true && (status === "active" || (flags.delete === true && status !== "deleted"));
  if (!wantsRevoke) return { ...base, status, token: tokenJson(token) };
  try {
    if (connection.tokens.supports("disable") && flags.delete !== true) {
      await connection.tokens.disable(token.id);
      return { ...base, status: "disabled", action: "disabled", token: tokenJson({ ...token, enabled: false }) };
    }
    await connection.tokens.revoke(token.id);
    return { ...base, status: "deleted", action: "deleted", token: tokenJson(token) };
  } catch (error) {
    // The configured credential may not see someone else's token (a leaked token that identified
    // itself); where the vendor lets a token revoke itself, the leaked value does it.
    if (isRefusal(error) && connection.tokens.supports("revokeBySecret")) {
      try {
        await connection.tokens.revokeBySecret(candidate.value);
        return { ...base, status: "deleted", action: "deleted", token: tokenJson(token) };
      } catch (bySecret) {
        return { ...base, status, token: tokenJson(token), error: errorJson(bySecret) };
      }
    }
    return { ...base, status, token: tokenJson(token), error: errorJson(error) };
  }
}

/** The vendor refused the configured credential for this token (not ours to revoke, or not visible to it). */
function isRefusal(error: unknown): boolean {
  const status = vendorStatusOf(error);
  return status === 401 || status === 403 || status === 404;
}

/** `apitokens leaked <file|->`: the incident path. */
export const leaked: Command = {
  name: "leaked",
  positionals: ["file|-"],
  help: `Usage: apitokens leaked <file|-> [--revoke [--delete]] [--json]

Reads a paste, a log or a file dump (or standard input with "-"; never the command line, where
a secret would stay in shell history), finds every secret of every supported vendor in it,
identifies each with its vendor and reports its token: active, disabled, expired, deleted, or
not found (no token of the configured vendors has it); "unchecked" when its vendor is not
configured. Secrets are never printed: a secret is shown by its place (line:column), its public
part where it has one (Dynatrace's token id) and a sha256 fingerprint.
  --revoke   switch each active token off (disable where the vendor can, delete otherwise)
  --delete   with --revoke, delete even where disabling is possible
Exit codes (the worst secret decides): 5 a token is still active, 3 a vendor call failed,
4 a secret matched no token (or none was found), 0 every token found is off.
With --json: {command, source, secrets: [{vendor, format, line, column, occurrences, public?,
fingerprint, status, action?, token?, reason?, error?}], summary: {<status>: n}}.`,
  options: { revoke: { type: "boolean" }, delete: { type: "boolean" } },
  async run(context, flags, [source = ""]) {
    const { io, out } = context;
    if (flags.delete === true && flags.revoke !== true)
      throw new CliError("--delete works with --revoke: apitokens leaked <file|-> --revoke --delete", EXIT.usage, { input: "--delete" });
    const where = source === "-" ? "standard input" : source;
    const text =
      source === "-"
        ? await io.readStdin()
        : await io.fs.readFile(source, "utf8").catch((error: NodeJS.ErrnoException) => {
            throw new CliError(`cannot read ${source} (${error.code ?? error.message})`, EXIT.usage, { input: source });
          });
    if (text.trim() === "") throw new CliError(`${where} is empty`, EXIT.usage, { input: source });
    const candidates = scan(text, context.definitions);
    const secrets: LeakJson[] = [];
    for (const candidate of candidates) secrets.push(await check(context, flags, candidate));
    const summary = Object.fromEntries(STATUSES.map((s) => [s, secrets.filter((x) => x.status === s).length]));
    out.document({ command: "leaked", source: where, secrets, summary });
    if (!out.json) {
      const paint = paintFor(io);
      if (secrets.length) {
        out.text(
          table(
            ["AT", "VENDOR", "FORMAT", "SECRET", "ID", "NAME", "STATUS"].map(paint.bold),
            secrets.map((s) => [
              `${s.line}:${s.column}`,
              s.vendor,
              s.format,
              s.public ? `${s.public}.…` : s.fingerprint,
              s.token?.id ?? "—",
              s.token?.name ?? "—",
              { text: s.action ? `${s.status} (now)` : s.status, paint: s.status === "active" ? paint.red : (t: string) => t },
            ]),
          ),
        );
      }
      out.note(
        secrets.length
          ? `${secrets.length} secret${secrets.length === 1 ? "" : "s"} in ${where}: ${STATUSES.filter((s) => summary[s])
              .map((s) => `${summary[s]} ${s}`)
              .join(", ")}`
          : `no secret of a known format in ${where}`,
      );
      if (secrets.some((s) => s.status === "active")) out.note(`still active: revoke with: apitokens leaked ${source} --revoke`);
    }
    for (const s of secrets) if (s.error) out.note(`error: ${s.error.message}`);
    return exitFor(secrets.map((s) => s.status));
  },
};
