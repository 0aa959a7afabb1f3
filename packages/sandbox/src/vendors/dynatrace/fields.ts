import { isoMillis } from "../../clock.js";
import type { DynatraceToken } from "./store.js";

/** The properties of `ApiToken` that `fields` can choose. `id` is always returned. */
export const ALL_FIELDS = [
  "name",
  "enabled",
  "personalAccessToken",
  "owner",
  "creationDate",
  "modifiedDate",
  "expirationDate",
  "lastUsedDate",
  "lastUsedIpAddress",
  "scopes",
  "additionalMetadata",
] as const;

/** A property `fields` can choose. */
export type Field = (typeof ALL_FIELDS)[number];

/**
 * The default set of `GET /apiTokens` items.
 *
 * @see specs/dynatrace.yaml, parameter fields
 */
export const DEFAULT_FIELDS: readonly Field[] = ["name", "enabled", "owner", "creationDate"];

/**
 * Parses the `fields` grammar: `-a,-b` removes from the default set, `+a,+b` adds to it
 * (both may be mixed), a plain list replaces it. Returns the set, or what is wrong.
 *
 * @example parseFields("+scopes,-owner") // Set { "name", "enabled", "creationDate", "scopes" }
 */
export function parseFields(text: string): ReadonlySet<Field> | string {
  const items = text.split(",");
  const signed = items.filter((item) => item.startsWith("+") || item.startsWith("-"));
  if (signed.length > 0 && signed.length < items.length) return "mixes a plain field list with +/- changes";
  const fields = new Set<Field>(signed.length ? DEFAULT_FIELDS : []);
  for (const item of items) {
    const name = signed.length ? item.slice(1) : item;
    if (name === "id") continue;
    if (!(ALL_FIELDS as readonly string[]).includes(name)) {
      return name.startsWith(" ")
        ? `unknown field "${name}": a "+" must be sent as %2B, or it arrives as a space`
        : `unknown field "${name}"; known: id, ${ALL_FIELDS.join(", ")}`;
    }
    if (item.startsWith("-")) fields.delete(name as Field);
    else fields.add(name as Field);
  }
  return fields;
}

/**
 * A token as `ApiToken` JSON with only the chosen properties (and `id`); absent dates stay
 * absent, as the spec says (never used, never expires, never modified).
 *
 * @example project(token, new Set(["name"])) // { id: "dt0c01.…", name: "ci" }
 */
export function project(token: DynatraceToken, fields: ReadonlySet<Field>): Record<string, unknown> {
  const all: Record<Field, unknown> = {
    name: token.name,
    enabled: token.enabled,
    personalAccessToken: token.personalAccessToken,
    owner: token.owner,
    creationDate: isoMillis(token.creationDate),
    modifiedDate: token.modifiedDate === undefined ? undefined : isoMillis(token.modifiedDate),
    expirationDate: token.expirationDate === undefined ? undefined : isoMillis(token.expirationDate),
    lastUsedDate: token.lastUsedDate === undefined ? undefined : isoMillis(token.lastUsedDate),
    lastUsedIpAddress: token.lastUsedIpAddress,
    scopes: token.scopes,
    additionalMetadata: token.additionalMetadata,
  };
  const out: Record<string, unknown> = { id: token.id };
  for (const field of ALL_FIELDS) if (fields.has(field) && all[field] !== undefined) out[field] = all[field];
  return out;
}

/** Every property: what get and lookup return. */
export const EVERY_FIELD: ReadonlySet<Field> = new Set(ALL_FIELDS);
