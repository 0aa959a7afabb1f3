import type { ErrorContext } from "../errors/api-tokens-error.js";
import { CreateOutcomeUnknownError } from "../errors/create-outcome-unknown-error.js";
import { SecretLostError } from "../errors/secret-lost-error.js";
import { Secret } from "../secret.js";
import { withoutAnswerBody } from "./answer-guard.js";
import { CREATE_LEDGERS, type CreateCall } from "./create-ledger.js";
import { MAX_RELISTS, named, namedIds } from "./named.js";
import { settledWhenLost, writeOutcome } from "./outcome.js";
import { recoverByRotating } from "./rotate-new-id.js";
import type { Issued, TokenAdapter } from "./token-adapter.js";
import type { CreateTokenInput, TokenInfo } from "./token-info.js";

/** A token and its secret, redacted when printed. */
export interface IssuedToken<Raw = unknown> {
  readonly token: TokenInfo<Raw>;
  readonly secret: Secret;
  /** `true` when the create's answer was lost and the token was found afterwards. */
  readonly reconciled: boolean;
}

/** What the create and rotate steps share. */
export interface LifecycleParts<Raw> {
  readonly adapter: TokenAdapter<Raw>;
  readonly context: ErrorContext & { readonly vendor: string; readonly vendorName: string };
  /** `adapter.toInfo` with the account set. */
  readonly info: (raw: Raw) => TokenInfo<Raw>;
}

/**
 * One create, reconciled when its outcome is unknown:
 * 1. the ids of the tokens with this name are recorded before anything is sent;
 * 2. one request; a failure that provably happened before the vendor acted is sent once more;
 * 3. on an unknown outcome, the tokens with this name are listed again, and a token is adopted
 *    only if it is the one new token that no other call of this process received or could have
 *    created; its secret is read (Sematext) or reissued (Timeweb; GitLab rotates it once, to a
 *    new id: nobody else holds it), or the error names it; several candidates give a {@link CreateOutcomeUnknownError} listing them all.
 */
export async function createReconciled<Raw>(parts: LifecycleParts<Raw>, input: CreateTokenInput): Promise<IssuedToken<Raw>> {
  const { adapter, context } = parts;
  const create = adapter.create;
  if (!create) throw new Error("createReconciled needs an adapter with create");
  const call = CREATE_LEDGERS.open(adapter.vendor, input.name);
  try {
    call.recordBefore(await namedIds(parts, input.name, input.signal));
    let resent = false;
    for (;;) {
      call.sending();
      let result: Issued<Raw>;
      try {
        result = await create.call(adapter, input);
      } catch (thrown) {
        const error = withoutAnswerBody(thrown);
        const outcome = writeOutcome(error);
        if (outcome === "failed") {
          call.settled();
          throw error;
        }
        if (outcome === "not-applied") {
          call.settled();
          if (resent) throw error;
          resent = true;
          continue;
        }
        call.unknown();
        const found = await reconcile(parts, call, input, error);
        if (found !== undefined) return found;
        // Nothing of ours was listed. A request that may still be running at the vendor (a
        // timeout, a gateway's 504) could take effect later: only a lost connection is resent.
        if (resent || !settledWhenLost(error)) {
          throw new CreateOutcomeUnknownError(
            `the create of "${input.name}" may or may not have happened: no new token of that name is listed, but the vendor may still be acting on it; list the tokens named "${input.name}" before creating it again`,
            { ...context, tokenName: input.name, candidates: [], cause: error },
          );
        }
        resent = true;
        continue;
      }
      const issued = { token: parts.info(result.raw), secret: new Secret(result.secret), reconciled: false };
      call.received(issued.token.id);
      return issued;
    }
  } finally {
    call.close();
  }
}

