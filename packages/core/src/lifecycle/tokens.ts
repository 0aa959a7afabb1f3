import { ConfigurationError } from "../errors/configuration-error.js";
import { isApiError } from "../errors/guards.js";
import { UnsupportedOperationError } from "../errors/unsupported-operation-error.js";
import { isSecret, Secret } from "../secret.js";
import { createReconciled, type IssuedToken, type LifecycleParts } from "./create.js";
import { checkCreateInput, checkId } from "./create-input.js";
import { type RotatedToken, type RotateOptions, rotateByReplacing, rotateNative } from "./rotate.js";
import { rotateToNewId } from "./rotate-new-id.js";
import type { CallOptions, TokenAdapter } from "./token-adapter.js";
import type { Capabilities, Capability, CreateTokenInput, TokenInfo } from "./token-info.js";

export type { IssuedToken } from "./create.js";
export { outcomeUnknown } from "./outcome.js";
export type { OldTokenOutcome, RotatedToken, RotateOptions } from "./rotate.js";

/** One vendor's tokens, through the same calls as every other vendor's. */
export interface Tokens<Raw = unknown> {
  readonly vendor: string;
  readonly vendorName: string;
  /** The account these tokens belong to; `undefined` for a single unnamed account. Every token carries it too. */
  readonly account: string | undefined;
  readonly capabilities: Capabilities;
  /** Whether the vendor can do this. */
  supports(capability: Capability): boolean;
  /** Every token, across pages. */
  list(options?: CallOptions): AsyncGenerator<TokenInfo<Raw>, void, undefined>;
  get(id: string, options?: CallOptions): Promise<TokenInfo<Raw>>;
  /**
   * Creates a token. A create whose outcome is unknown (connection lost, timeout, 5xx, an
   * unreadable answer) is reconciled, never blindly repeated: only a token this call created is
   * adopted; otherwise a typed error says what may exist.
   */
  create(input: CreateTokenInput): Promise<IssuedToken<Raw>>;
  /** Renames a token; returns the new secret if the vendor issued one while renaming (Qernal may). */
  rename(id: string, name: string, options?: CallOptions): Promise<Secret | undefined>;
  enable(id: string, options?: CallOptions): Promise<void>;
  disable(id: string, options?: CallOptions): Promise<void>;
  /** Deletes a token for good. */
  revoke(id: string, options?: CallOptions): Promise<void>;
  /**
   * A new secret for the token: the vendor's reissue (same id), its rotation to a new id
   * (GitLab, sent once, never twice), or a replacement created first.
   */
  rotate(id: string, options?: RotateOptions): Promise<RotatedToken<Raw>>;
  /** The token behind a secret, if it is one of this vendor's; never prints the secret. */
  identify(secret: string | Secret, options?: CallOptions): Promise<TokenInfo<Raw> | undefined>;
  /**
   * Revokes the token whose secret this is, authenticating **with that secret** (GitLab's
   * `DELETE /personal_access_tokens/self`): for a leaked token that the configured token cannot
   * see or revoke by id. Checks the secret's shape first (a `ConfigurationError`, nothing sent);
   * `UnsupportedOperationError` for vendors without it (`supports("revokeBySecret")`); a secret
   * the vendor no longer accepts (already revoked, expired) is an `AuthenticationError`.
   *
   * @example if (tokens.supports("revokeBySecret")) await tokens.revokeBySecret(leaked);
   */
  revokeBySecret(secret: string | Secret, options?: CallOptions): Promise<void>;
}

/** Options of {@link createTokens}. */
export interface CreateTokensOptions {
  /** Names the account (one of several of this vendor); shown on the lifecycle and every token. @default undefined */
  readonly account?: string | undefined;
}

const REVOKE_OLD = ["keep", "disable", "delete"] as const;

/**
 * The unified token lifecycle on top of one vendor's adapter: input checked before anything is
 * sent, capability checks with typed errors, secrets as {@link Secret}, create reconciliation
 * that adopts only a token the call created, and rotation that never loses a working credential.
 *
 * @example
 * const tokens = createTokens(dynatraceAdapter(client), { account: "prod" });
 * for await (const token of tokens.list()) console.log(token.account, token.id, token.name);
 */
