import {
  answerLacks,
  type Capabilities,
  ConfigurationError,
  NotFoundError,
  nonEmptyString,
  signalOf,
  type TokenAdapter,
  type TokenInfo,
  toDate,
  unwrap,
} from "@apitokens/core";
import type { SematextClient } from "./generated/client.js";
import type { TokenDto } from "./generated/models.js";

/** A Sematext app token with the app it belongs to (token ids are per app). */
export type SematextToken = TokenDto & { readonly appId: number };

/** What the unified lifecycle can do with Sematext app tokens. */
export const SEMATEXT_CAPABILITIES: Capabilities = {
  // No GET by id (get reads the app's list); no expiry. @see specs/sematext.yaml
  operations: ["list", "get", "create", "rename", "enable", "disable", "delete", "rotate", "lookup"],
  rotation: "native",
  fields: ["name", "enabled", "createdAt", "scopes"],
  createFields: ["scopes"],
  secretsReadable: true,
};

/** App token values are UUIDs. @see specs/sematext.yaml, schema TokenDto */
const SECRET_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `"<appId>:<tokenId>"`, the id the unified calls use. */
export function sematextTokenId(appId: number, tokenId: number): string {
  return `${appId}:${tokenId}`;
}

function parseId(id: string): { appId: number; tokenId: number } {
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(id);
  if (!match)
    throw new ConfigurationError(`a Sematext token id is "<appId>:<tokenId>", got ${JSON.stringify(id)}`, {
      vendor: "sematext",
      vendorName: "Sematext",
    });
  return { appId: Number(match[1]), tokenId: Number(match[2]) };
}

/**
 * Checks the app ids before anything is sent: positive safe integers (`NaN`, `Infinity`,
 * `1e21` and fractions name nothing that exists, and would be sent as nonsense path segments).
 *
 * @example checkAppIds([42]); checkAppIds([Number.NaN]); // throws ConfigurationError naming appId
 */
function checkAppIds(appIds: unknown): readonly number[] {
  const context = { vendor: "sematext", vendorName: "Sematext" };
  if (!Array.isArray(appIds) || appIds.length === 0)
    throw new ConfigurationError("at least one app id (`appId`) is needed to manage app tokens", context);
  for (const appId of appIds) {
    if (typeof appId !== "number" || !Number.isSafeInteger(appId) || appId <= 0)
      throw new ConfigurationError(
        `\`appId\` must be a positive whole number, got ${typeof appId === "number" ? String(appId) : (JSON.stringify(appId) ?? typeof appId)}`,
        context,
      );
  }
  return appIds as number[];
}

/** Normalises a Sematext app token; its value is left out of `raw` (read it with `readSecret`). */
export function sematextTokenInfo(raw: SematextToken): TokenInfo<SematextToken> {
  const { token: _value, ...safe } = raw;
  const scopes = [raw.readable ? "read" : undefined, raw.writeable ? "write" : undefined].filter((s): s is string => s !== undefined);
  return {
    vendor: "sematext",
    id: sematextTokenId(raw.appId, raw.id ?? 0),
    name: raw.name,
    enabled: raw.enabled,
    createdAt: toDate(raw.createdAt),
    expiresAt: undefined,
    lastUsedAt: undefined,
    scopes,
    owner: undefined,
    raw: safe,
  };
}

/** Options of {@link sematextAdapter}. */
export interface SematextAdapterOptions {
  /** The apps whose tokens to manage; new tokens go to the first. */
  readonly appIds: readonly number[];
}

/**
 * The unified lifecycle's view of a Sematext client over one or more apps. Rotation is the
 * native regenerate (same id, new value); identify matches a leaked value against the apps'
 * token lists, which carry the values.
 *
 * @example const tokens = createTokens(sematextAdapter(createSematextClient({ region: "eu", token }), { appIds: [42] }));
 */
