import { coerceText, queryValue } from "./coerce.js";
import type { OpenApiDocument } from "./document.js";
import { declaredResponse, type OperationSpec, operationsOf, type SchemaAt } from "./operations.js";
import { type CompiledValidator, type ValidationError, validatorAt } from "./validators.js";

/** One way a request breaks its operation's spec. */
export interface Problem {
  /** Where the value was. */
  readonly in: "path" | "query" | "header" | "body";
  /** The parameter name, or the path of the value in the body (`scopes[0]`); empty for the whole body. */
  readonly name: string;
  /** What the spec requires, in JSON-Schema words (`must be integer`). */
  readonly message: string;
}

/** A request, as the validator reads it. */
export interface RequestParts {
  /** Path parameters as the router decoded them. */
  readonly path: Readonly<Record<string, string>>;
  readonly url: URL;
  readonly headers: Headers;
  /** The raw body text; empty when there is none. */
  readonly body: string;
}

/** A request that passed (or failed) validation, with its values converted to JSON types. */
export interface ValidatedRequest {
  readonly problems: readonly Problem[];
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

/**
 * Checks requests and responses against one vendor's spec: parameters (path, query, with
 * deep objects), the body's media type and schema; and, for the self-check, a response's
 * status, media type, headers and body.
 *
 * @example
 * const validator = new SpecValidator("dynatrace", specs.dynatrace);
 * const { problems } = validator.request(operation, { path: {}, url, headers, body: "" });
 */
export class SpecValidator {
  readonly operations: readonly OperationSpec[];
  readonly #document: OpenApiDocument;
  readonly #validators: Readonly<Record<string, CompiledValidator>>;

  constructor(vendor: string, document: OpenApiDocument) {
    this.#document = document;
    this.#validators = validatorAt(vendor);
    this.operations = operationsOf(document);
  }

  /** Validates a request against its operation; values come back converted to JSON types. */
  request(operation: OperationSpec, parts: RequestParts): ValidatedRequest {
    const problems: Problem[] = [];
    const path: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const parameter of operation.parameters) {
      if (parameter.in === "cookie") continue;
      let value: unknown;
      if (parameter.in === "path") {
        const text = parts.path[parameter.name];
        value = text === undefined ? undefined : coerceText(this.#document, parameter.schema?.schema, text);
      } else if (parameter.in === "query") {
        value = queryValue(this.#document, parameter, parts.url.searchParams);
      } else {
        const text = parts.headers.get(parameter.name);
        value = text === null ? undefined : coerceText(this.#document, parameter.schema?.schema, text);
      }
      if (value === undefined) {
        if (parameter.required) problems.push({ in: parameter.in, name: parameter.name, message: "is required" });
        continue;
      }
      if (parameter.in === "path") path[parameter.name] = value;
      if (parameter.in === "query") query[parameter.name] = value;
      if (parameter.schema) problems.push(...this.#check(parameter.schema, value, parameter.in, parameter.name));
    }
    return { problems, path, query, body: this.#body(operation, parts, problems) };
  }

  #body(operation: OperationSpec, parts: RequestParts, problems: Problem[]): unknown {
    const declared = operation.requestBody;
    if (!declared) return undefined;
    if (parts.body.trim() === "") {
      if (declared.required) problems.push({ in: "body", name: "", message: "a request body is required" });
      return undefined;
    }
    const mediaType = parts.headers.get("content-type") ?? "";
    const entry = Object.entries(declared.content).find(([declaredType]) => sameMediaType(declaredType, mediaType, false));
    if (!entry) {
      const expected = Object.keys(declared.content).join(" or ");
      problems.push({ in: "header", name: "Content-Type", message: `must be ${expected}, got ${mediaType || "none"}` });
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(parts.body);
    } catch {
      problems.push({ in: "body", name: "", message: "is not valid JSON" });
      return undefined;
    }
    if (entry[1]) problems.push(...this.#check(entry[1], body, "body", ""));
    return body;
  }

  #check(at: SchemaAt, value: unknown, where: Problem["in"], name: string): Problem[] {
    const validate = this.#validators[at.pointer];
    if (!validate) throw new Error(`no validator was compiled for ${at.pointer}: run \`npm run generate -w @apitokens/sandbox\``);
    if (validate(value)) return [];
    return problemsFrom(validate.errors ?? [], where, name);
  }

  /**
   * What is wrong with a response the sandbox is about to send, as sentences (empty when it
   * conforms): an undeclared status, a media type the spec does not list, a body where none
   * is declared, a missing or malformed declared header, a body the schema refuses.
   */
  response(operation: OperationSpec, status: number, headers: Headers, text: string): string[] {
    const where = `${operation.method} ${operation.path} → ${status}`;
    const declared = declaredResponse(operation, status);
    if (!declared) return [`${where}: status not declared by the spec`];
    const violations: string[] = [];
    for (const [name, header] of Object.entries(declared.headers)) {
      const value = headers.get(name);
      if (value === null) {
        if (header.required) violations.push(`${where}: required header ${name} missing`);
        continue;
      }
      if (header.schema) {
        for (const p of this.#check(header.schema, coerceText(this.#document, header.schema.schema, value), "header", name)) {
          violations.push(`${where}: header ${name} ${p.message}`);
        }
      }
    }
    const mediaTypes = Object.keys(declared.content);
    if (mediaTypes.length === 0) {
      if (text !== "") violations.push(`${where}: the spec declares no body, got ${text.length} bytes`);
      return violations;
    }
    const contentType = headers.get("content-type") ?? "";
    const mediaType = mediaTypes.find((declaredType) => sameMediaType(declaredType, contentType, true));
    if (mediaType === undefined)
      return [...violations, `${where}: content type ${contentType || "none"} is not one of ${mediaTypes.join(", ")}`];
    const schema = declared.content[mediaType];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [...violations, `${where}: body is not JSON`];
    }
    if (schema) for (const p of this.#check(schema, body, "body", "")) violations.push(`${where}: body ${p.name || "(root)"} ${p.message}`);
    return violations;
  }
}

/**
 * Whether a received media type matches a declared one. Requests are judged leniently (the
 * essence, `application/json`, must match; a client need not repeat `charset=utf-8`); the
 * sandbox's own responses strictly (parameters too), since they must match the spec exactly.
 */
export function sameMediaType(declared: string, received: string, strict: boolean): boolean {
  const normalize = (value: string) => value.toLowerCase().replace(/\s+/g, "");
  if (strict) return normalize(declared) === normalize(received);
  return normalize(declared).split(";")[0] === normalize(received).split(";")[0];
}

function problemsFrom(errors: readonly ValidationError[], where: Problem["in"], name: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  // anyOf/oneOf report each failed branch and then a summary; the first error per location
  // is the most concrete one ("must be string"), so keep that.
  for (const error of errors) {
    const missing = error.keyword === "required" ? String((error.params as { missingProperty?: unknown }).missingProperty) : undefined;
    const location = joinPath(joinPath(name, pointerToPath(error.instancePath)), missing ?? "");
    if (seen.has(location)) continue;
    seen.add(location);
    problems.push({ in: where, name: location, message: missing ? "is required" : (error.message ?? "is invalid") });
  }
  return problems;
}

function joinPath(base: string, rest: string): string {
  if (!base || !rest) return base || rest;
  return rest.startsWith("[") ? `${base}${rest}` : `${base}.${rest}`;
}

/** `/scopes/0/name` → `scopes[0].name`. */
function pointerToPath(pointer: string): string {
  if (!pointer) return "";
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, segment) => joinPath(path, /^\d+$/.test(segment) ? `[${segment}]` : segment), "");
}
