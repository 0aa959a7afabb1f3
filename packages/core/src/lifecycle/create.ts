import type { ErrorContext } from "../errors/api-tokens-error.js";
import { CreateOutcomeUnknownError } from "../errors/create-outcome-unknown-error.js";
import { isApiError, isApiTokensError, isErrorOf } from "../errors/guards.js";
import { SecretLostError } from "../errors/secret-lost-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { Secret } from "../secret.js";
import { withoutAnswerBody } from "./answer-guard.js";
import { CREATE_LEDGERS, type CreateCall } from "./create-ledger.js";
import { writeOutcome } from "./outcome.js";
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

/** How often a reconciliation lists again while other creates of the same name are in flight. */
const MAX_RELISTS = 20;

/**
 * One create, reconciled when its outcome is unknown:
 * 1. the ids of the tokens with this name are recorded before anything is sent;
 * 2. one request; a failure that provably happened before the vendor acted is sent once more;
 * 3. on an unknown outcome, the tokens with this name are listed again, and a token is adopted
 *    only if it is the one new token that no other call of this process received or could have
 *    created; its secret is read (Sematext) or reissued (Timeweb: nobody else holds it), or the
 *    error names it; several candidates give a {@link CreateOutcomeUnknownError} listing them all.
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
        if (resent || !resendable(error)) {
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
      return recover(parts, raw, failure, input.signal);
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
  raw: Raw,
  failure: unknown,
  signal: AbortSignal | undefined,
): Promise<IssuedToken<Raw>> {
  const { adapter, context } = parts;
  const token = parts.info(raw);
  const readable = adapter.readSecret?.(raw);
  if (readable) return { token, secret: new Secret(readable), reconciled: true };
  let cause = failure;
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
  }
  throw new SecretLostError(
    `the create's answer was lost; this call created token ${token.id} ("${token.name ?? ""}"), but ${context.vendorName} shows a secret only once${adapter.rotate ? " and reissuing it failed" : ""}, so it is lost: revoke that token (tokens.revoke("${token.id}")) and create another`,
    { ...context, token, cause },
  );
}

/** Whether an unknown outcome, once no token is listed, may be sent again: a lost connection, not a request the vendor may still be working on. */
function resendable(error: unknown): boolean {
  if (isErrorOf(error, TimeoutError)) return false;
  if (isApiError(error)) return error.status !== 504;
  return isApiTokensError(error) && error.name === "ConnectionError";
}

/** The tokens named `name`, by id, through the vendor's name filter where it has one. */
async function named<Raw>(parts: LifecycleParts<Raw>, name: string, signal: AbortSignal | undefined): Promise<Map<string, Raw>> {
  const { adapter } = parts;
  const options = signal ? { signal } : {};
  const found = new Map<string, Raw>();
  for await (const raw of adapter.listNamed ? adapter.listNamed(name, options) : adapter.list(options)) {
    const info = adapter.toInfo(raw);
    if (info.name === name) found.set(info.id, raw);
  }
  return found;
}

async function namedIds<Raw>(parts: LifecycleParts<Raw>, name: string, signal: AbortSignal | undefined): Promise<string[]> {
  return [...(await named(parts, name, signal)).keys()];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