export function sematextAdapter(client: SematextClient, { appIds }: SematextAdapterOptions): TokenAdapter<SematextToken> {
  const context = { vendor: "sematext", vendorName: client.spec.vendorName };
  const [firstApp] = checkAppIds(appIds) as [number, ...number[]];
  const listApp = async (appId: number, options?: { signal?: AbortSignal | undefined }): Promise<SematextToken[]> => {
    const body: { data?: { tokens?: unknown } } | undefined = await unwrap(
      client.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId } }, ...signalOf(options) }),
    );
    const tokens = body?.data?.tokens;
    if (!Array.isArray(tokens) || !tokens.every((token) => Number.isSafeInteger((token as TokenDto | null)?.id)))
      throw answerLacks("data.tokens[].id", { ...context, operation: "GET /users-web/api/v3/apps/{appId}/tokens" }, 200);
    return (tokens as TokenDto[]).map((token) => ({ ...token, appId }));
  };
  // The fields the lifecycle relies on are checked: an empty or `{}` answer is a typed error, not a TypeError.
  const issued = (appId: number, body: { data?: { token?: TokenDto } } | undefined, operation: string) => {
    const token = body?.data?.token;
    const where = { ...context, operation };
    if (!Number.isSafeInteger(token?.id)) throw answerLacks("data.token.id", where, 200);
    const secret = nonEmptyString(token?.token);
    if (!secret) throw answerLacks("data.token.token", where, 200);
    return { raw: { ...(token as TokenDto), appId }, secret };
  };
  return {
    vendor: "sematext",
    vendorName: client.spec.vendorName,
    capabilities: SEMATEXT_CAPABILITIES,
    toInfo: sematextTokenInfo,
    async *list(options) {
      for (const appId of appIds) yield* await listApp(appId, options);
    },
    async get(id, options) {
      const { appId, tokenId } = parseId(id);
      const found = (await listApp(appId, options)).find((token) => token.id === tokenId);
      if (!found)
        throw new NotFoundError(`no token ${tokenId} in app ${appId}`, {
          ...context,
          operation: "GET /users-web/api/v3/apps/{appId}/tokens",
          status: 404,
        });
      return found;
    },
    async create(input) {
      const scopes = input.scopes ?? ["read", "write"];
      // Sematext's only access kinds; anything else would be sent as a token that can do nothing.
      if (scopes.length === 0 || scopes.some((scope) => scope !== "read" && scope !== "write"))
        throw new ConfigurationError(
          `\`scopes\` of a Sematext app token are "read" and/or "write", got ${JSON.stringify(scopes)}`,
          context,
        );
      const body = { name: input.name, readable: scopes.includes("read"), writeable: scopes.includes("write") };
      return issued(
        firstApp,
        await unwrap(
          client.POST("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: firstApp } }, body, ...signalOf(input) }),
        ),
        "POST /users-web/api/v3/apps/{appId}/tokens",
      );
    },
    async update(id, patch, options) {
      const { appId, tokenId } = parseId(id);
      await unwrap(
        client.PUT("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", {
          params: { path: { appId, tokenId } },
          body: patch,
          ...signalOf(options),
        }),
      );
      return undefined;
    },
    async delete(id, options) {
      const { appId, tokenId } = parseId(id);
      await unwrap(
        client.DELETE("/users-web/api/v3/apps/{appId}/tokens/{tokenId}", { params: { path: { appId, tokenId } }, ...signalOf(options) }),
      );
    },
    async rotate(id, options) {
      const { appId, tokenId } = parseId(id);
      return issued(
        appId,
        await unwrap(
          client.POST("/users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate", {
            params: { path: { appId, tokenId } },
            ...signalOf(options),
          }),
        ),
        "POST /users-web/api/v3/apps/{appId}/tokens/{tokenId}/regenerate",
      );
    },
    readSecret: (raw) => nonEmptyString(raw.token),
    recognizes: (secret) => SECRET_SHAPE.test(secret),
  };
}
