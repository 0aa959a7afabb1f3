import type { Secret, TokenInfo } from "apitokens";
import type { Command, Flags } from "../command.js";
import type { CommandContext } from "../context.js";
import { errorJson, errorLine } from "../error-report.js";
import { CliError, EXIT } from "../exit-codes.js";
import { parseExpiry } from "../expires.js";
import { day, table } from "../format/table.js";
import { safe } from "../format/text.js";
import { tokenJson } from "../json.js";
import { prepareDelivery, SECRET_FLAGS, writeSecretDocument } from "../secret-delivery.js";
import { VendorAnswerError } from "../vendor-answer-error.js";
import { checkScopes } from "./scopes.js";

function show(context: CommandContext, token: TokenInfo): void {
  if (context.out.json) return;
  context.io.stderr.write(
    table(
      ["VENDOR", "ID", "NAME", "EXPIRES", "SCOPES"],
      [[token.vendor, token.id, token.name ?? "—", day(token.expiresAt), token.scopes?.join(",") || "—"]],
    ),
  );
}

/** A secret the vendor answered with: non-empty text, or a typed error naming the token to revoke. */
function secretOf(context: CommandContext, vendor: string, token: TokenInfo, secret: Secret, operation: string): Secret {
  let value: unknown;
  try {
    value = secret.reveal();
  } catch {
    value = undefined;
  }
  if (typeof value !== "string" || value === "") {
    const { tokens } = context.vendor(vendor);
    throw new VendorAnswerError(
      vendor,
      tokens.vendorName,
      operation,
      new Error(
        `the answer holds no secret for token ${safe(token.id, 60)}; revoke it with: apitokens revoke ${vendor} ${safe(token.id, 60)} --yes`,
      ),
    );
  }
  return secret;
}

const label = (vendor: string, id: string) => `${vendor}-${id}`;

/** `apitokens create <vendor> --name <name>` */
export const create: Command = {
  name: "create",
  positionals: ["vendor"],
  help: `Usage: apitokens create <vendor> --name <name> [--expires 90d|2027-12-31] [--scope <s>]... [--secret-file <path> | --show-secret]

Creates a token. The secret is printed once on an interactive terminal, or with --show-secret;
--secret-file writes it to a new file with mode 0600 (the directory must exist, the file must
not). Every way of delivering the secret is checked before the vendor is called, so a refused
delivery changes nothing; if writing fails afterwards the secret is saved at a fallback place
(stderr on a terminal, else a 0600 file next to the requested one or in the config directory).
If the create's answer is lost (timeout, reset), the token is looked up instead of being
created twice. --expires takes a date (end of that day, UTC), a date and time, or a duration.
Scopes: Dynatrace scopes (e.g. metrics.read, required), Timeweb roles, Sematext read/write.
With --json: {command, token, reconciled, secret: {delivered, path | value}}.`,
  options: { name: { type: "string" }, expires: { type: "string" }, scope: { type: "string", multiple: true }, ...SECRET_FLAGS },
  async run(context, flags, [vendor = ""]) {
    const connection = context.vendor(vendor);
    if (typeof flags.name !== "string" || flags.name.trim() === "")
      throw new CliError(`--name is required: apitokens create ${vendor} --name <name>`, EXIT.usage, { input: "--name" });
    const expiresAt = typeof flags.expires === "string" ? parseExpiry(flags.expires, context.io.now()) : undefined;
    const scopes = Array.isArray(flags.scope) ? flags.scope.map(String) : undefined;
    await checkScopes(connection.vendor, connection.tokens, scopes);
    if (expiresAt && !connection.tokens.capabilities.createFields.includes("expiresAt"))
      throw new CliError(`--expires: ${connection.tokens.vendorName} tokens cannot be given an expiry`, EXIT.usage, { input: "--expires" });
    const delivery = await prepareDelivery(context.io, flags);
    let issued: Awaited<ReturnType<typeof connection.tokens.create>>;
    try {
      issued = await connection.tokens.create({ name: flags.name, expiresAt, scopes });
    } catch (error) {
      await delivery.abandon();
      if ((error as Error).name === "SecretLostError") {
        const token = (error as { token?: TokenInfo }).token;
        throw new CliError(`${(error as Error).message}: apitokens revoke ${vendor} ${token?.id ?? "<id>"} --yes`, EXIT.failure, {
          cause: error,
        });
      }
      throw error;
    }
    show(context, issued.token);
    const tokenLabel = label(vendor, issued.token.id);
    const delivered = await writeSecretDocument(
      context.io,
      context.out,
      (secret) => ({ command: "create", token: tokenJson(issued.token), reconciled: issued.reconciled, secret }),
      await delivery.deliver(secretOf(context, vendor, issued.token, issued.secret, "create a token"), tokenLabel),
      tokenLabel,
    );
    return delivered.delivered === "file" || delivered.delivered === "stdout" ? EXIT.ok : EXIT.delivery;
  },
};

