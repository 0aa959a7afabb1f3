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
import type { DynatraceClient } from "./generated/client.js";
import type { ApiToken } from "./generated/models.js";

/** What the unified lifecycle can do with Dynatrace tokens. */
export const DYNATRACE_CAPABILITIES: Capabilities = {
  operations: ["list", "get", "create", "rename", "enable", "disable", "delete", "rotate", "lookup"],
  // No reissue in the API: rotation creates a replacement first. @see specs/dynatrace.yaml
  rotation: "replace",
  fields: ["name", "enabled", "createdAt", "expiresAt", "lastUsedAt", "scopes", "owner"],
  createFields: ["expiresAt", "scopes"],
  secretsReadable: false,
};

/** The list asks for every optional field, so an absent date means "none" rather than "not asked". */
const LIST_FIELDS = "+expirationDate,+lastUsedDate,+lastUsedIpAddress,+scopes,+personalAccessToken,+modifiedDate";
/**
 * 1,000 of the API's 10,000 (`pageSize` maximum, specs/dynatrace.yaml): iterating holds one page,
 * and a 10,000-token page keeps about 4 MB alive where 1,000 keep 0.5 MB (bench, pagination). The
 * extra round trips do not lengthen an inventory of all vendors while a slower vendor decides it.
 */
const LIST_PAGE_SIZE = 1000;
/** @see specs/dynatrace.yaml, schema TokenSecret */
const SECRET_SHAPE = /^dt0[a-zA-Z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/;

/** Normalises a Dynatrace token. */
export function dynatraceTokenInfo(raw: ApiToken): TokenInfo<ApiToken> {
  return {
    vendor: "dynatrace",
    id: raw.id,
    name: raw.name,
    enabled: raw.enabled,
    createdAt: toDate(raw.creationDate),
    // Absent expiration means the token never expires (newer docs); the list asks for the field.
    expiresAt: raw.expirationDate ? toDate(raw.expirationDate) : null,
    lastUsedAt: raw.lastUsedDate ? toDate(raw.lastUsedDate) : null,
    scopes: raw.scopes,
    owner: raw.owner,
    raw,
  };
}

/**
 * The unified lifecycle's view of a Dynatrace client: list with `nextPageKey` pagination,
 * rename/enable/disable through `PUT /apiTokens/{id}`, identify through `POST /apiTokens/lookup`.
 *
 * @example const tokens = createTokens(dynatraceAdapter(createDynatraceClient({ baseUrl, token })));
 */
export function dynatraceAdapter(client: DynatraceClient): TokenAdapter<ApiToken> {
  return {
    vendor: "dynatrace",
    vendorName: client.spec.vendorName,
    capabilities: DYNATRACE_CAPABILITIES,
    toInfo: dynatraceTokenInfo,
    list: (options) =>
      paginate(client, "/apiTokens", { params: { query: { pageSize: LIST_PAGE_SIZE, fields: LIST_FIELDS } }, ...signalOf(options) }),
    get: (id, options) => unwrap(client.GET("/apiTokens/{id}", { params: { path: { id } }, ...signalOf(options) })),
    async create(input) {
      const personal = (input.replaces?.raw as ApiToken | undefined)?.personalAccessToken;
      const created = await unwrap(
        client.POST("/apiTokens", {
          body: {
            name: input.name,
            scopes: [...(input.scopes ?? [])],
            ...(input.expiresAt ? { expirationDate: input.expiresAt.toISOString() } : {}),
            ...(personal ? { personalAccessToken: true } : {}),
          },
          ...signalOf(input),
        }),
      );
      // The fields the lifecycle relies on are checked: an empty or `{}` answer is a typed error, not a TypeError.
      const where = { vendor: "dynatrace", vendorName: client.spec.vendorName, operation: "POST /apiTokens" };
      if (!nonEmptyString(created?.id)) throw answerLacks("id", where, 201);
      if (!nonEmptyString(created.token)) throw answerLacks("token", where, 201);
      // Built from what we sent and got back: a follow-up GET could fail and lose the secret.
      const raw: ApiToken = {
        id: created.id,
        name: input.name,
        enabled: true,
        scopes: [...(input.scopes ?? [])],
        ...(created.expirationDate ? { expirationDate: created.expirationDate } : {}),
        ...(personal ? { personalAccessToken: true } : {}),
      };
      return { raw, secret: created.token };
    },
    async update(id, patch, options) {
      await unwrap(client.PUT("/apiTokens/{id}", { params: { path: { id } }, body: patch, ...signalOf(options) }));
      return undefined;
    },
    async delete(id, options) {
      await unwrap(client.DELETE("/apiTokens/{id}", { params: { path: { id } }, ...signalOf(options) }));
    },
    lookup: (secret, options) => orUndefined(unwrap(client.POST("/apiTokens/lookup", { body: { token: secret }, ...signalOf(options) }))),
    recognizes: (secret) => SECRET_SHAPE.test(secret),
  };
}
