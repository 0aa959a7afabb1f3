import {
  answerLacks,
  type Capabilities,
  NotFoundError,
  nonEmptyString,
  signalOf,
  type TokenAdapter,
  type TokenInfo,
  toDate,
  unwrap,
} from "@apitokens/core";
import type { TimewebClient } from "./generated/client.js";
import type { ApiKey, CreatedApiKey } from "./generated/models.js";

/** A Timeweb token as the lifecycle keeps it: a listed key, or a created one without its secret. */
export type TimewebToken = ApiKey | Omit<CreatedApiKey, "token">;

/** What the unified lifecycle can do with Timeweb Cloud API keys. */
export const TIMEWEB_CAPABILITIES: Capabilities = {
  // No enabled flag and no GET by id: `get` reads the list. @see specs/timeweb.yaml
  operations: ["list", "get", "create", "rename", "delete", "rotate", "lookup"],
  rotation: "native",
  fields: ["name", "createdAt", "expiresAt"],
  createFields: ["expiresAt", "scopes"],
  secretsReadable: false,
};

/** Timeweb API keys are JWTs. @see specs/timeweb.yaml, schema CreatedApiKey */
const SECRET_SHAPE = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Normalises a Timeweb API key. */
export function timewebTokenInfo(raw: TimewebToken): TokenInfo<TimewebToken> {
  return {
    vendor: "timeweb",
    id: raw.id,
    name: raw.name,
    enabled: undefined,
    createdAt: toDate(raw.created_at),
    // `expired_at: null` is the API's "never expires".
    expiresAt: raw.expired_at === null ? null : toDate(raw.expired_at),
    lastUsedAt: undefined,
    scopes: undefined,
    owner: undefined,
    raw,
  };
}

/** The string claims of a JWT payload (not verified: only used to match a leaked key to a listed id). */
function jwtClaimValues(jwt: string): Set<string> {
  const payload = jwt.split(".")[1] ?? "";
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    return new Set(Object.values(json).filter((v): v is string => typeof v === "string"));
  } catch {
    return new Set();
  }
}

/**
 * The unified lifecycle's view of a Timeweb client: the list is one call, rotation is the
 * native reissue (`PUT`, same id, new JWT), and a leaked JWT is matched to a key by its claims.
 *
 * @example const tokens = createTokens(timewebAdapter(createTimewebClient({ token })));
 */
export function timewebAdapter(client: TimewebClient): TokenAdapter<TimewebToken> {
  const context = { vendor: "timeweb", vendorName: client.spec.vendorName };
  const listAll = async (options?: { signal?: AbortSignal | undefined }): Promise<ApiKey[]> => {
    const body: { api_keys?: unknown } | undefined = await unwrap(client.GET("/api/v1/auth/api-keys", { ...signalOf(options) }));
    const keys = body?.api_keys;
    if (!Array.isArray(keys) || !keys.every((key) => nonEmptyString((key as ApiKey | null)?.id)))
      throw answerLacks("api_keys[].id", { ...context, operation: "GET /api/v1/auth/api-keys" }, 200);
    return keys as ApiKey[];
  };
  // The fields the lifecycle relies on are checked: an empty or `{}` answer is a typed error, not a TypeError.
  const issued = (body: { api_key?: unknown } | undefined, operation: string, status: number) => {
    const key = body?.api_key as Partial<CreatedApiKey> | undefined;
    const where = { ...context, operation };
    if (!nonEmptyString(key?.id)) throw answerLacks("api_key.id", where, status);
    const { token, ...raw } = key as CreatedApiKey;
    if (!nonEmptyString(token)) throw answerLacks("api_key.token", where, status);
    return { raw, secret: token };
  };
  return {
    vendor: "timeweb",
    vendorName: client.spec.vendorName,
    capabilities: TIMEWEB_CAPABILITIES,
    toInfo: timewebTokenInfo,
    async *list(options) {
      yield* await listAll(options);
    },
    async get(id, options) {
      const found = (await listAll(options)).find((key) => key.id === id);
      if (!found)
        throw new NotFoundError(`no API key with id ${id}`, {
          ...context,
          operation: "GET /api/v1/auth/api-keys",
          status: 404,
        });
      return found;
    },
    async create(input) {
      const body = {
        name: input.name,
        ...(input.expiresAt ? { expire: input.expiresAt.toISOString() } : {}),
        ...(input.scopes ? { roles: [...input.scopes] } : {}),
      };
      return issued(await unwrap(client.POST("/api/v1/auth/api-keys", { body, ...signalOf(input) })), "POST /api/v1/auth/api-keys", 201);
    },
    async update(id, patch, options) {
      if (patch.name === undefined) return undefined;
      await unwrap(
        client.PATCH("/api/v1/auth/api-keys/{token_id}", {
          params: { path: { token_id: id } },
          body: { name: patch.name },
          ...signalOf(options),
        }),
      );
      return undefined;
    },
    async delete(id, options) {
      await unwrap(client.DELETE("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: id } }, ...signalOf(options) }));
    },
    async rotate(id, options) {
      return issued(
        await unwrap(
          client.PUT("/api/v1/auth/api-keys/{token_id}", { params: { path: { token_id: id } }, body: {}, ...signalOf(options) }),
        ),
        "PUT /api/v1/auth/api-keys/{token_id}",
        200,
      );
    },
    async lookup(secret, options) {
      const claims = jwtClaimValues(secret);
      if (claims.size === 0) return undefined;
      return (await listAll(options)).find((key) => claims.has(key.id));
    },
    recognizes: (secret) => SECRET_SHAPE.test(secret),
  };
}
