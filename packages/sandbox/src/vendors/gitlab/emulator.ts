import { DAY_MS, isoMillis } from "../../clock.js";
import { empty, json } from "../../http/responses.js";
import type { OperationSpec } from "../../openapi/operations.js";
import type { Problem } from "../../openapi/validator.js";
import { derived } from "../derived-lists.js";
import type { Emulator, Handler, HandlerContext } from "../emulator.js";
import type { GitlabStore, GitlabToken, GitlabTokenKind, GitlabUser } from "./store.js";

/** Who called: the authenticating token and its user. */
export interface GitlabPrincipal {
  readonly token: GitlabToken;
  readonly user: GitlabUser;
}

/** Lifetimes and pagination, as data. @see specs/gitlab.yaml, info.description ("Expiry", "Pagination") */
export const GITLAB_RULES = Object.freeze({
  /** Default and maximum lifetime of a new token, in days (16.0+). */
  maxLifetimeDays: 365,
  /** Lifetime of a rotated token when `expires_at` is omitted (expiry required). */
  rotateDefaultDays: 7,
  defaultPerPage: 20,
  /** Over this many results `x-total`, `x-total-pages` and `rel="last"` are omitted. */
  countLimit: 10_000,
});

/** Scopes only personal access tokens may have. @see specs/gitlab.yaml, schema ResourceAccessTokenCreate */
const PERSONAL_ONLY = new Set(["admin_mode", "read_service_ping", "sudo", "read_user"]);
const at = (value: unknown) => Date.parse(String(value));
/**
 * The list filters every token list shares, by query parameter: whether a token passes, given
 * the parameter's value and today's date. A list request with none of them is one page of the
 * stored order. @see specs/gitlab.yaml, components/parameters
 */
const LIST_FILTERS: Readonly<Record<string, (token: GitlabToken, value: unknown, today: string) => boolean>> = Object.freeze({
  revoked: (token, value) => token.revoked === value,
  state: (token, value, today) => (!token.revoked && (token.expiresAt === null || token.expiresAt > today)) === (value === "active"),
  search: (token, value) => typeof value !== "string" || token.name.toLowerCase().includes(value.toLowerCase()),
  created_before: (token, value) => token.createdAt < at(value),
  created_after: (token, value) => token.createdAt > at(value),
  last_used_before: (token, value) => token.lastUsedAt !== null && token.lastUsedAt < at(value),
  last_used_after: (token, value) => token.lastUsedAt !== null && token.lastUsedAt > at(value),
  expires_before: (token, value) => token.expiresAt !== null && token.expiresAt < String(value),
  expires_after: (token, value) => token.expiresAt !== null && token.expiresAt > String(value),
});
const REUSE = /access_tokens\/(\d+|self)\/rotate$/;

/** Options of {@link gitlabEmulator}. */
export interface GitlabEmulatorOptions {
  readonly store: GitlabStore;
  readonly now: () => number;
}

const day = (ms: number) => isoMillis(ms).slice(0, 10);
const message = (status: number, text: string, headers: Record<string, string> = {}) =>
  json(status, { message: text }, "application/json", headers);
const unauthorized = () => message(401, "401 Unauthorized");
const invalidToken = (description: string) => json(401, { error: "invalid_token", error_description: description });
const REVOKED = "Token was revoked. You have to re-authorize from the user.";
const EXPIRED = "Token is expired. You can either do re-authorization or token refresh.";
const badRequest = (reason: string) => message(400, `400 Bad request - ${reason}`);

/** The REST entity of a token (never its secret). @see specs/gitlab.yaml, schemas PersonalAccessToken and ResourceAccessToken */
function entity(token: GitlabToken, now: number): Record<string, unknown> {
  const expired = token.expiresAt !== null && token.expiresAt <= day(now);
  return {
    id: token.id,
    name: token.name,
    revoked: token.revoked,
    created_at: isoMillis(token.createdAt),
    description: token.description,
    scopes: token.scopes,
    user_id: token.userId,
    last_used_at: token.lastUsedAt === null ? null : isoMillis(token.lastUsedAt),
    active: !token.revoked && !expired,
    expires_at: token.expiresAt,
    last_used_ips: [],
    ...(token.kind === "pat" ? {} : { access_level: token.accessLevel, resource_type: token.kind, resource_id: token.resourceId }),
  };
}

