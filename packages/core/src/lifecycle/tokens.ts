import { ConnectionError } from "../errors/connection-error.js";
import { isApiError } from "../errors/guards.js";
import { RotationError } from "../errors/rotation-error.js";
import { SecretLostError } from "../errors/secret-lost-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { UnsupportedOperationError } from "../errors/unsupported-operation-error.js";
import { Secret } from "../secret.js";
import type { CallOptions, Issued, TokenAdapter } from "./token-adapter.js";
import type { Capabilities, Capability, CreateTokenInput, TokenInfo } from "./token-info.js";

/** How far a vendor's clock may be from ours when matching a token by creation time. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A token and its secret, redacted when printed. */
export interface IssuedToken<Raw = unknown> {
  readonly token: TokenInfo<Raw>;
  readonly secret: Secret;
  /** `true` when the create's answer was lost and the token was found afterwards. */
  readonly reconciled: boolean;
}

/** What `rotate()` did with the old token. */
export type OldTokenOutcome = "reissued" | "kept" | "disabled" | "deleted";

/** The result of `rotate()`. */
export interface RotatedToken<Raw = unknown> extends IssuedToken<Raw> {
  /** `"reissued"`: same id, the old secret stopped working (native rotation); otherwise what happened to the old token. */
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

/** One vendor's tokens, through the same calls as every other vendor's. */
export interface Tokens<Raw = unknown> {
  readonly vendor: string;
  readonly vendorName: string;
  readonly capabilities: Capabilities;
  /** Whether the vendor can do this. */
  supports(capability: Capability): boolean;
  /** Every token, across pages. */
  list(options?: CallOptions): AsyncGenerator<TokenInfo<Raw>, void, undefined>;
  get(id: string, options?: CallOptions): Promise<TokenInfo<Raw>>;
  /** Creates a token. A create whose answer is lost is reconciled, never blindly repeated. */
  create(input: CreateTokenInput): Promise<IssuedToken<Raw>>;
  /** Renames a token; returns the new secret if the vendor issued one while renaming (Qernal may). */
  rename(id: string, name: string, options?: CallOptions): Promise<Secret | undefined>;
  enable(id: string, options?: CallOptions): Promise<void>;
  disable(id: string, options?: CallOptions): Promise<void>;
  /** Deletes a token for good. */
  revoke(id: string, options?: CallOptions): Promise<void>;
  /** A new secret for the token: the vendor's reissue, or a replacement created first. */
  rotate(id: string, options?: RotateOptions): Promise<RotatedToken<Raw>>;
  /** The token behind a secret, if it is one of this vendor's; never prints the secret. */
  identify(secret: string | Secret, options?: CallOptions): Promise<TokenInfo<Raw> | undefined>;
}

/**
 * The unified token lifecycle on top of one vendor's adapter: capability checks with typed
 * errors, secrets as {@link Secret}, create reconciliation, and rotation that never loses a
 * working credential.
 *
 * @example
 * const tokens = createTokens(dynatraceAdapter(client));
 * for await (const token of tokens.list()) console.log(token.id, token.name);
 */
export function createTokens<Raw>(adapter: TokenAdapter<Raw>): Tokens<Raw> {
  const { vendor, vendorName, capabilities } = adapter;
  const context = { vendor, vendorName };

  function need<F>(capability: Capability, fn: F | undefined): F {
    if (!capabilities.operations.includes(capability) || fn === undefined) {
      throw new UnsupportedOperationError(`cannot ${describe(capability)}`, { ...context, capability });
    }
    return fn;
  }

  const issued = (result: Issued<Raw>, reconciled = false): IssuedToken<Raw> => ({
    token: adapter.toInfo(result.raw),
    secret: new Secret(result.secret),
    reconciled,
  });

  async function findCreated(name: string, since: number, signal?: AbortSignal): Promise<Raw | undefined> {
    let best: { raw: Raw; at: number } | undefined;
    for await (const raw of adapter.list({ signal })) {
      const info = adapter.toInfo(raw);
      if (info.name !== name) continue;
      const at = info.createdAt?.getTime();
      if (at === undefined || at < since - CLOCK_SKEW_MS) continue;
      if (!best || at > best.at) best = { raw, at };
    }
    return best?.raw;
  }

  async function recover(raw: Raw): Promise<IssuedToken<Raw>> {
    const info = adapter.toInfo(raw);
    const readable = adapter.readSecret?.(raw);
    if (readable) return { token: info, secret: new Secret(readable), reconciled: true };
    if (capabilities.rotation === "native" && adapter.rotate) return issued(await adapter.rotate(info.id), true);
    throw new SecretLostError(
      `the create's answer was lost, and token ${info.id} ("${info.name ?? ""}") turned out to exist; ${vendorName} shows a secret only once, so revoke it and create another`,
      { ...context, token: info },
    );
  }

  const tokens: Tokens<Raw> = {
    vendor,
    vendorName,
    capabilities,
    supports: (capability) => capabilities.operations.includes(capability),

    async *list(options) {
      for await (const raw of adapter.list(options)) yield adapter.toInfo(raw);
    },

    async get(id, options) {
      return adapter.toInfo(await need("get", adapter.get).call(adapter, id, options));
    },

    async create(input) {
      const create = need("create", adapter.create);
      for (const field of ["expiresAt", "scopes"] as const) {
        if (input[field] !== undefined && !capabilities.createFields.includes(field)) {
          throw new UnsupportedOperationError(`${vendorName} tokens cannot be created with \`${field}\``, {
            ...context,
            capability: `create.${field}`,
          });
        }
      }
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          return issued(await create.call(adapter, input));
        } catch (error) {
          if (!outcomeUnknown(error)) throw error;
          const found = await findCreated(input.name, started, input.signal);
          if (found !== undefined) return recover(found);
          // Not there: the request never took effect, so one more attempt cannot duplicate it.
          if (attempt >= 1) throw error;
        }
      }
    },

