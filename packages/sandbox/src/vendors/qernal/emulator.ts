import { DAY_MS, isoMicros } from "../../clock.js";
import { empty, json } from "../../http/responses.js";
import { derived } from "../derived-lists.js";
import type { Emulator, Handler } from "../emulator.js";
import { nameTooLong, SANDBOX_LIMITS, writableDate } from "../limits.js";
import type { QernalStore, QernalToken } from "./store.js";

const MEDIA_TYPE = "application/json";
/** Page size default and maximum, per the vendor's 2025-09-15 revision. */
const PAGE = Object.freeze({ defaultSize: 20, maxSize: 100 });

/** Which list body the emulator sends: the seed-era object, or the 2025-09-15 bare array with `Link`. */
export type QernalListShape = "object" | "array";

/** Options of {@link qernalEmulator}. */
export interface QernalEmulatorOptions {
  readonly store: QernalStore;
  readonly now: () => number;
  /** @default "object" */
  readonly listShape: QernalListShape;
}

/**
 * The Qernal Chaos auth-token endpoints: bearer access tokens from the OAuth2 exchange,
 * `page[after|before|size]` pagination over item offsets (object body with `meta.links`, or
 * a bare array with `Pagination-*` and `Link` headers), create answering 200 with the
 * `<id>@<secret>` once, and delete answering 200 with a body.
 *
 * Where the reference is silent the sandbox chooses: an update that changes
 * `expiry_duration` counts it from now and regenerates the secret (returned in `token`), a
 * rename keeps it; sizes above 100 are clamped; negative page values and durations are 400.
 *
 * @see specs/qernal.yaml
 * @example const emulator = qernalEmulator({ store, now: Date.now, listShape: "object" });
 */