/** `apitokens rotate <vendor> <id>` */
export const rotate: Command = {
  name: "rotate",
  positionals: ["vendor", "id"],
  help: `Usage: apitokens rotate <vendor> <id> [--revoke-old keep|disable|delete] [--secret-file <path> | --show-secret]

Timeweb and Sematext reissue the token in place (same id, the old secret stops working).
Dynatrace and Qernal have no reissue: a replacement is created first and its secret delivered;
the old token is kept unless --revoke-old says disable or delete, which happens only after the
new secret was delivered. Delivery is checked before anything is sent (see create --help).
If a step fails, the error says what state you are in.
With --json: {command, token, old: {id, outcome}, secret: {delivered, path | value}}.`,
  options: { "revoke-old": { type: "string" }, ...SECRET_FLAGS },
  async run(context, flags, [vendor = "", id = ""]) {
    const revokeOld = flags["revoke-old"] ?? "keep";
    if (revokeOld !== "keep" && revokeOld !== "disable" && revokeOld !== "delete")
      throw new CliError(`--revoke-old is keep, disable or delete, got "${safe(String(revokeOld), 40)}"`, EXIT.usage, {
        input: "--revoke-old",
      });
    const { tokens } = context.vendor(vendor);
    if (revokeOld === "disable" && !tokens.supports("disable"))
      throw new CliError(`--revoke-old disable: ${tokens.vendorName} tokens cannot be disabled; use delete or keep`, EXIT.usage, {
        input: "--revoke-old",
      });
    const delivery = await prepareDelivery(context.io, flags);
    let rotated: Awaited<ReturnType<typeof tokens.rotate>>;
    try {
      rotated = await tokens.rotate(id, { revokeOld: "keep" });
    } catch (error) {
      const replacement = (error as { replacement?: { token: TokenInfo; secret: Secret } }).replacement;
      if (!replacement) {
        await delivery.abandon();
        throw error;
      }
      show(context, replacement.token);
      const replacementLabel = label(vendor, replacement.token.id);
      await writeSecretDocument(
        context.io,
        context.out,
        (secret) => ({
          command: "rotate",
          token: tokenJson(replacement.token),
          old: { id, outcome: "kept" },
          secret,
          error: errorJson(error),
        }),
        await delivery.deliver(replacement.secret, replacementLabel),
        replacementLabel,
      );
      throw error;
    }
    show(context, rotated.token);
    const secret = await delivery.deliver(
      secretOf(context, vendor, rotated.token, rotated.secret, "rotate a token"),
      label(vendor, rotated.token.id),
    );
    let outcome: string = rotated.old;
    let failure: unknown;
    if (rotated.old === "kept" && revokeOld !== "keep" && (secret.delivered === "file" || secret.delivered === "stdout")) {
      try {
        if (revokeOld === "disable") await tokens.disable(id);
        else await tokens.revoke(id);
        outcome = revokeOld === "disable" ? "disabled" : "deleted";
      } catch (error) {
        failure = error;
      }
    } else if (rotated.old === "kept" && revokeOld !== "keep") {
      context.out.note(`the old token ${id} was kept: the new secret did not reach the place you asked for, so it was not ${revokeOld}d`);
    }
    const delivered = await writeSecretDocument(
      context.io,
      context.out,
      (written) => ({
        command: "rotate",
        token: tokenJson(rotated.token),
        old: { id, outcome },
        secret: written,
        ...(failure === undefined ? {} : { error: errorJson(failure) }),
      }),
      secret,
      label(vendor, rotated.token.id),
    );
    context.out.note(`old token: ${outcome}`);
    if (failure !== undefined) {
      context.out.note(
        `${errorLine(failure)}\nthe new token ${rotated.token.id} works; the old token ${id} still works too: apitokens ${revokeOld === "disable" ? "disable" : "revoke"} ${vendor} ${id}`,
      );
      return EXIT.failure;
    }
    return delivered.delivered === "file" || delivered.delivered === "stdout" ? EXIT.ok : EXIT.delivery;
  },
};

function simple(name: "revoke" | "enable" | "disable", help: string, confirm: boolean): Command {
  return {
    name,
    positionals: ["vendor", "id"],
    help,
    options: confirm ? { yes: { type: "boolean", short: "y" } } : {},
    async run(context, flags: Flags, [vendor = "", id = ""]) {
      const { tokens, account } = context.vendor(vendor);
      if (confirm && flags.yes !== true) {
        const { io } = context;
        if (io.stdin.isTTY !== true || io.stderr.isTTY !== true)
          throw new CliError(
            `revoke deletes ${vendor} token ${safe(id, 60)} for good: pass --yes to confirm (no terminal to ask on)`,
            EXIT.usage,
            {
              input: "--yes",
            },
          );
        const answer = await io.ask(`Delete ${tokens.vendorName} token ${safe(id, 60)} for good? Type "yes" to confirm: `);
        if (answer.trim().toLowerCase() !== "yes") throw new CliError("not confirmed; nothing was deleted", EXIT.usage, { input: "--yes" });
      }
      await tokens[name](id);
      const result = name === "revoke" ? "deleted" : `${name}d`;
      context.out.document({ command: name, vendor, account: account ?? null, id, result });
      if (!context.out.json) context.io.stdout.write(`${vendor} token ${safe(id, 80)}: ${result}\n`);
      return EXIT.ok;
    },
  };
}

export const revoke = simple(
  "revoke",
  'Usage: apitokens revoke <vendor> <id> [--yes]\n\nDeletes the token. It stops working at once and cannot be restored. Asks for confirmation on a\nterminal; without one, --yes is required. With --json: {command, vendor, account, id, result: "deleted"}.',
  true,
);
export const enable = simple(
  "enable",
  'Usage: apitokens enable <vendor> <id>\n\nOnly vendors with an enabled flag support it (Dynatrace, Sematext). With --json: {command, vendor, account, id, result: "enabled"}.',
  false,
);
export const disable = simple(
  "disable",
  'Usage: apitokens disable <vendor> <id>\n\nOnly vendors with an enabled flag support it (Dynatrace, Sematext). With --json: {command, vendor, account, id, result: "disabled"}.',
  false,
);