    async rename(id, name, options) {
      const secret = await need("rename", adapter.update).call(adapter, id, { name }, options);
      return secret === undefined ? undefined : new Secret(secret);
    },
    async enable(id, options) {
      await need("enable", adapter.update).call(adapter, id, { enabled: true }, options);
    },
    async disable(id, options) {
      await need("disable", adapter.update).call(adapter, id, { enabled: false }, options);
    },
    revoke: (id, options) => need("delete", adapter.delete).call(adapter, id, options),

    async rotate(id, options = {}) {
      need("rotate", capabilities.rotation === "native" ? adapter.rotate : adapter.create);
      if (capabilities.rotation === "native" && adapter.rotate) {
        try {
          return { ...issued(await adapter.rotate(id, options)), old: "reissued" };
        } catch (error) {
          if (!outcomeUnknown(error)) throw error;
          throw new RotationError(
            `the reissue of ${id} may or may not have happened (${(error as Error).message}); the old secret may have stopped working: rotate again to get a working one`,
            {
              ...context,
              state: "unknown",
              cause: error,
            },
          );
        }
      }
      const old = await tokens.get(id, options);
      let replacement: IssuedToken<Raw>;
      try {
        const future = old.expiresAt && old.expiresAt.getTime() > Date.now() ? old.expiresAt : undefined;
        replacement = await tokens.create({
          name: old.name ?? id,
          ...(future && capabilities.createFields.includes("expiresAt") ? { expiresAt: future } : {}),
          ...(old.scopes?.length && capabilities.createFields.includes("scopes") ? { scopes: old.scopes } : {}),
          replaces: old,
          signal: options.signal,
        });
      } catch (error) {
        throw new RotationError(`creating the replacement of ${id} failed; nothing changed, the old token still works`, {
          ...context,
          state: "unchanged",
          cause: error,
        });
      }
      const revokeOld = options.revokeOld ?? "keep";
      try {
        if (revokeOld === "disable") await tokens.disable(id, options);
        if (revokeOld === "delete") await tokens.revoke(id, options);
      } catch (error) {
        throw new RotationError(
          `the replacement ${replacement.token.id} was created, but the old token ${id} could not be ${revokeOld}d and still works`,
          {
            ...context,
            state: "both-active",
            replacement,
            cause: error,
          },
        );
      }
      return { ...replacement, old: revokeOld === "keep" ? "kept" : revokeOld === "disable" ? "disabled" : "deleted" };
    },

    async identify(secret, options) {
      const value = typeof secret === "string" ? secret : secret.reveal();
      if (!adapter.recognizes(value)) return undefined;
      if (adapter.lookup) {
        const raw = await adapter.lookup(value, options);
        return raw === undefined ? undefined : adapter.toInfo(raw);
      }
      if (adapter.readSecret) {
        for await (const raw of adapter.list(options)) if (adapter.readSecret(raw) === value) return adapter.toInfo(raw);
      }
      return undefined;
    },
  };
  return tokens;
}

/** A timeout or a connection lost after sending: the vendor may or may not have acted. */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof ConnectionError) return error.maybeDelivered;
  return false;
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
    case "enable":
    case "disable":
      return `${capability} a token (it has no enabled flag)`;
    default:
      return `${capability} tokens`;
  }
}
