import { isoMillis } from "../../clock.js";
import { empty, json } from "../../http/responses.js";
import type { OperationSpec } from "../../openapi/operations.js";
import type { Problem } from "../../openapi/validator.js";
import type { Emulator, Handler } from "../emulator.js";
import { nameTooLong, SANDBOX_LIMITS, writableDate } from "../limits.js";
import { PageCursors } from "./cursors.js";
import { DEFAULT_FIELDS, EVERY_FIELD, type Field, parseFields, project } from "./fields.js";
import { parseSelector } from "./selector.js";
import type { DynatraceSortKey, DynatraceStore, DynatraceToken } from "./store.js";
import { parseTimeExpression } from "./time-expression.js";

const MEDIA_TYPE = "application/json; charset=utf-8";
const DEFAULT_PAGE_SIZE = 200;
const DEFAULT_SORT = "-creationDate";

/**
 * Scopes the D1 spec reports on existing tokens but does not offer at creation.
 *
 * @see specs/dynatrace.yaml, schema ApiTokenScope
 */
const LEGACY_SCOPES = new Set(["DiagnosticExport", "MemoryDump", "Mobile", "ViewDashboard", "ViewReport", "WriteSyntheticData"]);

/** What a Dynatrace scope looks like: a known name, or `area.action` for ones added upstream since. */
const SCOPE_SHAPE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;

/** Options of {@link dynatraceEmulator}. */
export interface DynatraceEmulatorOptions {
  readonly store: DynatraceStore;
  readonly now: () => number;
  /** Scope names the spec lists (its `ApiTokenScope` enum). */
  readonly knownScopes: ReadonlySet<string>;
}

/**
 * The Dynatrace Environment API v2 token endpoints: `Api-Token` auth with the operation's
 * `x-token-scopes`, cursor pagination with the cursor-alone rule, `fields`, selectors and
 * sorting, the secret only at creation, and no deleting or disabling the calling token.
 *
 * @see specs/dynatrace.yaml
 * @example const emulator = dynatraceEmulator({ store, now: Date.now, knownScopes });
 */
