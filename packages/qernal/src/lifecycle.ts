import {
  answerLacks,
  type Capabilities,
  nonEmptyString,
  orUndefined,
  paginate,
  signalOf,
  type TokenAdapter,
  type TokenInfo,
  toDate,
  unwrap,
} from "@apitokens/core";
import type { QernalClient } from "./generated/client.js";
import type { AuthToken, AuthTokenMeta } from "./generated/models.js";

/** The largest page the API allows (`page[size]`: at most 100, specs/qernal.yaml): the fewest sequential round trips. */
const LIST_PAGE_SIZE = 100;

/** What the unified lifecycle can do with Qernal auth tokens. */
export const QERNAL_CAPABILITIES: Capabilities = {
  // No enabled flag; whether PUT regenerates the secret is undocumented, so rotation
  // creates a replacement. @see specs/qernal.yaml
  operations: ["list", "get", "create", "rename", "delete", "rotate", "lookup"],
  rotation: "replace",
  fields: ["name", "createdAt", "expiresAt", "owner"],
  createFields: ["expiresAt"],
  secretsReadable: false,
};

/** `<token id>@<secret>`: the id part is the token's UUID. @see specs/qernal.yaml, scheme oauth2 */
const SECRET_SHAPE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@.+$/i;
const DAY_MS = 86_400_000;

/** Normalises a Qernal auth token. */
export function qernalTokenInfo(raw: AuthTokenMeta): TokenInfo<AuthTokenMeta> {
  return {
    vendor: "qernal",
    id: raw.id,
    name: raw.name,
    enabled: undefined,
    createdAt: toDate(raw.date.created_at),
    // Absent `expiry_at` is undocumented (never expiring or just not sent), so unknown.
    expiresAt: toDate(raw.expiry_at),
    lastUsedAt: undefined,
    scopes: undefined,
    owner: raw.user_id,
    raw,
  };
}

/**
 * The unified lifecycle's view of a Qernal client: paginated list, rename through `PUT` (which
 * may hand back a regenerated secret — it is returned, never dropped), identify by the id part
 * of the `<id>@<secret>` token.
 *
 * @example const tokens = createTokens(qernalAdapter(createQernalClient({ token })));
 */
export function qernalAdapter(client: QernalClient): TokenAdapter<AuthTokenMeta> {
  const where = { vendor: "qernal", vendorName: client.spec.vendorName, operation: "POST /auth/tokens" };
  // The fields the lifecycle relies on are checked: an empty or `{}` answer is a typed error, not a TypeError.
  const issued = (body: AuthToken | undefined) => {
    if (!nonEmptyString(body?.id)) throw answerLacks("id", where, 200);
    const { token, ...raw } = body as AuthToken;
    if (!nonEmptyString(token)) throw answerLacks("token", where, 200);
    return { raw, secret: token as string };
  };
  return {
    vendor: "qernal",
    vendorName: client.spec.vendorName,
    capabilities: QERNAL_CAPABILITIES,
    toInfo: qernalTokenInfo,
    list: (options) => paginate(client, "/auth/tokens", { params: { query: { page: { size: LIST_PAGE_SIZE } } }, ...signalOf(options) }),
    get: (id, options) => unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: id } }, ...signalOf(options) })),
    async create(input) {
      // Lifetime in whole days, 0 = never expires. @see specs/qernal.yaml, schema AuthTokenBody
      const days = input.expiresAt ? Math.max(1, Math.ceil((input.expiresAt.getTime() - Date.now()) / DAY_MS)) : 0;
      return issued(await unwrap(client.POST("/auth/tokens", { body: { name: input.name, expiry_duration: days }, ...signalOf(input) })));
    },
    async update(id, patch, options) {
      if (patch.name === undefined) return undefined;
      const updated = await unwrap(
        client.PUT("/auth/tokens/{token_id}", { params: { path: { token_id: id } }, body: { name: patch.name }, ...signalOf(options) }),
      );
      return updated.token;
    },
    async delete(id, options) {
      await unwrap(client.DELETE("/auth/tokens/{token_id}", { params: { path: { token_id: id } }, ...signalOf(options) }));
    },
    async lookup(secret, options) {
      const id = SECRET_SHAPE.exec(secret)?.[1];
      return id
        ? orUndefined(unwrap(client.GET("/auth/tokens/{token_id}", { params: { path: { token_id: id } }, ...signalOf(options) })))
        : undefined;
    },
    recognizes: (secret) => SECRET_SHAPE.test(secret),
  };
}