/** Lists the tokens with this name and works out which, if any, the failed create made. */
async function reconcile<Raw>(
  parts: LifecycleParts<Raw>,
  call: CreateCall,
  input: CreateTokenInput,
  failure: unknown,
): Promise<IssuedToken<Raw> | undefined> {
  const { context } = parts;
  for (let round = 0; ; round++) {
    await call.quiet();
    let listed: Map<string, Raw>;
    try {
      listed = await named(parts, input.name, input.signal);
    } catch (error) {
      throw new CreateOutcomeUnknownError(
        `the create of "${input.name}" may or may not have happened, and listing the tokens to find out failed too (${messageOf(error)}); list the tokens named "${input.name}" before creating it again`,
        { ...context, tokenName: input.name, candidates: [], cause: failure },
      );
    }
    const attribution = call.attribute(listed.keys());
    if (attribution.kind === "again" && round < MAX_RELISTS) continue;
    if (attribution.kind === "none") return undefined;
    if (attribution.kind === "adopt") {
      const raw = listed.get(attribution.id) as Raw;
      return recover(parts, call, raw, failure, input.signal);
    }
    const { ids } = attribution;
    const candidates = ids.map((id) => parts.info(listed.get(id) as Raw));
    throw new CreateOutcomeUnknownError(
      `the create of "${input.name}" may or may not have happened, and ${candidates.length === 1 ? "the one new token of that name" : `${candidates.length} new tokens of that name`} (${ids.join(", ")}) may be another caller's, so none was adopted; check them before revoking any`,
      { ...context, tokenName: input.name, candidates, cause: failure },
    );
  }
}

/** The secret of a token this call created: read again, reissued, or named as lost. */
async function recover<Raw>(
  parts: LifecycleParts<Raw>,
  call: CreateCall,
  raw: Raw,
  failure: unknown,
  signal: AbortSignal | undefined,
): Promise<IssuedToken<Raw>> {
  const { adapter, context } = parts;
  const token = parts.info(raw);
  const readable = adapter.readSecret?.(raw);
  if (readable) return { token, secret: new Secret(readable), reconciled: true };
  let cause = failure;
  let lost = token;
  let how = adapter.rotate ? " and reissuing it failed" : "";
  if (adapter.capabilities.rotation === "native" && adapter.rotate) {
    // Nobody holds this token's secret, so reissuing it takes nothing from anyone.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const reissued = await adapter.rotate(token.id, signal ? { signal } : {});
        return { token: parts.info(reissued.raw), secret: new Secret(reissued.secret), reconciled: true };
      } catch (error) {
        cause = withoutAnswerBody(error);
        if (writeOutcome(error) === "failed") break;
      }
    }
  } else if (adapter.capabilities.rotation === "native-new-id" && adapter.rotate && adapter.get) {
    // Rotating it once (never twice) gives a new token whose secret comes back in the answer.
    const recovery = await recoverByRotating(parts, call, token, signal);
    if (recovery.kind === "recovered") return recovery.issued;
    if (recovery.kind === "unknown")
      throw new CreateOutcomeUnknownError(
        `the create's answer was lost; this call created token ${token.id} ("${token.name ?? ""}"), whose secret ${context.vendorName} shows only once, and rotating it to recover one may have happened, but ${recovery.step.reason}; list the tokens named "${token.name ?? ""}" and revoke this call's`,
        { ...context, tokenName: token.name ?? "", candidates: [token, ...recovery.step.candidates], cause: recovery.step.error },
      );
    lost = recovery.token;
    cause = recovery.error;
    how = recovery.rotated
      ? `, and rotating it to recover one lost that answer too (${token.id} is revoked, ${lost.id} replaced it)`
      : " and rotating it to recover one failed";
  }
  throw new SecretLostError(
    `the create's answer was lost; this call created token ${lost.id} ("${lost.name ?? ""}"), but ${context.vendorName} shows a secret only once${how}, so it is lost: revoke that token (tokens.revoke("${lost.id}")) and create another`,
    { ...context, token: lost, cause },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
