import { RotationError, type RotationErrorOptions } from "../errors/rotation-error.js";
import { Secret } from "../secret.js";
import { withoutAnswerBody } from "./answer-guard.js";
import type { IssuedToken, LifecycleParts } from "./create.js";
import { CREATE_LEDGERS, type CreateCall } from "./create-ledger.js";
import { MAX_RELISTS, named, namedIds } from "./named.js";
import { settledWhenLost, writeOutcome } from "./outcome.js";
import type { RotatedToken, RotateOptions } from "./rotate.js";
import { signalOf } from "./token-adapter.js";
import type { TokenInfo } from "./token-info.js";

/**
 * What one rotation request of a `rotation: "native-new-id"` vendor (GitLab) did:
 * - `rotated`: answered; the new token and its secret;
 * - `refused`: provably nothing happened (refused by the vendor, or never reached it twice);
 * - `not-yet`: the answer was lost, and the old token is still active with no new one in sight;
 * - `lost`: the answer was lost, the old token is revoked, and its replacement was found by
 *   listing (its secret is lost);
 * - `unknown`: the answer was lost and listing could not tell which token, if any, replaced it.
 */
export type NewIdStep<Raw> =
  | { readonly kind: "rotated"; readonly issued: IssuedToken<Raw> }
  | { readonly kind: "refused"; readonly error: unknown }
  | { readonly kind: "not-yet"; readonly error: unknown; readonly mayStillRun: boolean }
  | { readonly kind: "lost"; readonly replacement: TokenInfo<Raw>; readonly error: unknown }
  | {
      readonly kind: "unknown";
      readonly error: unknown;
      readonly candidates: readonly TokenInfo<Raw>[];
      readonly oldActive: boolean | undefined;
      readonly reason: string;
    };

/**
 * Sends one rotation of `old` (once more only when the first provably never took effect) and,
 * when its answer is lost, lists instead of sending it again: GitLab revokes the old token in
 * the same transaction that creates the new one, so an active old token means nothing
 * happened, and a revoked one means the one new token of that name that this process did not
 * see before (the ledger's attribution) is its replacement.
 * @see specs/gitlab.yaml, info.description ("Rotation is native")
 */
export async function rotateOnceToNewId<Raw>(
  parts: LifecycleParts<Raw>,
  ledger: CreateCall,
  old: TokenInfo<Raw>,
  signal: AbortSignal | undefined,
): Promise<NewIdStep<Raw>> {
  const { adapter } = parts;
  const { rotate, get } = adapter;
  if (!rotate || !get) throw new Error("rotateOnceToNewId needs an adapter with rotate and get");
  const call = signal ? { signal } : {};
  let failure: unknown;
  for (let attempt = 0; ; attempt++) {
    ledger.sending();
    try {
      const result = await rotate.call(adapter, old.id, call);
      const token = parts.info(result.raw);
      ledger.received(token.id);
      return { kind: "rotated", issued: { token, secret: new Secret(result.secret), reconciled: false } };
    } catch (thrown) {
      failure = withoutAnswerBody(thrown);
      const outcome = writeOutcome(failure);
      if (outcome === "unknown") break;
      ledger.settled();
      if (outcome === "failed" || attempt === 1) return { kind: "refused", error: failure };
    }
  }
  ledger.unknown();
  const name = old.name ?? "";
  for (let round = 0; ; round++) {
    await ledger.quiet();
    let now: TokenInfo<Raw>;
    let listed: Map<string, Raw>;
    try {
      now = parts.info(await get.call(adapter, old.id, call));
      listed = await named(parts, name, signal);
    } catch (error) {
      const reason = `reading the tokens to find out failed (${error instanceof Error ? error.message : String(error)})`;
      return { kind: "unknown", error: failure, candidates: [], oldActive: undefined, reason };
    }
    if (now.enabled !== false) {
      const mayStillRun = !settledWhenLost(failure);
      if (!mayStillRun) ledger.settled();
      return { kind: "not-yet", error: failure, mayStillRun };
    }
    const attribution = ledger.attribute(listed.keys());
    if (attribution.kind === "again" && round < MAX_RELISTS) continue;
    if (attribution.kind === "adopt") return { kind: "lost", replacement: parts.info(listed.get(attribution.id) as Raw), error: failure };
    const ids = attribution.kind === "none" ? [] : attribution.ids;
    const reason = ids.length
      ? `${ids.length} new tokens named "${name}" appeared (${ids.join(", ")}), any of which may be another caller's`
      : `no new token named "${name}" is listed`;
    return { kind: "unknown", error: failure, candidates: ids.map((id) => parts.info(listed.get(id) as Raw)), oldActive: false, reason };
  }
}

/** Where recovering a token's secret by rotating it left things. */
export type NewIdRecovery<Raw> =
  | { readonly kind: "recovered"; readonly issued: IssuedToken<Raw> }
  /** `token` exists and is active; nobody holds its secret. */
  | { readonly kind: "lost"; readonly token: TokenInfo<Raw>; readonly rotated: boolean; readonly error: unknown }
  | { readonly kind: "unknown"; readonly step: Extract<NewIdStep<Raw>, { kind: "unknown" }> };

