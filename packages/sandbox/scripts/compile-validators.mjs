/**
 * Compiles the sandbox's request and response validators at generate time, with Ajv's
 * standalone code, so the sandbox never builds a function from a string at run time
 * (`new Function` is refused on workerd and under a strict Content-Security-Policy).
 *
 * Every `schema` of a parameter, a header or a media type in each document becomes one
 * validator, keyed by its JSON pointer as `src/openapi/operations.ts` computes it. The code
 * imports its formats and the two helpers Ajv's code needs from `src/openapi/runtime.ts`.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Ajv2020 } = require("ajv/dist/2020.js");
const standaloneCode = require("ajv/dist/standalone/index.js").default;
const { _ } = require("ajv");
const { fullFormats } = require("ajv-formats/dist/formats.js");

/** The formats the specs use; `src/openapi/runtime.ts` exports the same objects under the same names. */
const INT32 = 2 ** 31;
const FORMATS = {
  date: fullFormats.date,
  "date-time": fullFormats["date-time"],
  uuid: fullFormats.uuid,
  int32: { type: "number", validate: (n) => Number.isInteger(n) && n >= -INT32 && n < INT32 },
  int64: { type: "number", validate: (n) => Number.isInteger(n) },
};

/** What Ajv's code requires at run time, and the name `runtime.ts` exports it under. */
const RUNTIME = {
  'require("ajv/dist/runtime/ucs2length").default': "ucs2length",
  'require("ajv/dist/runtime/equal").default': "equal",
};

/** Where OpenAPI puts a schema: under a parameter, a header or a media type object. */
const SCHEMA_HOLDERS = new Set(["parameters", "headers", "content"]);

function escapePointer(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `#/paths/~1apiTokens/get/parameters/0/schema` for every schema the validator may check. */
function schemaPointers(node, pointer = "#", keys = []) {
  if (!node || typeof node !== "object") return [];
  const found = [];
  if (keys.length >= 2 && SCHEMA_HOLDERS.has(keys[keys.length - 2]) && node.schema && typeof node.schema === "object") {
    found.push(`${pointer}/schema`);
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "schema" || key === "schemas") continue;
    found.push(...schemaPointers(child, `${pointer}/${escapePointer(key)}`, [...keys, key]));
  }
  return found;
}

/** Ajv's form of a pointer inside a `$ref`: each segment URI-encoded. */
function refPointer(pointer) {
  return `#${pointer
    .slice(1)
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/")}`;
}

/**
 * The TypeScript module text of every validator of every document.
 *
 * @param {Record<string, object>} specs the bundled documents, by vendor
 */
export function compileValidators(specs) {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    formats: FORMATS,
    code: { source: true, esm: true, lines: true, formats: _`formats` },
  });
  const exports = {};
  const table = {};
  let n = 0;
  for (const [vendor, document] of Object.entries(specs)) {
    const id = `https://sandbox.apitokens.invalid/specs/${vendor}.json`;
    ajv.addSchema(document, id);
    table[vendor] = {};
    for (const pointer of [...new Set(schemaPointers(document))].sort()) {
      const name = `v${n++}`;
      ajv.addSchema({ $ref: `${id}${refPointer(pointer)}` }, `${id}/validators/${name}`);
      exports[name] = `${id}/validators/${name}`;
      table[vendor][pointer] = name;
    }
  }
  let code = standaloneCode(ajv, exports);
  const used = new Set();
  for (const [required, local] of Object.entries(RUNTIME)) {
    if (code.includes(required)) used.add(local);
    code = code.split(required).join(local);
  }
  if (/require\(/.test(code))
    throw new Error(`compile-validators: unhandled require in Ajv's code: ${code.match(/require\([^)]*\)/)?.[0]}`);
  const imports = ["formats", ...[...used].sort()].join(", ");
  const entries = Object.entries(table)
    .map(([vendor, pointers]) => {
      const rows = Object.entries(pointers).map(([pointer, name]) => `    ${JSON.stringify(pointer)}: ${name},`);
      return `  ${vendor}: {\n${rows.join("\n")}\n  },`;
    })
    .join("\n");
  return [
    "// @ts-nocheck: Ajv's standalone code is plain JavaScript; `src/openapi/validators.ts` types it.",
    `import { ${imports} } from "../openapi/runtime.js";`,
    code.replace(/^"use strict";/, ""),
    "",
    "/** Each vendor's validators, keyed by the JSON pointer of their schema in the bundled document. */",
    `export const validators = {\n${entries}\n};`,
    "",
  ].join("\n");
}
