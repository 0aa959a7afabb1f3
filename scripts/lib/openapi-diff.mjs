/**
 * What a change to an OpenAPI 3.1 document breaks for users of a client generated from it:
 * the pure comparison behind `scripts/spec-diff.mjs`.
 *
 * Direction matters. A request value is written by the user, so the spec may widen it but
 * not narrow it (a removed type, enum value or field, a newly required field or parameter
 * breaks callers). A response value is read by the user, so the spec may narrow it but not
 * widen it (a new type such as `null`, a field that is no longer always present, or a removed
 * field breaks readers). Removed enum values are reported either way, as the reviewer's
 * checklist asks. Additions that callers may ignore (an optional field or parameter, a new
 * operation, a new enum value in a request) are not reported.
 *
 * `integer` and `number` count as one type: both are `number` in the generated TypeScript.
 * Only local `$ref`s (`#/…`) are followed; the specs are single files.
 *
 * @see https://spec.openapis.org/oas/v3.1.0
 */

/** The kinds of breaking change, as stable identifiers (the `--json` output uses them). */
export const BREAKING_KINDS = Object.freeze([
  "removed-operation",
  "changed-operation-id",
  "removed-parameter",
  "newly-required-parameter",
  "removed-request-body",
  "newly-required-request-body",
  "removed-media-type",
  "removed-response",
  "removed-response-header",
  "removed-field",
  "retyped-field",
  "newly-required-field",
  "no-longer-required-field",
  "removed-enum-value",
]);

/**
 * @typedef {(typeof BREAKING_KINDS)[number]} BreakingKind
 * @typedef {{ kind: BreakingKind, operation: string, where: string, detail: string }} BreakingChange
 * @typedef {"request" | "response"} Direction
 * @typedef {Record<string, any>} Node
 * @typedef {{ node: object, types: Set<string> | undefined, values: unknown[] | undefined, properties: Map<string, unknown>, required: Set<string>, items: unknown, additional: unknown, variants: unknown[] | undefined }} Shape
 */

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Lists what `next` breaks for users of `previous`. Both are parsed OpenAPI documents.
 *
 * @param {Node} previous
 * @param {Node} next
 * @returns {BreakingChange[]}
 * @example
 * diffSpecs(parse(oldYaml), parse(newYaml))
 * // [{ kind: "removed-field", operation: "GET /apiTokens (listApiTokens)", where: "response 200 application/json: apiTokens[].name", detail: "…" }]
 */
export function diffSpecs(previous, next) {
  /** @type {BreakingChange[]} */
  const changes = [];
  const before = operationsOf(previous);
  const after = operationsOf(next);
  for (const [key, old] of before) {
    const current = after.get(key);
    const label = `${old.method.toUpperCase()} ${old.path}${old.operation.operationId ? ` (${old.operation.operationId})` : ""}`;
    /** @param {BreakingKind} kind @param {string} where @param {string} detail */
    const report = (kind, where, detail) => changes.push({ kind, operation: label, where, detail });
    if (!current) {
      report("removed-operation", "operation", "the operation is gone (or its method or path changed)");
      continue;
    }
    if (old.operation.operationId && current.operation.operationId !== old.operation.operationId) {
      report("changed-operation-id", "operationId", `${old.operation.operationId} → ${current.operation.operationId ?? "(none)"}`);
    }
    /** @type {Context} */
    const context = { report, previous, next, comparing: [] };
    compareParameters(context, old, current);
    compareRequestBody(context, old.operation.requestBody, current.operation.requestBody);
    compareResponses(context, old.operation.responses, current.operation.responses);
  }
  return changes;
}

/**
 * @typedef {object} Context
 * @property {(kind: BreakingKind, where: string, detail: string) => void} report
 * @property {Node} previous
 * @property {Node} next
 * @property {[object, object][]} comparing The schema pairs on the current comparison path.
 */

/**
 * Operations keyed by method and path with parameter names blanked, so renaming `{id}` to
 * `{token_id}` shows up as a parameter change, not as a removed operation.
 *
 * @param {Node} doc
 */