/**
 * Gets a secret back for a token whose secret nobody holds (its create's or rotation's answer
 * was lost) by rotating it once: that takes nothing from anyone.
 */
export async function recoverByRotating<Raw>(
  parts: LifecycleParts<Raw>,
  ledger: CreateCall,
  token: TokenInfo<Raw>,
  signal: AbortSignal | undefined,
): Promise<NewIdRecovery<Raw>> {
  const step = await rotateOnceToNewId(parts, ledger, token, signal);
  if (step.kind === "rotated") return { kind: "recovered", issued: { ...step.issued, reconciled: true } };
  if (step.kind === "unknown") return { kind: "unknown", step };
  if (step.kind === "lost") return { kind: "lost", token: step.replacement, rotated: true, error: step.error };
  return { kind: "lost", token, rotated: false, error: step.error };
}

/**
 * Rotation for `rotation: "native-new-id"` vendors (GitLab): the old token is read first (an
 * inactive one is not rotated: reusing a rotated-away token revokes its whole family), then one
 * rotation request is sent, never twice. A lost answer is reconciled by listing; when the
 * vendor did rotate, the replacement's secret is recovered by rotating the replacement once
 * (nobody holds it), and otherwise the error names it.
 */
export async function rotateToNewId<Raw>(parts: LifecycleParts<Raw>, id: string, options: RotateOptions): Promise<RotatedToken<Raw>> {
  const { adapter, context } = parts;
  const { vendorName } = context;
  if (!adapter.get) throw new Error("rotateToNewId needs an adapter with get");
  const fail = (message: string, extra: Omit<RotationErrorOptions, keyof typeof context>) =>
    new RotationError(message, { ...context, tokenId: id, ...extra });
  const old = parts.info(await adapter.get(id, signalOf(options)));
  if (old.enabled === false)
    throw fail(
      `token ${id} is not active (revoked, rotated away or expired), so it was not rotated: nothing was sent, and its secret does not work; rotate the token that replaced it, or create a new one`,
      { state: "unchanged", oldSecretWorks: false },
    );
  const name = old.name ?? "";
  const ledger = CREATE_LEDGERS.open(adapter.vendor, name);
  try {
    ledger.recordBefore(await namedIds(parts, name, options.signal));
    const first = await rotateOnceToNewId(parts, ledger, old, options.signal);
    const never = `do not rotate ${id} again (${vendorName} revokes a whole token family when a rotated-away token is reused)`;
    switch (first.kind) {
      case "rotated":
        return { ...first.issued, old: "reissued" };
      case "refused":
        throw fail(`the rotation of ${id} failed before ${vendorName} acted; nothing changed, the old secret still works`, {
          state: "unchanged",
          oldSecretWorks: true,
          cause: first.error,
        });
      case "not-yet":
        throw fail(
          `the answer to the rotation of ${id} was lost, but the old token is still active and no new one appeared: nothing changed, the old secret still works${first.mayStillRun ? `; ${vendorName} may still be acting on the request, so list the tokens named "${name}" before rotating again` : ""}`,
          { state: "unchanged", oldSecretWorks: true, cause: first.error },
        );
      case "unknown":
        throw fail(
          `the rotation of ${id} may have happened (the old token ${first.oldActive === false ? "is revoked" : "could not be read"}) and ${first.reason}; the old secret ${first.oldActive === false ? "no longer works" : "may have stopped working"}: ${never}; list the tokens named "${name}", revoke the new one if it is yours, and create a new token`,
          {
            state: "unknown",
            oldSecretWorks: first.oldActive === false ? false : undefined,
            candidates: first.candidates,
            cause: first.error,
          },
        );
    }
    const recovery = await recoverByRotating(parts, ledger, first.replacement, options.signal);
    if (recovery.kind === "recovered") return { ...recovery.issued, old: "reissued" };
    if (recovery.kind === "unknown")
      throw fail(
        `${vendorName} rotated ${id} (the old token is revoked, its secret no longer works) into ${first.replacement.id}, whose secret was lost with the answer; rotating ${first.replacement.id} to recover a secret may have happened and ${recovery.step.reason}: ${never}; list the tokens named "${name}", revoke the new one if it is yours, and create a new token`,
        {
          state: "unknown",
          oldSecretWorks: false,
          candidates: [first.replacement, ...recovery.step.candidates],
          cause: recovery.step.error,
        },
      );
    const lost = recovery.token;
    throw fail(
      `${vendorName} rotated ${id}: the old token is revoked (its secret no longer works) and its replacement ${lost.id} ("${name}") exists, but its secret was lost with the answer, and ${recovery.rotated ? `rotating the replacement to recover one lost that answer too (${first.replacement.id} → ${lost.id})` : "rotating the replacement to recover one failed"}; revoke ${lost.id} (tokens.revoke("${lost.id}")) and create a new token; ${never}`,
      { state: "rotated-secret-lost", oldSecretWorks: false, lostReplacement: lost, cause: recovery.error },
    );
  } finally {
    ledger.close();
  }
}