export function createTokens<Raw>(adapter: TokenAdapter<Raw>, options: CreateTokensOptions = {}): Tokens<Raw> {
  const { vendor, vendorName, capabilities } = adapter;
  const { account } = options;
  const context = { vendor, vendorName };
  const info = (raw: Raw): TokenInfo<Raw> => ({ ...adapter.toInfo(raw), account });
  const parts: LifecycleParts<Raw> = { adapter, context, info };

  function need<F>(capability: Capability, fn: F | undefined): F {
    if (!capabilities.operations.includes(capability) || fn === undefined) {
      throw new UnsupportedOperationError(`cannot ${describe(capability)}`, { ...context, capability });
    }
    return fn;
  }

  const tokens: Tokens<Raw> = {
    vendor,
    vendorName,
    account,
    capabilities,
    supports: (capability) => capabilities.operations.includes(capability),

    async *list(options) {
      for await (const raw of adapter.list(options)) yield info(raw);
    },

    async get(id, options) {
      checkId(id, context);
      return info(await need("get", adapter.get).call(adapter, id, options));
    },

    async create(input) {
      need("create", adapter.create);
      checkCreateInput(input, capabilities, context, Date.now());
      return createReconciled(parts, input);
    },

    async rename(id, name, options) {
      checkId(id, context);
      if (typeof name !== "string" || name.trim() === "")
        throw new ConfigurationError(`\`name\` must be a non-empty string, got ${JSON.stringify(name)}`, context);
      const secret = await need("rename", adapter.update).call(adapter, id, { name }, options);
      return secret === undefined ? undefined : new Secret(secret);
    },
    async enable(id, options) {
      const update = need("enable", adapter.update);
      checkId(id, context);
      await update.call(adapter, id, { enabled: true }, options);
    },
    async disable(id, options) {
      const update = need("disable", adapter.update);
      checkId(id, context);
      await update.call(adapter, id, { enabled: false }, options);
    },
    async revoke(id, options) {
      const remove = need("delete", adapter.delete);
      checkId(id, context);
      await remove.call(adapter, id, options);
    },

    async rotate(id, options = {}) {
      need("rotate", capabilities.rotation === "replace" ? adapter.create : adapter.rotate);
      checkId(id, context);
      if (options.revokeOld !== undefined && !REVOKE_OLD.includes(options.revokeOld))
        throw new ConfigurationError(
          `\`revokeOld\` must be one of ${REVOKE_OLD.join(", ")}, got ${JSON.stringify(options.revokeOld)}`,
          context,
        );
      if (capabilities.rotation === "native") return rotateNative(parts, id, options);
      if (capabilities.rotation === "native-new-id") return rotateToNewId(parts, id, options);
      return rotateByReplacing(parts, tokens, id, options);
    },

    async identify(secret, options) {
      const value = typeof secret === "string" ? secret : secret.reveal();
      if (!adapter.recognizes(value)) return undefined;
      if (adapter.lookup) {
        const raw = await adapter.lookup(value, options);
        return raw === undefined ? undefined : info(raw);
      }
      if (adapter.readSecret) {
        for await (const raw of adapter.list(options)) if (adapter.readSecret(raw) === value) return info(raw);
      }
      return undefined;
    },

    async revokeBySecret(secret, options) {
      const revoke = need("revokeBySecret", adapter.revokeBySecret);
      const value = typeof secret === "string" ? secret : isSecret(secret) ? secret.reveal() : undefined;
      if (value === undefined)
        throw new ConfigurationError(`the secret must be a string or a Secret, got ${secret === null ? "null" : typeof secret}`, context);
      if (!adapter.recognizes(value))
        throw new ConfigurationError(
          `the secret given (${value.length} characters) does not have the shape of a ${vendorName} token; nothing was sent`,
          context,
        );
      await revoke.call(adapter, value, options);
    },
  };
  return tokens;
}

/** 404 as "not found", anything else thrown. */
export async function orUndefined<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (isApiError(error, 404)) return undefined;
    throw error;
  }
}

function describe(capability: Capability): string {
  switch (capability) {
    case "rotate":
      return "rotate a token";
    case "lookup":
      return "look a token up by its secret";
    case "revokeBySecret":
      return "revoke a token with its own secret";
    case "enable":
    case "disable":
      return `${capability} a token (it has no enabled flag)`;
    default:
      return `${capability} tokens`;
  }
}