export function dynatraceEmulator({ store, now, knownScopes }: DynatraceEmulatorOptions): Emulator<DynatraceToken> {
  const cursors = new PageCursors();
  const error = (status: number, message: string, headers: Record<string, string> = {}, violations?: readonly object[]) =>
    json(status, { error: { code: status, message, ...(violations ? { constraintViolations: violations } : {}) } }, MEDIA_TYPE, headers);
  const violation = (where: Problem["in"], path: string, message: string) => ({
    path,
    message,
    parameterLocation: PARAMETER_LOCATIONS[where],
    location: where,
  });
  const badRequest = (where: Problem["in"], path: string, message: string) =>
    error(400, "Constraints violated.", {}, [violation(where, path, message)]);
  // An ErrorEnvelope like every other error (D5's blanket 4XX rule): a bodiless 404 without a
  // content type makes Dynatrace's own SDK fail in its content-type parsing.
  const notFound = () => error(404, "The requested token could not be found.");
  const nameProblem = (name: string | undefined) =>
    name !== undefined && nameTooLong(name)
      ? badRequest("body", "name", `must be at most ${SANDBOX_LIMITS.nameLength} characters`)
      : undefined;

  function scopeProblem(scopes: readonly string[]): Response | undefined {
    for (const [index, scope] of scopes.entries()) {
      if (LEGACY_SCOPES.has(scope)) return badRequest("body", `scopes[${index}]`, `${scope} is a legacy scope and cannot be granted`);
      if (!knownScopes.has(scope) && !SCOPE_SHAPE.test(scope)) return badRequest("body", `scopes[${index}]`, `unknown scope ${scope}`);
    }
    return undefined;
  }

  const list: Handler<DynatraceToken> = ({ url, query }) => {
    const cursor = query.nextPageKey as string | undefined;
    if (cursor !== undefined) {
      const others = [...new Set(url.searchParams.keys())].filter((name) => name !== "nextPageKey");
      if (others.length) return badRequest("query", "nextPageKey", `must be sent alone; omit ${others.join(", ")} with a cursor`);
      const resolved = cursors.resolve(cursor);
      if (!resolved) return badRequest("query", "nextPageKey", "is invalid or expired; start again from the first page");
      const { listing, number, offset } = resolved;
      const end = offset + listing.pageSize;
      return page(
        listing.tokens,
        listing.tokens.slice(offset, end).filter((token) => store.has(token)),
        listing.pageSize,
        listing.fields,
        end < listing.tokens.length ? cursors.key(number, end) : null,
      );
    }
    const pageSize = (query.pageSize as number | undefined) ?? DEFAULT_PAGE_SIZE;
    let fields: ReadonlySet<Field> = new Set(DEFAULT_FIELDS);
    if (query.fields !== undefined) {
      const parsed = parseFields(query.fields as string);
      if (typeof parsed === "string") return badRequest("query", "fields", parsed);
      fields = parsed;
    }
    const filters: ((token: DynatraceToken) => boolean)[] = [];
    if (query.apiTokenSelector !== undefined) {
      const selector = parseSelector(query.apiTokenSelector as string);
      if (typeof selector === "string") return badRequest("query", "apiTokenSelector", selector);
      filters.push(selector);
    }
    for (const bound of ["from", "to"] as const) {
      if (query[bound] === undefined) continue;
      const at = parseTimeExpression(query[bound] as string, now());
      if (at === undefined) return badRequest("query", bound, "is not a valid time");
      // The timeframe applies to the last use: a token never used is outside any timeframe.
      filters.push(
        bound === "from"
          ? (t) => t.lastUsedDate !== undefined && t.lastUsedDate >= at
          : (t) => t.lastUsedDate !== undefined && t.lastUsedDate <= at,
      );
    }
    const sort = (query.sort as string | undefined) ?? DEFAULT_SORT;
    const key = sort.replace(/^[+-]/, "") as DynatraceSortKey;
    const ascending = store.sortedBy(key);
    const ordered = sort.startsWith("-") ? [...ascending].reverse() : ascending;
    const tokens = filters.length ? ordered.filter((token) => filters.every((f) => f(token))) : ordered;
    const next = tokens.length > pageSize ? cursors.key(cursors.keep({ tokens, pageSize, fields }), pageSize) : null;
    return page(tokens, tokens.slice(0, pageSize), pageSize, fields, next);
  };

  const page = (
    all: readonly DynatraceToken[],
    items: readonly DynatraceToken[],
    pageSize: number,
    fields: ReadonlySet<Field>,
    nextPageKey: string | null,
  ) => json(200, { totalCount: all.length, pageSize, nextPageKey, apiTokens: items.map((token) => project(token, fields)) }, MEDIA_TYPE);

  const create: Handler<DynatraceToken> = ({ body, principal }) => {
    const request = body as { name: string; scopes: string[]; personalAccessToken?: boolean; expirationDate?: string };
    const problem = nameProblem(request.name) ?? scopeProblem(request.scopes);
    if (problem) return problem;
    let expirationDate: number | undefined;
    if (request.expirationDate !== undefined) {
      expirationDate = parseTimeExpression(request.expirationDate, now());
      if (expirationDate === undefined) return badRequest("body", "expirationDate", "is not a valid time");
      if (expirationDate <= now()) return badRequest("body", "expirationDate", "must not be in the past");
      if (!writableDate(expirationDate)) return badRequest("body", "expirationDate", "must not be later than 9999-12-31T23:59:59.999Z");
    }
    const token = store.create({
      name: request.name,
      scopes: [...new Set(request.scopes)],
      enabled: true,
      personalAccessToken: request.personalAccessToken ?? false,
      // The new token belongs to the owner of the token that made the call.
      owner: principal.owner,
      creationDate: now(),
      modifiedDate: undefined,
      expirationDate,
      lastUsedDate: undefined,
      lastUsedIpAddress: undefined,
      additionalMetadata: {},
    });
    return json(
      201,
      { id: token.id, token: token.secret, ...(expirationDate === undefined ? {} : { expirationDate: isoMillis(expirationDate) }) },
      MEDIA_TYPE,
    );
  };

  const get: Handler<DynatraceToken> = ({ path }) => {
    const token = store.get(path.id as string);
    return token ? json(200, project(token, EVERY_FIELD), MEDIA_TYPE) : notFound();
  };

  const update: Handler<DynatraceToken> = ({ path, body, principal }) => {
    const token = store.get(path.id as string);
    if (!token) return notFound();
    const changes = body as { name?: string; enabled?: boolean; scopes?: string[] };
    if (changes.enabled === false && token === principal) return error(400, "You can't disable the token you're using for authentication.");
    if (changes.name !== undefined && changes.name.trim() === "") return badRequest("body", "name", "must not be empty");
    const tooLong = nameProblem(changes.name);
    if (tooLong) return tooLong;
    if (changes.scopes !== undefined) {
      if (changes.scopes.length === 0) return badRequest("body", "scopes", "must not be empty");
      const problem = scopeProblem(changes.scopes);
      if (problem) return problem;
    }
    // Renaming or changing scopes counts as a modification; enabling or disabling does not.
    const modified = changes.name !== undefined || changes.scopes !== undefined;
    store.update(token, {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.enabled === undefined ? {} : { enabled: changes.enabled }),
      ...(changes.scopes === undefined ? {} : { scopes: [...new Set(changes.scopes)] }),
      ...(modified ? { modifiedDate: now() } : {}),
    });
    return empty(204);
  };

  const remove: Handler<DynatraceToken> = ({ path, principal }) => {
    const token = store.get(path.id as string);
    if (!token) return notFound();
    if (token === principal) return error(400, "You can't delete the token you're using for authentication.");
    // A personal-access-token caller may delete only its own tokens (newer docs).
    if (principal.personalAccessToken && token.owner !== principal.owner) return error(403, "Access denied.");
    store.delete(token);
    return empty(204);
  };

  const lookup: Handler<DynatraceToken> = ({ body }) => {
    const token = store.bySecret((body as { token: string }).token);
    return token ? json(200, project(token, EVERY_FIELD), MEDIA_TYPE) : notFound();
  };

  return {
    vendor: "dynatrace",
    mediaType: MEDIA_TYPE,
    authenticate: (request, operation) => authenticate(store, now(), request, operation, error),
    badRequest: (problems) =>
      error(
        400,
        "Constraints violated.",
        {},
        problems.map((p) => violation(p.in, p.name, p.message)),
      ),
    error,
    handlers: {
      listApiTokens: list,
      createApiToken: create,
      getApiToken: get,
      updateApiToken: update,
      deleteApiToken: remove,
      lookupApiToken: lookup,
    } satisfies Record<string, Handler<DynatraceToken>>,
  };
}

