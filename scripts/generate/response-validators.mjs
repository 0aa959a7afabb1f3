/**
 * Emits `src/generated/validators.ts`: one standalone check per success response of each
 * operation, compiled from the spec's JSON schemas at generate time (no `eval`, no
 * `new Function`, no run-time dependency). A check returns the first mismatch as
 * `{ pointer, expected }` (RFC 6901 pointer into the body) or `undefined`.
 *
 * The schema subset our specs use: `type` (also as a list, e.g. `[string, "null"]`), `nullable`,
 * `properties`, `required`, `items`, `enum`, `const`, `oneOf`/`anyOf` (any alternative that
 * matches will do: a check of shape, not of exclusivity), `allOf`, `additionalProperties`
 * (`false` or a schema) and `$ref` to `#/components/schemas`. Formats, lengths and patterns are
 * not shape and are not checked. Pointers are built only on a mismatch, so a well-formed answer
 * costs type tests and nothing else.
 */

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

function resolve(doc, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 20; hops++) {
    const path = current.$ref.replace(/^#\//, "").split("/").map(unescapePointer);
    current = path.reduce((acc, key) => acc?.[key], doc);
  }
  return current;
}

function unescapePointer(segment) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

function escapePointer(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

const SCHEMA_REF = /^#\/components\/schemas\/(.+)$/;

/** A valid identifier for a component schema's check. */
function checkName(schemaName) {
  return `schema${schemaName.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

const TYPE_TESTS = {
  string: (v) => `typeof ${v} === "string"`,
  number: (v) => `typeof ${v} === "number"`,
  integer: (v) => `Number.isInteger(${v})`,
  boolean: (v) => `typeof ${v} === "boolean"`,
  null: (v) => `${v} === null`,
  array: (v) => `Array.isArray(${v})`,
  object: (v) => `(typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`,
};

class Emitter {
  constructor(doc) {
    this.doc = doc;
    /** Component schemas whose check is emitted (or being emitted), by name. */
    this.components = new Map();
    /** Helper functions (component checks and alternatives), in emission order. */
    this.functions = [];
    this.counter = 0;
    /** Enum value sets, hoisted to module constants: one `Set` lookup per value checked. */
    this.enums = [];
  }

  /** `pointer + "/segment"` as an expression, folded when the pointer is the body itself. */
  join(p, segment) {
    return p === '""' ? JSON.stringify(segment) : `${p} + ${JSON.stringify(segment)}`;
  }

  /** A short description of what a schema wants, for `expected`. */
  describe(schema) {
    if (!schema || typeof schema !== "object") return "any value";
    const ref = typeof schema.$ref === "string" && SCHEMA_REF.exec(schema.$ref);
    if (ref) return unescapePointer(ref[1]);
    if (schema.enum) {
      const shown = schema.enum.slice(0, 4).map((e) => JSON.stringify(e));
      return `one of ${shown.join(", ")}${schema.enum.length > 4 ? `, … (${schema.enum.length} values)` : ""}`;
    }
    if ("const" in schema) return JSON.stringify(schema.const);
    const types = this.types(schema);
    if (types) return types.join(" or ");
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives) return alternatives.map((alt) => this.describe(alt)).join(" or ");
    return "any value";
  }

  types(schema) {
    if (schema.type === undefined) return undefined;
    const list = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
    if (schema.nullable === true && !list.includes("null")) list.push("null");
    return list;
  }

  /** The check function for a component schema, emitted once (recursion-safe). */
  component(name) {
    if (!this.components.has(name)) {
      const fn = checkName(name);
      this.components.set(name, fn);
      const schema = this.doc.components?.schemas?.[name];
      if (schema === undefined) throw new Error(`$ref to unknown schema ${name}`);
      this.functions.push(this.fn(fn, schema, `Component schema \`${name}\`.`));
    }
    return this.components.get(name);
  }

  /** A standalone function `(value) => Mismatch | undefined` for one schema. */
  fn(name, schema, comment) {
    const body = this.statements(schema, "value", '""', 1);
    return `/** ${comment} */\nfunction ${name}(value: unknown): Mismatch | undefined {\n${body}  return undefined;\n}\n`;
  }

  /**
   * Statements that return the first mismatch of `v` against `schema`. `p` is a JavaScript
   * expression for the pointer, evaluated only when a mismatch is returned.
   */
  statements(schema, v, p, depth) {
    const pad = "  ".repeat(depth);
    if (schema === true || schema === undefined || schema === null) return "";
    if (schema === false) return `${pad}return { pointer: ${p}, expected: "nothing" };\n`;
    let out = "";
    const ref = typeof schema.$ref === "string" ? SCHEMA_REF.exec(schema.$ref) : null;
    if (ref) {
      const fn = this.component(unescapePointer(ref[1]));
      const m = `m${depth}`;
      const pointer = p === '""' ? `${m}.pointer` : `${p} + ${m}.pointer`;
      return `${pad}{\n${pad}  const ${m} = ${fn}(${v});\n${pad}  if (${m}) return { pointer: ${pointer}, expected: ${m}.expected };\n${pad}}\n`;
    }
    if (typeof schema.$ref === "string") throw new Error(`unsupported $ref ${schema.$ref}`);

    const types = this.types(schema);
    if (types) {
      const test = types.map((t) => {
        const f = TYPE_TESTS[t];
        if (!f) throw new Error(`unsupported type ${t}`);
        return f(v);
      });
      out += `${pad}if (!(${test.join(" || ")})) return { pointer: ${p}, expected: ${JSON.stringify(types.join(" or "))} };\n`;
    }
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.map((e) => JSON.stringify(e)).join(", ");
      const set = `ENUM${this.enums.length + 1}`;
      this.enums.push(`const ${set}: ReadonlySet<unknown> = new Set([${values}]);\n`);
      out += `${pad}if (!${set}.has(${v})) return { pointer: ${p}, expected: ${JSON.stringify(this.describe({ enum: schema.enum }))} };\n`;
    }
    if ("const" in schema) {
      out += `${pad}if (${v} !== ${JSON.stringify(schema.const)}) return { pointer: ${p}, expected: ${JSON.stringify(JSON.stringify(schema.const))} };\n`;
    }
    for (const part of schema.allOf ?? []) out += this.statements(part, v, p, depth);
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives) {
      const fns = alternatives.map((alt) => {
        const name = `alternative${++this.counter}`;
        this.functions.push(this.fn(name, alt, `Alternative: ${this.describe(alt)}.`));
        return name;
      });
      const test = fns.map((fn) => `${fn}(${v}) !== undefined`).join(" && ");
      out += `${pad}if (${test}) return { pointer: ${p}, expected: ${JSON.stringify(this.describe({ oneOf: alternatives }))} };\n`;
    }

    const isObject =
      types?.includes("object") || (!types && (schema.properties || schema.required || schema.additionalProperties !== undefined));
    if (
      isObject &&
      (schema.properties || schema.required || (schema.additionalProperties !== undefined && schema.additionalProperties !== true))
    ) {
      const o = `o${depth}`;
      let inner = "";
      const properties = schema.properties ?? {};
      for (const key of schema.required ?? []) {
        inner += `${pad}  if (${o}[${JSON.stringify(key)}] === undefined) return { pointer: ${this.join(p, `/${escapePointer(key)}`)}, expected: "required property" };\n`;
      }
      for (const [key, sub] of Object.entries(properties)) {
        const x = `${o}[${JSON.stringify(key)}]`;
        const body = this.statements(sub, x, this.join(p, `/${escapePointer(key)}`), depth + 2);
        if (body) inner += `${pad}  if (${x} !== undefined) {\n${body}${pad}  }\n`;
      }
      const extra = schema.additionalProperties;
      if (extra !== undefined && extra !== true) {
        const known = JSON.stringify(Object.keys(properties));
        const k = `k${depth}`;
        const body = this.statements(extra, `${o}[${k}]`, `${p} + "/" + ${k}.replace(/~/g, "~0").replace(/\\//g, "~1")`, depth + 3);
        inner += `${pad}  for (const ${k} of Object.keys(${o})) {\n${pad}    if (${known}.includes(${k})) continue;\n${body}${pad}  }\n`;
      }
      // Objects are checked only where the value is one (a type list may allow null too).
      out += `${pad}if (${TYPE_TESTS.object(v)}) {\n${pad}  const ${o} = ${v} as Record<string, unknown>;\n${inner}${pad}}\n`;
    }
    const isArray = types?.includes("array") || (!types && schema.items);
    if (isArray && schema.items) {
      const a = `a${depth}`;
      const i = `i${depth}`;
      const body = this.statements(schema.items, `${a}[${i}]`, `${p} + "/" + ${i}`, depth + 2);
      if (body) {
        out += `${pad}if (Array.isArray(${v})) {\n${pad}  const ${a} = ${v} as unknown[];\n${pad}  for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {\n${body}${pad}  }\n${pad}}\n`;
      }
    }
    return out;
  }
}

