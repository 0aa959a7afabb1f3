import type { JsonSchema, OpenApiDocument } from "./document.js";
import { resolveRef } from "./document.js";
import type { ParameterSpec } from "./operations.js";

/**
 * The JSON types a schema admits, looking through `$ref`, `anyOf`, `oneOf` and `allOf`.
 *
 * @example typesOf(document, { type: ["string", "null"] }) // Set { "string", "null" }
 */
export function typesOf(document: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): Set<string> {
  const types = new Set<string>();
  if (!schema || depth > 8) return types;
  const resolved = resolveRef<JsonSchema>(document, schema, "#").value;
  const type = resolved.type;
  if (typeof type === "string") types.add(type);
  if (Array.isArray(type)) for (const t of type) types.add(String(t));
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const branches = resolved[key];
    if (Array.isArray(branches))
      for (const branch of branches) for (const t of typesOf(document, branch as JsonSchema, depth + 1)) types.add(t);
  }
  return types;
}

/**
 * Turns the text of a path, query or header value into the JSON value its schema expects
 * (`"500"` → `500` for an integer), so the schema can judge it. Text that does not look like
 * the type stays text, and the schema refuses it.
 *
 * @example coerceText(document, { type: "integer" }, "500") // 500
 */
export function coerceText(document: OpenApiDocument, schema: JsonSchema | undefined, text: string): unknown {
  const types = typesOf(document, schema);
  if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (types.has("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}

/**
 * The value of one query parameter, or `undefined` when absent: a deep object
 * (`page[size]=20&page[after]=40`) becomes `{ size: 20, after: 40 }`, with each member coerced
 * by its property schema.
 *
 * @example queryValue(document, pageParameter, new URLSearchParams("page[size]=20")) // { size: 20 }
 */
export function queryValue(document: OpenApiDocument, parameter: ParameterSpec, query: URLSearchParams): unknown {
  if (parameter.style !== "deepObject") {
    const text = query.get(parameter.name);
    return text === null ? undefined : coerceText(document, parameter.schema?.schema, text);
  }
  const schema = parameter.schema ? resolveRef<JsonSchema>(document, parameter.schema.schema, parameter.schema.pointer).value : undefined;
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const prefix = `${parameter.name}[`;
  const value: Record<string, unknown> = {};
  let present = false;
  for (const [key, text] of query) {
    if (!key.startsWith(prefix) || !key.endsWith("]")) continue;
    const member = key.slice(prefix.length, -1);
    if (member in value) continue;
    present = true;
    value[member] = coerceText(document, properties[member], text);
  }
  return present ? value : undefined;
}
