import { isoSeconds } from "../../clock.js";
import { empty, json } from "../../http/responses.js";
import type { Random } from "../../random.js";
import { derived } from "../derived-lists.js";
import type { Emulator, Handler } from "../emulator.js";
import { nameTooLong, SANDBOX_LIMITS, writableDate } from "../limits.js";
import type { TimewebStore, TimewebToken } from "./store.js";

const MEDIA_TYPE = "application/json";

/**
 * `error_code` per status, as the upstream examples word them (an open list).
 *
 * @see specs/timeweb.yaml, schema ErrorResponse
 */
const ERROR_CODES: Readonly<Record<number, string>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  429: "too_many_requests",
  500: "internal_server_error",
  503: "service_unavailable",
};

/** Options of {@link timewebEmulator}. */
export interface TimewebEmulatorOptions {
  readonly store: TimewebStore;
  readonly now: () => number;
  /** Draws the `response_id` of each answer. */
  readonly random: Random;
}

/**
 * The Timeweb Cloud API-keys endpoints: `Bearer <JWT>` auth, the whole list at once with
 * `meta.total`, the secret only on create and reissue, and reissue keeping the id while
 * issuing a new JWT (the old one stops working). Every answer carries a `response_id`.
 *
 * @see specs/timeweb.yaml
 * @example const emulator = timewebEmulator({ store, now: Date.now, random });
 */
export function timewebEmulator({ store, now, random }: TimewebEmulatorOptions): Emulator<TimewebToken> {
  const error = (status: number, message: string | readonly string[], headers: Record<string, string> = {}) =>
    json(
      status,
      { status_code: status, error_code: ERROR_CODES[status] ?? `http_${status}`, message, response_id: random.uuid() },
      MEDIA_TYPE,
      headers,
    );

  const apiKey = (token: TimewebToken) => ({
    id: token.id,
    created_at: isoSeconds(token.createdAt),
    name: token.name,
    expired_at: token.expiredAt === undefined ? null : isoSeconds(token.expiredAt),
    is_able_to_delete: token.isAbleToDelete,
  });
  const createdApiKey = (token: TimewebToken) => ({
    token: token.secret,
    id: token.id,
    created_at: isoSeconds(token.createdAt),
    name: token.name,
    expired_at: token.expiredAt === undefined ? null : isoSeconds(token.expiredAt),
  });

  /** An `expire` must lie ahead: a token that is born expired is refused. */
  function expiry(expire: string | undefined): number | undefined | Response {
    if (expire === undefined) return undefined;
    const at = Date.parse(expire);
    if (!writableDate(at)) return error(400, "expire must be a date-time up to 9999-12-31T23:59:59Z");
    return at > now() ? at : error(400, "expire must be a date-time in the future");
  }

  const nameProblem = (name: string | undefined) =>
    name !== undefined && nameTooLong(name) ? error(400, `name must be at most ${SANDBOX_LIMITS.nameLength} characters`) : undefined;

  const list: Handler<TimewebToken> = () => {
    // Newest first, kept until a token is created, reissued or deleted: one sort per change, not per request.
    const tokens = derived(store, "newest-first", () => store.all().sort((a, b) => b.createdAt - a.createdAt));
    return json(200, { meta: { total: tokens.length }, api_keys: tokens.map(apiKey), response_id: random.uuid() }, MEDIA_TYPE);
  };

  const create: Handler<TimewebToken> = ({ body }) => {
    const request = body as { name: string; expire?: string; is_able_to_delete?: boolean; roles?: string[]; projects?: number[] | null };
    const tooLong = nameProblem(request.name);
    if (tooLong) return tooLong;
    const expiredAt = expiry(request.expire);
    if (expiredAt instanceof Response) return expiredAt;
    const token = store.create({
      name: request.name,
      createdAt: now(),
      expiredAt,
      isAbleToDelete: request.is_able_to_delete ?? false,
      roles: request.roles,
      projects: request.projects,
    });
    return json(201, { api_key: createdApiKey(token), response_id: random.uuid() }, MEDIA_TYPE);
  };

  const remove: Handler<TimewebToken> = ({ path }) => {
    const token = store.get(path.token_id as string);
    if (!token) return error(404, "Resource not found");
    store.delete(token);
    return empty(204);
  };

  const reissue: Handler<TimewebToken> = ({ path, body }) => {
    const token = store.get(path.token_id as string);
    if (!token) return error(404, "Resource not found");
    const expiredAt = expiry((body as { expire?: string } | undefined)?.expire);
    if (expiredAt instanceof Response) return expiredAt;
    // Without a new `expire` the token keeps its expiry.
    store.reissue(token, now(), expiredAt ?? token.expiredAt);
    return json(200, { api_key: createdApiKey(token), response_id: random.uuid() }, MEDIA_TYPE);
  };

  const update: Handler<TimewebToken> = ({ path, body }) => {
    const token = store.get(path.token_id as string);
    if (!token) return error(404, "Resource not found");
    const changes = body as { name?: string; is_able_to_delete?: boolean };
    const tooLong = nameProblem(changes.name);
    if (tooLong) return tooLong;
    store.update(token, {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.is_able_to_delete === undefined ? {} : { isAbleToDelete: changes.is_able_to_delete }),
    });
    return json(200, { api_key: apiKey(token), response_id: random.uuid() }, MEDIA_TYPE);
  };

  return {
    vendor: "timeweb",
    mediaType: MEDIA_TYPE,
    authenticate(request) {
      // A missing, malformed, unknown, revoked or expired bearer token: 401.
      const match = /^Bearer (\S+)$/i.exec(request.headers.get("authorization") ?? "");
      const token = match?.[1] ? store.bySecret(match[1]) : undefined;
      if (!token || (token.expiredAt !== undefined && token.expiredAt <= now())) return error(401, "Unauthorized");
      return token;
    },
    badRequest: (problems) => {
      const messages = problems.map((p) => `${p.name || p.in} ${p.message}`);
      return error(400, messages.length === 1 ? (messages[0] as string) : messages);
    },
    error,
    handlers: { getTokens: list, createToken: create, deleteToken: remove, reissueToken: reissue, updateToken: update },
  };
}