/** The JSON schema of each success response of each operation: operationId → status → schema. */
function successSchemas(doc) {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op?.operationId) continue;
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        if (!/^2(\d\d|XX)$/i.test(status)) continue;
        const response = resolve(doc, raw);
        const json = Object.entries(response?.content ?? {}).find(([type]) => /json/i.test(type));
        if (!json?.[1]?.schema) continue;
        out.push({ operationId: op.operationId, method: method.toUpperCase(), path, status, schema: json[1].schema });
      }
    }
  }
  return out;
}

/**
 * The text of `validators.ts` for one spec.
 *
 * @param {object} doc the parsed spec
 * @param {string} banner the generated-file banner
 */
export function renderValidators(doc, banner) {
  const emitter = new Emitter(doc);
  const entries = [];
  for (const { operationId, method, path, status, schema } of successSchemas(doc)) {
    const name = `response_${operationId.replace(/[^A-Za-z0-9_]/g, "_")}_${status.toUpperCase()}`;
    emitter.functions.push(emitter.fn(name, schema, `${method} ${path} → ${status}.`));
    entries.push({ operationId, status, name });
  }
  const byOperation = new Map();
  for (const { operationId, status, name } of entries) {
    if (!byOperation.has(operationId)) byOperation.set(operationId, []);
    byOperation.get(operationId).push(`    ${JSON.stringify(status)}: ${name},`);
  }
  const table = [...byOperation].map(([op, lines]) => `  ${JSON.stringify(op)}: {\n${lines.join("\n")}\n  },`).join("\n");
  return (
    banner +
    `import type { ShapeCheck, ShapeMismatch as Mismatch } from "@apitokens/core";\n\n` +
    `${emitter.enums.join("")}${emitter.enums.length ? "\n" : ""}${emitter.functions.join("\n")}\n` +
    "/**\n * The shape check of each success response, by operationId and status: the first place where\n" +
    " * a body breaks the spec, or `undefined`. Use with core's `checkShape()`.\n */\n" +
    `export const responseValidators = {\n${table}\n} as const satisfies Readonly<Record<string, Readonly<Record<string, ShapeCheck>>>>;\n`
  );
}
