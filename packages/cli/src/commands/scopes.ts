import type { Tokens } from "apitokens";
import { CliError, EXIT } from "../exit-codes.js";
import { safe } from "../format/text.js";
import { definitions } from "../registry.js";

/**
 * Checks `--scope` before anything is sent: refused where the vendor takes none, required
 * where it needs some (with examples), and each one among the allowed where the vendor has a
 * closed list (Sematext's read/write) — never silently dropped.
 */
export async function checkScopes(vendor: string, tokens: Tokens, scopes: readonly string[] | undefined): Promise<void> {
  const accepts = tokens.capabilities.createFields.includes("scopes");
  if (scopes?.length && !accepts)
    throw new CliError(`--scope: ${tokens.vendorName} tokens have no scopes; leave --scope out`, EXIT.usage, { input: "--scope" });
  if (!accepts) return;
  const hints = (await definitions()).find((definition) => definition.key === vendor)?.scopes;
  if (!hints) return;
  const examples = hints.examples.map((s) => `--scope ${s}`).join(" ");
  if (hints.required && !scopes?.length)
    throw new CliError(`${tokens.vendorName} tokens need at least one --scope, for example: ${examples}`, EXIT.usage, { input: "--scope" });
  if (hints.allowed) {
    const bad = scopes?.find((s) => !hints.allowed?.includes(s));
    if (bad !== undefined)
      throw new CliError(
        `--scope ${safe(bad, 40)} is not a ${tokens.vendorName} scope (allowed: ${hints.allowed.join(", ")})`,
        EXIT.usage,
        {
          input: "--scope",
        },
      );
  }
}
