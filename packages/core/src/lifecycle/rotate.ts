import { CreateOutcomeUnknownError } from "../errors/create-outcome-unknown-error.js";
import { isApiError, isErrorOf } from "../errors/guards.js";
import { RotationError, type RotationErrorOptions } from "../errors/rotation-error.js";
import { SecretLostError } from "../errors/secret-lost-error.js";
import { Secret } from "../secret.js";
import { withoutAnswerBody } from "./answer-guard.js";
import { createReconciled, type IssuedToken, type LifecycleParts } from "./create.js";
import { writeOutcome } from "./outcome.js";
import { type CallOptions, type Issued, signalOf } from "./token-adapter.js";
import type { TokenInfo } from "./token-info.js";

/** What `rotate()` did with the old token. */
export type OldTokenOutcome = "reissued" | "kept" | "disabled" | "deleted";

/** The result of `rotate()`. */
export interface RotatedToken<Raw = unknown> extends IssuedToken<Raw> {
  /**
   * `"reissued"`: the vendor's own rotation; the old secret stopped working. The id stays the
   * same for `capabilities.rotation: "native"` (Timeweb, Sematext) and is new for
   * `"native-new-id"` (GitLab: the old token is revoked, `token.id` is its replacement).
   * Otherwise what happened to the old token after its replacement was created.
   */
  readonly old: OldTokenOutcome;
}

/** Options of `rotate()`. */
export interface RotateOptions extends CallOptions {
  /**
   * For vendors without a native reissue: what to do with the old token once the replacement
   * exists. Nothing is done unless asked. @default "keep"
   */
  readonly revokeOld?: "keep" | "disable" | "delete" | undefined;
}

/**
 * The vendor's own reissue (same id, new secret: `rotation: "native"`). A lost answer is recovered: where the vendor
 * lists secrets, the value is read and compared with the one before; otherwise the token is
 * reissued once more (its id is unchanged, and the caller is replacing its secret anyway).
 */
export async function rotateNative<Raw>(parts: LifecycleParts<Raw>, id: string, options: RotateOptions): Promise<RotatedToken<Raw>> {
  const { adapter, context } = parts;
  const reissue = adapter.rotate;
  if (!reissue) throw new Error("rotateNative needs an adapter with rotate");
  const call = signalOf(options);
  const done = (result: Issued<Raw>, reconciled: boolean): RotatedToken<Raw> => ({
    token: parts.info(result.raw),
    secret: new Secret(result.secret),
    reconciled,
    old: "reissued",
  });
  const fail = (message: string, extra: Omit<RotationErrorOptions, keyof typeof context>) =>
    new RotationError(message, { ...context, tokenId: id, ...extra });
  // Where the vendor lists secrets, the value before tells afterwards whether a lost reissue happened.
  const get = adapter.readSecret && adapter.get ? adapter.get.bind(adapter) : undefined;
  const before = get ? adapter.readSecret?.(await get(id, call)) : undefined;

  let failure: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return done(await reissue.call(adapter, id, call), false);
    } catch (thrown) {
      const error = withoutAnswerBody(thrown);
      failure = error;
      const outcome = writeOutcome(error);
      if (outcome === "unknown") break;
      if (outcome === "failed" || attempt === 1)
        throw fail(`the reissue of ${id} failed before ${context.vendorName} acted; nothing changed, the old secret still works`, {
          state: "unchanged",
          oldSecretWorks: true,
          cause: error,
        });
    }
  }

  if (get) {
    let raw: Raw;
    try {
      raw = await get(id, call);
    } catch (error) {
      throw fail(
        `the reissue of ${id} may or may not have happened, and reading the token to find out failed (${messageOf(error)}); the old secret may have stopped working: rotate again to get a working one`,
        { state: "unknown", cause: failure },
      );
    }
    const now = adapter.readSecret?.(raw);
    if (now !== undefined && now !== before) return done({ raw, secret: now }, true);
    if (now !== undefined)
      throw fail(`the reissue of ${id} did not take effect; nothing changed, the old secret still works`, {
        state: "unchanged",
        oldSecretWorks: true,
        cause: failure,
      });
  }
  try {
    return done(await reissue.call(adapter, id, call), true);
  } catch (thrown) {
    const error = withoutAnswerBody(thrown);
    throw fail(
      `the reissue of ${id} may have happened and its new secret could not be recovered (reissuing again failed: ${messageOf(error)}); the old secret may have stopped working: rotate again to get a working one`,
      { state: "unknown", cause: failure },
    );
  }
}

