import {
  answerLacks,
  type CallOptions,
  type Capabilities,
  ConfigurationError,
  type Issued,
  isApiError,
  nonEmptyString,
  paginate,
  signalOf,
  type TokenAdapter,
  type TokenInfo,
  toDate,
  UnsupportedOperationError,
  unwrap,
  writeOutcome,
} from "@apitokens/core";
import type { GitlabClient } from "./generated/client.js";
import type { PersonalAccessToken, ResourceAccessToken } from "./generated/models.js";
import { type GitlabTokenRef, gitlabTokenId, parseGitlabTokenId } from "./token-id.js";

/** A GitLab token as listed, with the kind of owner it belongs to (its REST path depends on it). */
export type GitlabToken =
  | (PersonalAccessToken & { readonly kind: "pat" })
  | (ResourceAccessToken & { readonly kind: "project" | "group"; readonly resourceId: number });

/** What the unified lifecycle can do with GitLab tokens. */
export const GITLAB_CAPABILITIES: Capabilities = {
  // No rename, enable or disable in the API. @see specs/gitlab.yaml
  // A leaked token revokes itself with DELETE /personal_access_tokens/self. @see specs/gitlab.yaml
  operations: ["list", "get", "create", "delete", "rotate", "lookup", "revokeBySecret"],
  // Rotation revokes the old token and returns a new one with a new id; never sent twice
  // (reuse of a rotated-away token revokes the family). @see specs/gitlab.yaml, info.description
  rotation: "native-new-id",
  fields: ["name", "enabled", "createdAt", "expiresAt", "lastUsedAt", "scopes", "owner"],
  createFields: ["expiresAt", "scopes"],
  secretsReadable: false,
};

/** Where the adapter looks for tokens, and where new ones go. */
export interface GitlabAdapterOptions {
  /** Projects whose access tokens to manage; new tokens go to the first. @default [] */
  readonly projectIds?: readonly number[] | undefined;
  /** Groups whose access tokens to manage; new tokens go to the first when no project is set. @default [] */
  readonly groupIds?: readonly number[] | undefined;
  /** Narrows the PAT list to this user (admins see every user's) and lets `create` make PATs for them (admin). */
  readonly userId?: number | undefined;
  /** A client authenticated with another token: identifies a leaked token with the token itself. */
  readonly clientFor?: ((token: string) => GitlabClient) | undefined;
}

const PAGE = { per_page: 100 } as const;
/** @see specs/gitlab.yaml, x-apitokens.secretFormats */
const SECRET_SHAPES = [/^glpat-[A-Za-z0-9_-]{27,300}(?:\.[0-9a-z]{2})?\.[0-9a-z]{2}[0-9a-z]{7}$/, /^glpat-[0-9A-Za-z_-]{20}$/];

/** Normalises a GitLab token; `owner` is the user id of a PAT, `project:<id>` or `group:<id>` otherwise. */
export function gitlabTokenInfo(raw: GitlabToken): TokenInfo<GitlabToken> {
  const ref: GitlabTokenRef =
    raw.kind === "pat" ? { kind: "pat", tokenId: raw.id } : { kind: raw.kind, resourceId: raw.resourceId, tokenId: raw.id };
  return {
    vendor: "gitlab",
    id: gitlabTokenId(ref),
    name: raw.name,
    // `active` is false once revoked or expired.
    enabled: raw.active,
    createdAt: toDate(raw.created_at),
    expiresAt: raw.expires_at === null ? null : toDate(raw.expires_at),
    lastUsedAt: raw.last_used_at === null ? null : toDate(raw.last_used_at),
    scopes: raw.scopes,
    owner: raw.kind === "pat" ? String(raw.user_id) : `${raw.kind}:${raw.resourceId}`,
    raw,
  };
}

/** Whose token it is. */
type Owner = { readonly kind: "pat" } | { readonly kind: "project" | "group"; readonly resourceId: number };

/** A token object without its secret, tagged with its kind. */
function tagged(answer: unknown, ref: Owner): GitlabToken {
  const { token: _secret, ...rest } = answer as PersonalAccessToken & { token?: unknown };
  return (
    ref.kind === "pat" ? { ...rest, kind: "pat" } : { ...(rest as ResourceAccessToken), kind: ref.kind, resourceId: ref.resourceId }
  ) as GitlabToken;
}

function positiveIds(name: string, ids: unknown): readonly number[] {
  if (ids === undefined) return [];
  const list = Array.isArray(ids) ? ids : [ids];
  for (const id of list) {
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0)
      throw new ConfigurationError(`\`${name}\` must be positive whole numbers, got ${JSON.stringify(ids)}`, {
        vendor: "gitlab",
        vendorName: "GitLab",
      });
  }
  return list as number[];
}

