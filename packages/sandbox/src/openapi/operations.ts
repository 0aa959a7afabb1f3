import {
  escapePointer,
  type HeaderObject,
  type JsonSchema,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
  resolveRef,
} from "./document.js";

/** Where a schema sits in the document: compiled in place, so its `$ref`s resolve. */
export interface SchemaAt {
  readonly pointer: string;
  readonly schema: JsonSchema;
}

/** A parameter of an operation, `$ref`s followed. */
export interface ParameterSpec {
  readonly name: string;
  readonly in: ParameterObject["in"];
  readonly required: boolean;
  readonly style: string;
  readonly schema: SchemaAt | undefined;
}

/** A response of an operation, `$ref`s followed. */
export interface ResponseSpec {
  readonly headers: Readonly<Record<string, { readonly required: boolean; readonly schema: SchemaAt | undefined }>>;
  /** Media type → schema; empty when the response has no body. */
  readonly content: Readonly<Record<string, SchemaAt | undefined>>;
}

/** One operation of a spec, with everything the validator needs. */
export interface OperationSpec {
  readonly operationId: string;
  readonly method: string;
  /** The path template, e.g. `/apiTokens/{id}`. */
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  readonly requestBody: { readonly required: boolean; readonly content: Readonly<Record<string, SchemaAt | undefined>> } | undefined;
  /** Status code (`"200"`, `"4XX"`, `"default"`) → response. */
  readonly responses: Readonly<Record<string, ResponseSpec>>;
  /** The operation's `x-…` extensions (Dynatrace's `x-token-scopes`). */
  readonly extensions: Readonly<Record<string, unknown>>;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/**
 * Every operation of a document, `$ref`s followed, path-level parameters merged into the
 * operation's (the operation's win, by name and location, as OpenAPI says).
 *
 * @example operationsOf(specs.dynatrace).find((op) => op.operationId === "listApiTokens")
 */
export function operationsOf(document: OpenApiDocument): OperationSpec[] {
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const itemPointer = `#/paths/${escapePointer(path)}`;
    const shared = (item.parameters ?? []).map((p, i) => parameter(document, p, `${itemPointer}/parameters/${i}`));
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const pointer = `${itemPointer}/${method}`;
      const own = (operation.parameters ?? []).map((p, i) => parameter(document, p, `${pointer}/parameters/${i}`));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        parameters,
        requestBody: operation.requestBody ? requestBody(document, operation.requestBody, `${pointer}/requestBody`) : undefined,
        responses: Object.fromEntries(
          Object.entries(operation.responses).map(([status, r]) => [
            status,
            response(document, r, `${pointer}/responses/${escapePointer(status)}`),
          ]),
        ),
        extensions: Object.fromEntries(Object.entries(operation).filter(([key]) => key.startsWith("x-"))),
      });
    }
  }
  return operations;
}

/**
 * The response an operation declares for a status: the code itself, then its range (`4XX`),
 * then `default` — an explicit code wins over a range, as OpenAPI says.
 *
 * @example declaredResponse(operation, 404)
 */
export function declaredResponse(operation: OperationSpec, status: number): ResponseSpec | undefined {
  const code = String(status);
  return operation.responses[code] ?? operation.responses[`${code[0]}XX`] ?? operation.responses.default;
}

function parameter(document: OpenApiDocument, value: ParameterObject | { $ref: string }, pointer: string): ParameterSpec {
  const resolved = resolveRef<ParameterObject>(document, value, pointer);
  const p = resolved.value;
  return {
    name: p.name,
    in: p.in,
    required: p.required ?? false,
    style: p.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple"),
    schema: p.schema ? { pointer: `${resolved.pointer}/schema`, schema: p.schema } : undefined,
  };
}

function requestBody(
  document: OpenApiDocument,
  value: RequestBodyObject | { $ref: string },
  pointer: string,
): OperationSpec["requestBody"] {
  const resolved = resolveRef<RequestBodyObject>(document, value, pointer);
  return { required: resolved.value.required ?? false, content: contentOf(resolved.value.content, resolved.pointer) };
}

function response(document: OpenApiDocument, value: ResponseObject | { $ref: string }, pointer: string): ResponseSpec {
  const resolved = resolveRef<ResponseObject>(document, value, pointer);
  const headers: Record<string, { required: boolean; schema: SchemaAt | undefined }> = {};
  for (const [name, header] of Object.entries(resolved.value.headers ?? {})) {
    const h = resolveRef<HeaderObject>(document, header, `${resolved.pointer}/headers/${escapePointer(name)}`);
    headers[name.toLowerCase()] = {
      required: h.value.required ?? false,
      schema: h.value.schema ? { pointer: `${h.pointer}/schema`, schema: h.value.schema } : undefined,
    };
  }
  return { headers, content: contentOf(resolved.value.content ?? {}, resolved.pointer) };
}

function contentOf(content: Readonly<Record<string, { schema?: JsonSchema }>>, pointer: string): Record<string, SchemaAt | undefined> {
  return Object.fromEntries(
    Object.entries(content).map(([mediaType, media]) => [
      mediaType,
      media.schema ? { pointer: `${pointer}/content/${escapePointer(mediaType)}/schema`, schema: media.schema } : undefined,
    ]),
  );
}
