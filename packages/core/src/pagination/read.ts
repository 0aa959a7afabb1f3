import type { PageInit } from "../paginate.js";

/**
 * The value at a dotted path of a body (`"meta.links.next"`); the body itself for `""` or
 * `undefined`.
 *
 * @example valueAt({ meta: { end: 40 } }, "meta.end") // 40
 */
export function valueAt(data: unknown, path: string | undefined): unknown {
  if (!path) return data;
  let value = data;
  for (const key of path.split("."))
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * The items of a page: the body when it is an array (Qernal's newer bodies, GitLab), else the
 * array at `path` (`apiTokens`); none when it holds no array (its shape check, where declared,
 * has refused such a page already).
 */
export function itemsAt(data: unknown, path: string | undefined): readonly unknown[] {
  const items = Array.isArray(data) ? data : valueAt(data, path);
  return Array.isArray(items) ? items : [];
}

/**
 * The target of the `Link` header's `rel="next"`, if any.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8288#section-3
 */
export function nextLink(headers: Headers): string | undefined {
  return /<([^>]*)>\s*;[^,]*\brel="?next"?/i.exec(headers.get("link") ?? "")?.[1];
}

/** A query parameter of a link (relative or absolute), `null` when absent. */
export function linkParam(link: string, name: string): string | null {
  return new URL(link, "https://link.invalid").searchParams.get(name);
}

/** `init` with one query parameter set, the rest of its request options kept. */
export function withQuery(init: PageInit, name: string, value: unknown): PageInit {
  const params = (init.params ?? {}) as { query?: Record<string, unknown> };
  return { ...init, params: { ...params, query: { ...params.query, [name]: value } } };
}