/** `YYYY-MM-DD` of a date in UTC: GitLab tokens expire at midnight UTC on `expires_at`. */
function expiryDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The unified lifecycle's view of a GitLab client: the user's personal access tokens and the
 * configured projects' and groups' access tokens (`pat:<id>`, `project:<project>:<id>`,
 * `group:<group>:<id>`), offset-paginated 100 a page; native rotation, sent exactly once per
 * token; identify through the admin token API, or else by the leaked token itself
 * (`/personal_access_tokens/self`), which can also revoke itself (`revokeBySecret`, with
 * `clientFor`).
 *
 * @example const tokens = createTokens(gitlabAdapter(createGitlabClient({ token }), { projectIds: [7] }));
 */
export function gitlabAdapter(client: GitlabClient, options: GitlabAdapterOptions = {}): TokenAdapter<GitlabToken> {
  const context = { vendor: "gitlab", vendorName: client.spec.vendorName };
  const projectIds = positiveIds("projectIds", options.projectIds);
  const groupIds = positiveIds("groupIds", options.groupIds);
  const [userId] = positiveIds("userId", options.userId);
  const { clientFor } = options;
  // Reusing a rotated-away token on a rotate endpoint revokes the whole family, so a rotate
  // request is never sent twice for one token by this adapter, even if asked (the lifecycle
  // never asks: it lists after a lost answer). Only an outcome known to have changed nothing
  // (refused by GitLab, or never delivered) frees it.
  const rotateSent = new Set<string>();
  // Whether POST /admin/token is open to the configured token (undefined: not tried yet).
  let adminLookup: boolean | undefined;
  const once = client.withOptions({ retry: false });

  async function* listKind(query: { search?: string }, call: CallOptions | undefined): AsyncGenerator<GitlabToken> {
    const pats = paginate(client, "/personal_access_tokens", {
      params: { query: { ...PAGE, ...query, ...(userId === undefined ? {} : { user_id: userId }) } },
      ...signalOf(call),
    });
    for await (const raw of pats) yield tagged(raw, { kind: "pat" });
    for (const resourceId of projectIds) {
      const page = paginate(client, "/projects/{id}/access_tokens", {
        params: { path: { id: resourceId }, query: { ...PAGE, ...query } },
        ...signalOf(call),
      });
      for await (const raw of page) yield tagged(raw, { kind: "project", resourceId });
    }
    for (const resourceId of groupIds) {
      const page = paginate(client, "/groups/{id}/access_tokens", {
        params: { path: { id: resourceId }, query: { ...PAGE, ...query } },
        ...signalOf(call),
      });
      for await (const raw of page) yield tagged(raw, { kind: "group", resourceId });
    }
  }

  function checked(answer: unknown, operation: string, status: number): { secret: string } {
    const where = { ...context, operation };
    const body = answer as { id?: unknown; token?: unknown } | undefined;
    if (!Number.isSafeInteger(body?.id)) throw answerLacks("id", where, status);
    const secret = nonEmptyString(body?.token);
    if (!secret) throw answerLacks("token", where, status);
    return { secret };
  }

  async function rotateOnce(ref: GitlabTokenRef, call: CallOptions | undefined): Promise<Issued<GitlabToken>> {
    const body = {};
    const request =
      ref.kind === "pat"
        ? once.POST("/personal_access_tokens/{id}/rotate", { params: { path: { id: ref.tokenId } }, body, ...signalOf(call) })
        : ref.kind === "project"
          ? once.POST("/projects/{id}/access_tokens/{token_id}/rotate", {
              params: { path: { id: ref.resourceId, token_id: ref.tokenId } },
              body,
              ...signalOf(call),
            })
          : once.POST("/groups/{id}/access_tokens/{token_id}/rotate", {
              params: { path: { id: ref.resourceId, token_id: ref.tokenId } },
              body,
              ...signalOf(call),
            });
    const answer = await unwrap(request);
    const { secret } = checked(answer, "POST …/rotate", 200);
    return { raw: tagged(answer, ref), secret };
  }

  /** The kind of a token found by its id alone: a configured project's or group's, else a PAT. */
  async function kindOf(raw: PersonalAccessToken, call: CallOptions | undefined): Promise<GitlabToken> {
    if (projectIds.length || groupIds.length) {
      for await (const listed of listKind({}, call)) if (listed.kind !== "pat" && listed.id === raw.id) return listed;
    }
    return tagged(raw, { kind: "pat" });
  }

  return {
    vendor: "gitlab",
    vendorName: client.spec.vendorName,
    capabilities: GITLAB_CAPABILITIES,
    toInfo: gitlabTokenInfo,
    list: (call) => listKind({}, call),
    // GitLab's `search` matches parts of names; the lifecycle keeps exact matches.
    listNamed: (name, call) => listKind({ search: name }, call),
    async get(id, call) {
      const ref = parseGitlabTokenId(id);
      if (ref.kind === "pat")
        return tagged(
          await unwrap(client.GET("/personal_access_tokens/{id}", { params: { path: { id: ref.tokenId } }, ...signalOf(call) })),
          ref,
        );
      const path = { id: ref.resourceId, token_id: ref.tokenId };
      const answer =
        ref.kind === "project"
          ? await unwrap(client.GET("/projects/{id}/access_tokens/{token_id}", { params: { path }, ...signalOf(call) }))
          : await unwrap(client.GET("/groups/{id}/access_tokens/{token_id}", { params: { path }, ...signalOf(call) }));
      return tagged(answer, ref);
    },
    async create(input) {
      const body = {
        name: input.name,
        scopes: [...(input.scopes ?? [])] as PersonalAccessToken["scopes"],
        ...(input.expiresAt ? { expires_at: expiryDate(input.expiresAt) } : {}),
      };
      const call = signalOf(input);
      const [projectId] = projectIds;
      const [groupId] = groupIds;
      if (projectId !== undefined) {
        const answer = await unwrap(client.POST("/projects/{id}/access_tokens", { params: { path: { id: projectId } }, body, ...call }));
        const { secret } = checked(answer, "POST /projects/{id}/access_tokens", 201);
        return { raw: tagged(answer, { kind: "project", resourceId: projectId }), secret };
      }
      if (groupId !== undefined) {
        const answer = await unwrap(client.POST("/groups/{id}/access_tokens", { params: { path: { id: groupId } }, body, ...call }));
        const { secret } = checked(answer, "POST /groups/{id}/access_tokens", 201);
        return { raw: tagged(answer, { kind: "group", resourceId: groupId }), secret };
      }
      if (userId !== undefined) {
        const answer = await unwrap(
          client.POST("/users/{user_id}/personal_access_tokens", { params: { path: { user_id: userId } }, body, ...call }),
        );
        const { secret } = checked(answer, "POST /users/{user_id}/personal_access_tokens", 201);
        return { raw: tagged(answer, { kind: "pat" }), secret };
      }
      throw new ConfigurationError(
        "GitLab tokens are created in a project (`projectIds`, GITLAB_PROJECT_ID), a group (`groupIds`, GITLAB_GROUP_ID) or, by an admin, for a user (`userId`, GITLAB_USER_ID); none is set",
        context,
      );
    },
    async delete(id, call) {
      const ref = parseGitlabTokenId(id);
      if (ref.kind === "pat") {
        await unwrap(client.DELETE("/personal_access_tokens/{id}", { params: { path: { id: ref.tokenId } }, ...signalOf(call) }));
        return;
      }
      const path = { id: ref.resourceId, token_id: ref.tokenId };
      if (ref.kind === "project")
        await unwrap(client.DELETE("/projects/{id}/access_tokens/{token_id}", { params: { path }, ...signalOf(call) }));
      else await unwrap(client.DELETE("/groups/{id}/access_tokens/{token_id}", { params: { path }, ...signalOf(call) }));
    },
    async rotate(id, call) {
      const ref = parseGitlabTokenId(id);
      if (rotateSent.has(id))
        throw new UnsupportedOperationError(
          `a rotation of GitLab token ${id} was already sent; GitLab revokes the old token at once and treats any reuse of a rotated-away token as theft (it revokes the whole token family), so it is not sent again: list the tokens named like it to find the new one`,
          { ...context, capability: "rotate" },
        );
      rotateSent.add(id);
      try {
        return await rotateOnce(ref, call);
      } catch (error) {
        if (writeOutcome(error) !== "unknown") rotateSent.delete(id);
        throw error;
      }
    },
    async lookup(secret, call) {
      if (adminLookup !== false) {
        try {
          const info = await unwrap(client.POST("/admin/token", { body: { token: secret }, ...signalOf(call) }));
          adminLookup = true;
          if (!Number.isSafeInteger((info as { id?: unknown } | undefined)?.id) || !("scopes" in (info as object))) return undefined;
          return kindOf(info as unknown as PersonalAccessToken, call);
        } catch (error) {
          if (!isApiError(error)) throw error;
          // 404 {"message":{"error":"Not found"}} (nested): no such token; 422: not an access token.
          // A plain 404 is a route the instance does not have (GitLab.com, before 17.5).
          const nested = typeof (error.body as { message?: unknown } | undefined)?.message === "object";
          if (error.status === 422 || (error.status === 404 && nested)) {
            adminLookup = true;
            return undefined;
          }
          if (error.status !== 401 && error.status !== 403 && error.status !== 404) throw error;
          // Not an admin (or no admin token API on this instance): the leaked token identifies itself.
          adminLookup = false;
        }
      }
      if (!clientFor) return undefined;
      try {
        return await kindOf(await unwrap(clientFor(secret).GET("/personal_access_tokens/self", signalOf(call))), call);
      } catch (error) {
        // 401: revoked, expired or unknown; 400: not a personal access token.
        if (isApiError(error) && (error.status === 401 || error.status === 400)) return undefined;
        throw error;
      }
    },
    ...(clientFor && {
      async revokeBySecret(secret: string, call?: CallOptions) {
        // The leaked token is the credential: GitLab revokes the token that authenticates. @see specs/gitlab.yaml, revokePersonalAccessTokenSelf
        await unwrap(clientFor(secret).DELETE("/personal_access_tokens/self", signalOf(call)));
      },
    }),
    recognizes: (secret) => SECRET_SHAPES.some((shape) => shape.test(secret)),
  };
}