function operationsOf(doc) {
  /** @type {Map<string, { method: string, path: string, operation: Node, shared: unknown[], doc: Node }>} */
  const operations = new Map();
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem) ?? {};
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || typeof operation !== "object") continue;
      const key = `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;
      operations.set(key, { method, path, operation, shared: item.parameters ?? [], doc });
    }
  }
  return operations;
}

/**
 * Follows `$ref`s (local JSON pointers) until a real node.
 *
 * @param {Node} doc
 * @param {unknown} node
 * @returns {any}
 */
export function deref(doc, node) {
  const seen = new Set();
  let current = /** @type {any} */ (node);
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    /** @type {string} */
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`circular $ref: ${ref}`);
    seen.add(ref);
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((/** @type {any} */ at, key) => (at == null ? undefined : at[key]), doc);
    if (current === undefined) throw new Error(`$ref points nowhere: ${ref}`);
  }
  return current;
}

/**
 * @param {Context} context
 * @param {{ operation: Node, shared: unknown[], doc: Node }} old
 * @param {{ operation: Node, shared: unknown[], doc: Node }} current
 */
function compareParameters(context, old, current) {
  const before = parametersOf(old);
  const after = parametersOf(current);
  for (const [key, parameter] of before) {
    const now = after.get(key);
    const where = `${parameter.in} parameter ${parameter.name}`;
    if (!now) {
      context.report("removed-parameter", where, "callers that send it no longer compile");
      continue;
    }
    if (now.required === true && parameter.required !== true)
      context.report("newly-required-parameter", where, "was optional, now required");
    compareSchema(context, parameter.schema, now.schema, where, "request");
  }
  for (const [key, parameter] of after) {
    if (!before.has(key) && parameter.required === true) {
      context.report("newly-required-parameter", `${parameter.in} parameter ${parameter.name}`, "new and required");
    }
  }
}

/**
 * Path-level parameters overridden by operation-level ones, keyed by `in` and `name`.
 *
 * @param {{ operation: Node, shared: unknown[], doc: Node }} entry
 */
function parametersOf({ operation, shared, doc }) {
  /** @type {Map<string, Node>} */
  const parameters = new Map();
  for (const raw of [...shared, ...(operation.parameters ?? [])]) {
    const parameter = deref(doc, raw);
    if (parameter?.name && parameter.in) parameters.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  return parameters;
}

/**
 * @param {Context} context
 * @param {unknown} rawOld
 * @param {unknown} rawNew
 */
function compareRequestBody(context, rawOld, rawNew) {
  const old = deref(context.previous, rawOld);
  const now = deref(context.next, rawNew);
  if (!now) {
    if (old) context.report("removed-request-body", "request body", "callers that send a body no longer compile");
    return;
  }
  if (now.required === true && old?.required !== true) {
    context.report("newly-required-request-body", "request body", old ? "was optional, now required" : "new and required");
  }
  if (!old) return;
  compareContent(context, old.content, now.content, "request body", "request");
}

/**
 * @param {Context} context
 * @param {Node | undefined} before
 * @param {Node | undefined} after
 */
function compareResponses(context, before = {}, after = {}) {
  for (const [status, rawOld] of Object.entries(before)) {
    const where = `response ${status}`;
    if (!(status in after)) {
      // A removed error status narrows what callers handle; a removed success status changes `data`.
      if (/^2|^default$/i.test(status)) context.report("removed-response", where, "the success response is gone");
      continue;
    }
    const old = deref(context.previous, rawOld) ?? {};
    const now = deref(context.next, after[status]) ?? {};
    for (const [name, rawHeader] of Object.entries(old.headers ?? {})) {
      const header = Object.keys(now.headers ?? {}).find((key) => key.toLowerCase() === name.toLowerCase());
      if (!header) {
        context.report("removed-response-header", `${where} header ${name}`, "readers of the header get nothing");
        continue;
      }
      const oldSchema = deref(context.previous, rawHeader)?.schema;
      const newSchema = deref(context.next, now.headers[header])?.schema;
      compareSchema(context, oldSchema, newSchema, `${where} header ${name}`, "response");
    }
    compareContent(context, old.content, now.content, where, "response");
  }
}

/**
 * @param {Context} context
 * @param {Node | undefined} before
 * @param {Node | undefined} after
 * @param {string} where
 * @param {Direction} direction
 */
function compareContent(context, before = {}, after = {}, where, direction) {
  for (const [mediaType, media] of Object.entries(before)) {
    if (!(mediaType in after)) {
      context.report("removed-media-type", `${where} ${mediaType}`, `the ${mediaType} body is gone`);
      continue;
    }
    compareSchema(context, media?.schema, after[mediaType]?.schema, `${where} ${mediaType}`, direction);
  }
}

/**
 * The facts of a schema that decide compatibility, with `allOf` merged.
 *
 * @param {Node} doc
 * @param {unknown} raw
 * @returns {Shape | undefined}
 */
function shapeOf(doc, raw) {
  const schema = deref(doc, raw);
  if (!schema || typeof schema !== "object") return undefined;
  /** @type {Shape} */
  const shape = {
    node: schema,
    types: typesOf(schema),
    values: schema.const !== undefined ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined,
    properties: new Map(Object.entries(schema.properties ?? {})),
    required: new Set(Array.isArray(schema.required) ? schema.required : []),
    items: schema.items,
    additional: typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined,
    variants: schema.oneOf ?? schema.anyOf,
  };
  for (const part of schema.allOf ?? []) {
    const merged = shapeOf(doc, part);
    if (!merged) continue;
    for (const [name, property] of merged.properties) shape.properties.set(name, property);
    for (const name of merged.required) shape.required.add(name);
    shape.types ??= merged.types;
    shape.values ??= merged.values;
    shape.items ??= merged.items;
    shape.variants ??= merged.variants;
  }
  if (!shape.types && shape.properties.size > 0) shape.types = new Set(["object"]);
  return shape;
}

/**
 * JSON types a schema allows, `integer` folded into `number`; `undefined` means any.
 *
 * @param {Node} schema
 */
function typesOf(schema) {
  const declared = schema.type ?? (schema.const !== undefined ? [jsonType(schema.const)] : undefined);
  const values = declared ?? (Array.isArray(schema.enum) ? schema.enum.map(jsonType) : undefined);
  if (values === undefined) return undefined;
  return new Set((Array.isArray(values) ? values : [values]).map((type) => (type === "integer" ? "number" : String(type))));
}

/** @param {unknown} value */
function jsonType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value;
}

/** At most five values, so a 60-value scope enum stays one readable line. @param {unknown[]} values */
function listed(values) {
  const shown = values.slice(0, 5).map((value) => JSON.stringify(value));
  return values.length > 5 ? `${shown.join(", ")} … (${values.length} values)` : shown.join(", ");
}

/** @param {Set<string> | undefined} types */
function typeText(types) {
  return types ? [...types].sort().join(" | ") : "any";
}

/**
 * Compares two schemas at `location` (e.g. `response 200 application/json`); `field` is the
 * path inside it (`apiTokens[].name`), empty at the top.
 *
 * @param {Context} context
 * @param {unknown} rawOld
 * @param {unknown} rawNew
 * @param {string} location
 * @param {Direction} direction
 * @param {string} [field]
 */
function compareSchema(context, rawOld, rawNew, location, direction, field = "") {
  const old = shapeOf(context.previous, rawOld);
  const now = shapeOf(context.next, rawNew);
  if (!old || !now) return;
  // A recursive schema (a tree of nodes) would recurse for ever: stop at a pair already being compared.
  if (context.comparing.some(([a, b]) => a === old.node && b === now.node)) return;
  context.comparing.push([old.node, now.node]);
  try {
    compareShapes(context, old, now, location, direction, field);
  } finally {
    context.comparing.pop();
  }
}

/**
 * @param {Context} context
 * @param {Shape} old
 * @param {Shape} now
 * @param {string} location
 * @param {Direction} direction
 * @param {string} field
 */
function compareShapes(context, old, now, location, direction, field) {
  const where = field ? `${location}: ${field}` : location;
  const child = (/** @type {string} */ name) => (field ? `${field}.${name}` : name);

  if (old.variants || now.variants) {
    compareVariants(context, old, now, location, direction, field);
    return;
  }

  // Types: requests may only widen, responses may only narrow.
  const [wider, narrower] = direction === "request" ? [now.types, old.types] : [old.types, now.types];
  if (wider && (!narrower || [...narrower].some((type) => !wider.has(type)))) {
    context.report("retyped-field", where, `${typeText(old.types)} → ${typeText(now.types)}`);
  }

  // Enums: a removed value is always reported; an enum appearing on a request field, or
  // disappearing from a response field, changes the type.
  if (old.values && now.values) {
    const kept = new Set(now.values.map((value) => JSON.stringify(value)));
    for (const value of old.values) {
      if (!kept.has(JSON.stringify(value))) context.report("removed-enum-value", where, `${JSON.stringify(value)} is no longer allowed`);
    }
  } else if (direction === "request" && now.values && !old.values) {
    context.report("retyped-field", where, `now limited to ${listed(now.values)}`);
  } else if (direction === "response" && old.values && !now.values) {
    context.report("retyped-field", where, `no longer limited to ${listed(old.values)}`);
  }

  for (const [name, property] of old.properties) {
    const path = `${location}: ${child(name)}`;
    if (!now.properties.has(name)) {
      context.report(
        "removed-field",
        path,
        direction === "request" ? "callers that send it no longer compile" : "readers of it get nothing",
      );
      continue;
    }
    if (direction === "request" && now.required.has(name) && !old.required.has(name)) {
      context.report("newly-required-field", path, "was optional, now required");
    }
    if (direction === "response" && old.required.has(name) && !now.required.has(name)) {
      context.report("no-longer-required-field", path, "was always present, now optional");
    }
    compareSchema(context, property, now.properties.get(name), location, direction, child(name));
  }
  if (direction === "request") {
    for (const name of now.required) {
      if (!old.properties.has(name) && !old.required.has(name))
        context.report("newly-required-field", `${location}: ${child(name)}`, "new and required");
    }
  }
  if (old.items && now.items) compareSchema(context, old.items, now.items, location, direction, `${field}[]`);
  if (old.additional && now.additional) compareSchema(context, old.additional, now.additional, location, direction, `${field}{}`);
}

/**
 * `oneOf`/`anyOf`. A request may not lose a variant and a response may not gain one. A
 * variant's counterpart is, in order: the one with the same `$ref` name, an identical one,
 * the one at the same position if of a common type, the first of a common type. So a plain
 * schema that becomes a union (or back) is compared with its own kind.
 *
 * @param {Context} context
 * @param {Shape} old
 * @param {Shape} now
 * @param {string} location
 * @param {Direction} direction
 * @param {string} field
 */
function compareVariants(context, old, now, location, direction, field) {
  const sides = {
    old: { doc: context.previous, variants: old.variants ?? [old.node] },
    new: { doc: context.next, variants: now.variants ?? [now.node] },
  };
  // Each variant of the side that must be kept needs a counterpart on the other side.
  const [must, other] = direction === "request" ? [sides.old, sides.new] : [sides.new, sides.old];
  for (const [index, variant] of must.variants.entries()) {
    const counterpart = counterpartOf({ variant, index, doc: must.doc }, other);
    if (counterpart === undefined) {
      const label = refName(variant) ?? `#${index + 1}`;
      const detail = direction === "request" ? `the ${label} variant is no longer accepted` : `a new ${label} variant may be returned`;
      context.report("retyped-field", field ? `${location}: ${field}` : location, detail);
      continue;
    }
    const [before, after] = must === sides.old ? [variant, counterpart] : [counterpart, variant];
    compareSchema(context, before, after, location, direction, field);
  }
}

/** @param {any} variant */
function refName(variant) {
  return typeof variant?.$ref === "string" ? variant.$ref.split("/").pop() : undefined;
}

/**
 * @param {{ variant: unknown, index: number, doc: Node }} from
 * @param {{ variants: unknown[], doc: Node }} among
 */
function counterpartOf({ variant, index, doc }, among) {
  const name = refName(variant);
  if (name) {
    const named = among.variants.find((candidate) => refName(candidate) === name);
    if (named) return named;
  }
  const text = JSON.stringify(deref(doc, variant));
  const identical = among.variants.find((candidate) => JSON.stringify(deref(among.doc, candidate)) === text);
  if (identical) return identical;
  const types = shapeOf(doc, variant)?.types;
  const common = (/** @type {unknown} */ candidate) => {
    const other = shapeOf(among.doc, candidate)?.types;
    return !types || !other || [...types].some((type) => other.has(type));
  };
  const sameIndex = among.variants[index];
  if (sameIndex !== undefined && common(sameIndex)) return sameIndex;
  return among.variants.find(common);
}