/** What a replace-rotation needs of the lifecycle. */
export interface ReplaceSteps<Raw> {
  get(id: string, options?: CallOptions): Promise<TokenInfo<Raw>>;
  disable(id: string, options?: CallOptions): Promise<void>;
  revoke(id: string, options?: CallOptions): Promise<void>;
}

/**
 * Rotation for vendors without a reissue: the replacement is created first (reconciled like any
 * create), then the old token is disabled or deleted if asked. A working secret exists at every
 * step; a failure says which tokens exist and which secrets work.
 */
export async function rotateByReplacing<Raw>(
  parts: LifecycleParts<Raw>,
  steps: ReplaceSteps<Raw>,
  id: string,
  options: RotateOptions,
): Promise<RotatedToken<Raw>> {
  const { adapter, context } = parts;
  const { capabilities } = adapter;
  const fail = (message: string, extra: Omit<RotationErrorOptions, keyof typeof context>) =>
    new RotationError(message, { ...context, tokenId: id, ...extra });
  const old = await steps.get(id, options);
  let replacement: IssuedToken<Raw>;
  try {
    const future = old.expiresAt && old.expiresAt.getTime() > Date.now() ? old.expiresAt : undefined;
    replacement = await createReconciled(parts, {
      name: old.name ?? id,
      ...(future && capabilities.createFields.includes("expiresAt") ? { expiresAt: future } : {}),
      ...(old.scopes?.length && capabilities.createFields.includes("scopes") ? { scopes: old.scopes } : {}),
      replaces: old,
      signal: options.signal,
    });
  } catch (error) {
    if (isErrorOf(error, SecretLostError))
      throw fail(
        `the replacement of ${id} was created as ${error.token.id} but its secret was lost; the old token still works: revoke ${error.token.id} and rotate again`,
        { state: "replacement-secret-lost", oldSecretWorks: true, lostReplacement: error.token, cause: error },
      );
    if (isErrorOf(error, CreateOutcomeUnknownError))
      throw fail(
        `whether a replacement of ${id} was created could not be told${error.candidates.length ? ` (possible: ${error.candidates.map((t) => t.id).join(", ")})` : ""}; the old token still works`,
        { state: "replacement-unknown", oldSecretWorks: true, candidates: error.candidates, cause: error },
      );
    throw fail(`creating the replacement of ${id} failed; nothing changed, the old token still works`, {
      state: "unchanged",
      oldSecretWorks: true,
      cause: error,
    });
  }
  const revokeOld = options.revokeOld ?? "keep";
  if (revokeOld === "keep") return { ...replacement, old: "kept" };
  try {
    if (revokeOld === "disable") await steps.disable(id, options);
    else await steps.revoke(id, options);
    return { ...replacement, old: revokeOld === "disable" ? "disabled" : "deleted" };
  } catch (error) {
    // The answer may be lost after the vendor acted: look at the old token before saying what is true.
    let now: TokenInfo<Raw> | undefined | "unreadable";
    try {
      now = await steps.get(id, options);
    } catch (lookup) {
      now = isApiError(lookup, 404) ? undefined : "unreadable";
    }
    if (revokeOld === "delete" && now === undefined) return { ...replacement, old: "deleted" };
    if (revokeOld === "disable" && now !== "unreadable" && now?.enabled === false) return { ...replacement, old: "disabled" };
    const verb = revokeOld === "disable" ? "disabled" : "deleted";
    if (now === "unreadable")
      throw fail(
        `the replacement ${replacement.token.id} was created (its secret is on this error), but whether the old token ${id} was ${verb} could not be told`,
        { state: "old-unknown", replacement, cause: error },
      );
    throw fail(
      `the replacement ${replacement.token.id} was created (its secret is on this error), but the old token ${id} could not be ${verb} and still works`,
      {
        state: "both-active",
        oldSecretWorks: true,
        replacement,
        cause: error,
      },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