const PARAMETER_LOCATIONS: Readonly<Record<Problem["in"], string>> = {
  path: "PATH",
  query: "QUERY",
  header: "HEADER",
  body: "PAYLOAD_BODY",
};

/**
 * `Authorization: Api-Token <secret>`: an unknown, disabled or expired token, or one without
 * the operation's `x-token-scopes`, gets 401 (D6: a missing scope is a 401 too). A token that
 * passes has its last use recorded.
 */
function authenticate(
  store: DynatraceStore,
  now: number,
  request: Request,
  operation: OperationSpec,
  error: (status: number, message: string) => Response,
): DynatraceToken | Response {
  const header = request.headers.get("authorization");
  if (!header) return error(401, "Missing authorization parameter.");
  const match = /^Api-Token (\S+)$/i.exec(header);
  if (!match?.[1]) return error(401, "Authorization header must be 'Api-Token <token>'.");
  const token = store.bySecret(match[1]);
  if (!token) return error(401, "Token Authentication failed");
  if (!token.enabled) return error(401, "Token is disabled");
  if (token.expirationDate !== undefined && token.expirationDate <= now) return error(401, "Token is expired");
  const required = operation.extensions["x-token-scopes"];
  const scopes = Array.isArray(required)
    ? required.filter((scope): scope is string => typeof scope === "string" && !scope.includes(" "))
    : [];
  if (scopes.length && !scopes.some((scope) => token.scopes.includes(scope))) return error(401, "Token is missing required scope.");
  store.touch(token, now, clientAddress(request));
  return token;
}

/** The caller's address as a proxy would forward it; the sandbox listens on loopback otherwise. */
function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "127.0.0.1";
}