export function qernalEmulator({ store, now, listShape }: QernalEmulatorOptions): Emulator<QernalToken> {
  const error = (status: number, message: string, headers: Record<string, string> = {}) => json(status, { message }, MEDIA_TYPE, headers);
  const badRequest = (fields: Record<string, string>, message = "Invalid fields") => json(400, { message, fields }, MEDIA_TYPE);
  const notFound = () => error(404, "Resource not found");

  const stamp = (ms: number) => isoMicros(ms, (ms * 7919) % 1000);
  const meta = (token: QernalToken) => ({
    id: token.id,
    user_id: token.userId,
    name: token.name,
    ...(token.expiresAt === undefined ? {} : { expiry_at: stamp(token.expiresAt) }),
    date: { created_at: stamp(token.createdAt), updated_at: stamp(token.updatedAt) },
  });
  const own = (id: unknown, principal: QernalToken) => {
    const token = store.get(id as string);
    return token && token.userId === principal.userId ? token : undefined;
  };
  const expiry = (days: number, from: number) => (days === 0 ? undefined : from + days * DAY_MS);

  const list: Handler<QernalToken> = ({ query, url, principal }) => {
    const page = (query.page ?? {}) as { before?: number; after?: number; size?: number };
    for (const key of ["before", "after"] as const) {
      const value = page[key];
      if (value !== undefined && value < 0) return badRequest({ [`page[${key}]`]: "must not be negative" });
    }
    if (page.size !== undefined && page.size < 1) return badRequest({ "page[size]": "must be at least 1" });
    const size = Math.min(page.size ?? PAGE.defaultSize, PAGE.maxSize);
    const { userId } = principal;
    const tokens = derived(store, `user:${userId}`, () => store.all().filter((token) => token.userId === userId));
    // `after` and `before` are item offsets, as upstream's links use them.
    const start = Math.min(tokens.length, page.after ?? (page.before === undefined ? 0 : Math.max(0, page.before - size)));
    const items = tokens.slice(start, start + size);
    const end = start + items.length;
    const link = (param: "after" | "before", offset: number) => `/auth/tokens?page[${param}]=${offset}&page[size]=${size}`;
    const pages = Math.ceil(tokens.length / size);
    if (listShape === "object") {
      // Upstream requires both links even at the edges: they point at the (empty) pages beyond.
      const body = {
        meta: { results: tokens.length, start, end, pages, links: { prev: link("before", start), next: link("after", end) } },
        data: items.map(meta),
      };
      return json(200, body, MEDIA_TYPE);
    }
    const base = `${url.origin}${url.pathname.slice(0, -"/auth/tokens".length)}`;
    const links = [`<${base}${link("after", 0)}>; rel="first"`];
    if (start > 0) links.push(`<${base}${link("before", start)}>; rel="prev"`);
    if (end < tokens.length) links.push(`<${base}${link("after", end)}>; rel="next"`);
    links.push(`<${base}${link("after", Math.max(0, (pages - 1) * size))}>; rel="last"`);
    const headers = {
      "pagination-total-count": String(tokens.length),
      "pagination-page-size": String(size),
      "pagination-page-after": String(start),
      "pagination-page-before": String(end),
      "pagination-total-pages": String(pages),
      link: links.join(", "),
    };
    return json(200, items.map(meta), MEDIA_TYPE, headers);
  };

  /** What is wrong with a name or a lifetime the sandbox cannot store (see `SANDBOX_LIMITS`). */
  const limitProblem = (name: string | undefined, days: number | undefined, at: number) => {
    if (name !== undefined && nameTooLong(name)) return badRequest({ name: `must be at most ${SANDBOX_LIMITS.nameLength} characters` });
    if (days !== undefined && days < 0) return badRequest({ expiry_duration: "must be 0 (never expires) or a number of days" });
    // The reference declares no maximum (int32 in the Go client); an expiry past year 9999
    // cannot be written as `expiry_at`, so it is refused.
    const expiresAt = days === undefined ? undefined : expiry(days, at);
    if (expiresAt !== undefined && !writableDate(expiresAt)) return badRequest({ expiry_duration: "ends after 9999-12-31" });
    return undefined;
  };

  const create: Handler<QernalToken> = ({ body }) => {
    const request = body as { name: string; expiry_duration: number };
    const at = now();
    const problem = limitProblem(request.name, request.expiry_duration, at);
    if (problem) return problem;
    const token = store.create({ name: request.name, expiresAt: expiry(request.expiry_duration, at), createdAt: at, updatedAt: at });
    return json(200, { ...meta(token), token: token.secret }, MEDIA_TYPE);
  };

  const get: Handler<QernalToken> = ({ path, principal }) => {
    const token = own(path.token_id, principal);
    return token ? json(200, meta(token), MEDIA_TYPE) : notFound();
  };

  const update: Handler<QernalToken> = ({ path, body, principal }) => {
    const token = own(path.token_id, principal);
    if (!token) return notFound();
    const changes = body as { name?: string; expiry_duration?: number };
    const at = now();
    const problem = limitProblem(changes.name, changes.expiry_duration, at);
    if (problem) return problem;
    store.update(token, {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.expiry_duration === undefined ? {} : { expiresAt: expiry(changes.expiry_duration, at) }),
      updatedAt: at,
    });
    if (changes.expiry_duration === undefined) return json(200, meta(token), MEDIA_TYPE);
    store.regenerate(token);
    return json(200, { ...meta(token), token: token.secret }, MEDIA_TYPE);
  };

  const remove: Handler<QernalToken> = ({ path, principal }) => {
    const token = own(path.token_id, principal);
    if (!token) return notFound();
    store.delete(token);
    return json(200, { message: "Resource deleted" }, MEDIA_TYPE);
  };

  return {
    vendor: "qernal",
    mediaType: MEDIA_TYPE,
    authenticate(request) {
      const header = request.headers.get("authorization");
      // RFC 6750 §3.1: 401 with a challenge (the spec declares no body); a request that sent
      // no credentials gets no error code, one whose token failed gets `invalid_token`.
      if (header === null) return empty(401, { "www-authenticate": "Bearer" });
      const match = /^Bearer (\S+)$/i.exec(header);
      const token = match?.[1] ? store.authenticate(match[1], now()) : undefined;
      return (
        token ??
        empty(401, {
          "www-authenticate": `Bearer error="invalid_token", error_description="The access token is malformed, expired or revoked"`,
        })
      );
    },
    badRequest: (problems) => {
      const fields: Record<string, string> = {};
      for (const p of problems) fields[p.name.replace(/^page\.(\w+)/, "page[$1]") || p.in] ??= p.message;
      return badRequest(fields, problems.some((p) => p.message === "is required") ? "Missing fields" : "Invalid fields");
    },
    error,
    handlers: {
      "auth-tokens-list": list,
      "auth-tokens-create": create,
      "auth-tokens-get": get,
      "auth-tokens-update": update,
      "auth-tokens-delete": remove,
    },
  };
}