/**
 * GitLab's access-token endpoints: `PRIVATE-TOKEN` or `Authorization: Bearer` auth with the
 * operation's `x-token-scopes`, offset pagination headers, expiry rules (365-day maximum and
 * default, one week on rotate), native rotation with token families and reuse detection, and
 * the error bodies of the spec's `ErrorBody`.
 *
 * @see specs/gitlab.yaml
 * @example const emulator = gitlabEmulator({ store, now: Date.now });
 */
export function gitlabEmulator({ store, now }: GitlabEmulatorOptions): Emulator<GitlabPrincipal> {
  const maxDate = () => day(now() + GITLAB_RULES.maxLifetimeDays * DAY_MS);
  const render = (token: GitlabToken, secret = false) => ({ ...entity(token, now()), ...(secret ? { token: token.secret } : {}) });

  function authenticate(request: Request, operation: OperationSpec): GitlabPrincipal | Response {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const secret = request.headers.get("private-token") ?? bearer;
    const token = secret ? store.bySecret(secret.trim()) : undefined;
    const user = token ? store.users.get(token.userId) : undefined;
    if (!token || !user) return unauthorized();
    if (token.revoked) {
      // Automatic reuse detection (16.3): a revoked token on a rotate endpoint revokes its family.
      if (REUSE.test(new URL(request.url).pathname)) store.revokeFamily(token.familyId);
      return invalidToken(REVOKED);
    }
    if (token.expiresAt !== null && token.expiresAt <= day(now())) return invalidToken(EXPIRED);
    const allowed = (operation.extensions["x-token-scopes"] as string[] | undefined) ?? ["api"];
    if (!allowed.includes("any scope") && !allowed.some((scope) => token.scopes.includes(scope)))
      return json(403, {
        error: "insufficient_scope",
        error_description: "The request requires higher privileges than provided by the access token.",
        scope: allowed.join(" "),
      });
    token.lastUsedAt = now();
    return { token, user };
  }

  /** One page of a list, with GitLab's offset pagination headers. */
  function page(context: HandlerContext<GitlabPrincipal>, tokens: readonly GitlabToken[]): Response {
    const { query, url } = context;
    const perPage = (query.per_page as number | undefined) ?? GITLAB_RULES.defaultPerPage;
    const number = (query.page as number | undefined) ?? 1;
    const total = tokens.length;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const slice = tokens.slice((number - 1) * perPage, number * perPage);
    const counted = total <= GITLAB_RULES.countLimit;
    const link = (n: number, rel: string) => {
      const target = new URL(url);
      target.searchParams.set("page", String(n));
      target.searchParams.set("per_page", String(perPage));
      return `<${target}>; rel="${rel}"`;
    };
    const next = number < pages ? String(number + 1) : "";
    const prev = number > 1 ? String(Math.min(number - 1, pages)) : "";
    const links = [
      prev && link(Number(prev), "prev"),
      next && link(Number(next), "next"),
      link(1, "first"),
      counted ? link(pages, "last") : "",
    ];
    return json(
      200,
      slice.map((token) => render(token)),
      "application/json",
      {
        "x-page": String(number),
        "x-per-page": String(perPage),
        "x-next-page": next,
        "x-prev-page": prev,
        ...(counted ? { "x-total": String(total), "x-total-pages": String(pages) } : {}),
        link: links.filter(Boolean).join(", "),
      },
    );
  }

  /** `tokens` that pass every list filter the query names ({@link LIST_FILTERS}); all of them, as they are, when it names none. */
  function filtered(query: Readonly<Record<string, unknown>>, tokens: readonly GitlabToken[]): readonly GitlabToken[] {
    const given = Object.entries(LIST_FILTERS).filter(([name]) => query[name] !== undefined);
    if (given.length === 0) return tokens;
    const today = day(now());
    return tokens.filter((token) => given.every(([name, passes]) => passes(token, query[name], today)));
  }

  /** `expires_at` of a new token: given (at most the maximum lifetime) or the default; `tooLate` names the limit. */
  function expiry(given: unknown, defaultDays: number): { readonly date: string } | { readonly tooLate: string } {
    if (given === undefined) return { date: day(now() + defaultDays * DAY_MS) };
    return String(given) > maxDate() ? { tooLate: `Expires at must be before ${maxDate()}` } : { date: String(given) };
  }

  // ---- personal access tokens
  const visiblePat = ({ principal, path }: HandlerContext<GitlabPrincipal>): GitlabToken | Response => {
    const token = store.get(path.id as number);
    if (principal.user.admin) return token && token.kind === "pat" ? token : message(404, "404 Not found");
    // Not yours or not there: 401 for non-admins (15.3). @see specs/gitlab.yaml, "Upstream quirks"
    return token && token.kind === "pat" && token.userId === principal.user.id ? token : unauthorized();
  };

  function rotated(old: GitlabToken, body: unknown): Response {
    if (old.revoked) return badRequest("Token already revoked");
    const expires = expiry((body as { expires_at?: string } | undefined)?.expires_at, GITLAB_RULES.rotateDefaultDays);
    if ("tooLate" in expires) return badRequest(expires.tooLate);
    return json(200, render(store.rotate(old, expires.date, now()), true));
  }

  // ---- project and group access tokens
  function resource(kind: GitlabTokenKind, context: HandlerContext<GitlabPrincipal>): number | Response {
    const id = Number(context.path.id);
    const exists = kind === "project" ? store.projects.has(id) : store.groups.has(id);
    return exists ? id : message(404, `404 ${kind === "project" ? "Project" : "Group"} Not Found`);
  }
  function resourceToken(kind: GitlabTokenKind, context: HandlerContext<GitlabPrincipal>): GitlabToken | Response {
    const id = resource(kind, context);
    if (id instanceof Response) return id;
    const token = store.get(context.path.token_id as number);
    return token && token.kind === kind && token.resourceId === id ? token : message(404, `404 ${kind} Access Token Not Found`);
  }

  const resourceHandlers = (kind: "project" | "group"): Record<string, Handler<GitlabPrincipal>> => {
    const Kind = kind === "project" ? "Project" : "Group";
    return {
      [`list${Kind}AccessTokens`]: (context) => {
        const id = resource(kind, context);
        if (id instanceof Response) return id;
        const tokens = derived(store, `${kind}:${id}`, () => store.all().filter((token) => token.kind === kind && token.resourceId === id));
        return page(context, filtered(context.query, tokens));
      },
      [`get${Kind}AccessToken`]: (context) => {
        const token = resourceToken(kind, context);
        return token instanceof Response ? token : json(200, render(token));
      },
      [`create${Kind}AccessToken`]: (context) => {
        const id = resource(kind, context);
        if (id instanceof Response) return id;
        // A project or group token cannot create tokens. @see specs/gitlab.yaml, createProjectAccessToken
        if (context.principal.token.kind !== "pat") return badRequest(`User does not have permission to create ${kind} access token`);
        const body = context.body as { name: string; scopes: string[]; description?: string; access_level?: number; expires_at?: string };
        if (body.scopes.some((scope) => PERSONAL_ONLY.has(scope))) return json(400, { error: "scopes does not have a valid value" });
        const expires = expiry(body.expires_at, GITLAB_RULES.maxLifetimeDays);
        if ("tooLate" in expires) return badRequest(expires.tooLate);
        const bot = store.addUser(`${kind}_${id}_bot_${store.users.size}`);
        const token = store.create({
          kind,
          resourceId: id,
          name: body.name,
          description: body.description ?? null,
          scopes: body.scopes,
          userId: bot.id,
          accessLevel: body.access_level ?? 40,
          createdAt: now(),
          expiresAt: expires.date,
        });
        return json(201, render(token, true));
      },
      [`rotate${Kind}AccessToken`]: (context) => {
        const token = resourceToken(kind, context);
        return token instanceof Response ? token : rotated(token, context.body);
      },
      [`rotate${Kind}AccessTokenSelf`]: (context) => {
        const id = resource(kind, context);
        if (id instanceof Response) return id;
        const self = context.principal.token;
        if (self.kind === "pat") return message(405, "405 Method Not Allowed");
        if (self.kind !== kind || self.resourceId !== id) return unauthorized();
        return rotated(self, context.body);
      },
      [`revoke${Kind}AccessToken`]: (context) => {
        const token = resourceToken(kind, context);
        if (token instanceof Response) return token;
        token.revoked = true;
        return empty(204);
      },
    };
  };

  const admin = (principal: GitlabPrincipal) => (principal.user.admin ? undefined : message(403, "403 Forbidden"));

  const handlers: Record<string, Handler<GitlabPrincipal>> = {
    listPersonalAccessTokens: (context) => {
      const { principal, query } = context;
      const userId = query.user_id as number | undefined;
      if (userId !== undefined && !principal.user.admin && userId !== principal.user.id) return unauthorized();
      if (userId !== undefined && principal.user.admin && !store.users.has(userId)) return message(404, "404 Not Found");
      const owner = userId ?? (principal.user.admin ? undefined : principal.user.id);
      const tokens = derived(store, `pat:${owner ?? "all"}`, () =>
        store.all().filter((token) => token.kind === "pat" && (owner === undefined || token.userId === owner)),
      );
      return page(context, filtered(query, tokens));
    },
    // Project and group tokens are personal access tokens of bot users: `self` answers for them too.
    getPersonalAccessTokenSelf: ({ principal }) => json(200, render(principal.token)),
    revokePersonalAccessTokenSelf: ({ principal }) => {
      principal.token.revoked = true;
      return empty(204);
    },
    rotatePersonalAccessTokenSelf: ({ principal, body }) => rotated(principal.token, body),
    getPersonalAccessToken: (context) => {
      const token = visiblePat(context);
      return token instanceof Response ? token : json(200, render(token));
    },
    revokePersonalAccessToken: (context) => {
      const token = visiblePat(context);
      if (token instanceof Response) return token;
      token.revoked = true;
      return empty(204);
    },
    rotatePersonalAccessToken: (context) => {
      const token = visiblePat(context);
      return token instanceof Response ? token : rotated(token, context.body);
    },
    createPersonalAccessTokenForUser: ({ principal, path, body }) => {
      const forbidden = admin(principal);
      if (forbidden) return forbidden;
      const user = store.users.get(path.user_id as number);
      if (!user) return message(404, "404 User Not Found");
      const input = body as { name: string; scopes: string[]; description?: string; expires_at?: string };
      const expires = expiry(input.expires_at, GITLAB_RULES.maxLifetimeDays);
      // The user-token create answers service errors with 422. @see specs/gitlab.yaml, createPersonalAccessTokenForUser
      if ("tooLate" in expires) return message(422, expires.tooLate);
      const token = store.create({
        kind: "pat",
        resourceId: undefined,
        name: input.name,
        description: input.description ?? null,
        scopes: input.scopes,
        userId: user.id,
        accessLevel: undefined,
        createdAt: now(),
        expiresAt: expires.date,
      });
      return json(201, render(token, true));
    },
    identifyToken: ({ principal, body }) => {
      const forbidden = admin(principal);
      if (forbidden) return forbidden;
      const token = store.bySecret((body as { token: string }).token);
      return token ? json(200, render(token)) : json(404, { message: { error: "Not found" } });
    },
    revokeTokenByValue: ({ principal, body }) => {
      const forbidden = admin(principal);
      if (forbidden) return forbidden;
      const token = store.bySecret((body as { token: string }).token);
      if (!token) return json(404, { message: { error: "Not found" } });
      token.revoked = true;
      return empty(204);
    },
    ...resourceHandlers("project"),
    ...resourceHandlers("group"),
  };

  return {
    vendor: "gitlab",
    mediaType: "application/json",
    authenticate,
    badRequest: (problems: readonly Problem[]) =>
      json(400, {
        error: problems.map((problem) => `${problem.name || problem.in} ${problem.name ? "is invalid" : "is missing"}`).join(", "),
      }),
    error: (status, text, headers = {}) =>
      status === 429 ? message(429, "429 Too Many Requests", headers) : message(status, `${status} ${text}`, headers),
    handlers,
  };
}
