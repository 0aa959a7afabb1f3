/** A JSON Schema (2020-12, the OpenAPI 3.1 dialect), as far as the sandbox reads it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A `$ref`, or the object itself. */
export type Referable<T> = T | { readonly $ref: string };

/** An OpenAPI 3.1 parameter object. */
export interface ParameterObject {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly schema?: JsonSchema;
}

/** An OpenAPI 3.1 media type object. */
export interface MediaTypeObject {
  readonly schema?: JsonSchema;
}

/** An OpenAPI 3.1 request body object. */
export interface RequestBodyObject {
  readonly required?: boolean;
  readonly content: Readonly<Record<string, MediaTypeObject>>;
}

/** An OpenAPI 3.1 header object. */
export interface HeaderObject {
  readonly required?: boolean;
  readonly schema?: JsonSchema;
}

/** An OpenAPI 3.1 response object. */
export interface ResponseObject {
  readonly headers?: Readonly<Record<string, Referable<HeaderObject>>>;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

/** An OpenAPI 3.1 operation object. */
export interface OperationObject {
  readonly operationId: string;
  readonly parameters?: readonly Referable<ParameterObject>[];
  readonly requestBody?: Referable<RequestBodyObject>;
  readonly responses: Readonly<Record<string, Referable<ResponseObject>>>;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}

/** An OpenAPI 3.1 path item: the operations by lower-case method, plus shared parameters. */
export type PathItemObject = { readonly parameters?: readonly Referable<ParameterObject>[] } & {
  readonly [method: string]: OperationObject | readonly Referable<ParameterObject>[] | undefined;
};

/** An OpenAPI 3.1 document, reduced to what the sandbox reads (the bundle has no prose). */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly "x-vendor-name"?: string };
  readonly servers: readonly { readonly url: string }[];
  readonly paths: Readonly<Record<string, PathItemObject>>;
  readonly components: {
    readonly schemas?: Readonly<Record<string, JsonSchema>>;
    readonly parameters?: Readonly<Record<string, ParameterObject>>;
    readonly requestBodies?: Readonly<Record<string, RequestBodyObject>>;
    readonly responses?: Readonly<Record<string, ResponseObject>>;
    readonly headers?: Readonly<Record<string, HeaderObject>>;
    readonly securitySchemes?: Readonly<Record<string, JsonSchema>>;
  };
}

/**
 * Follows a local `$ref` (`#/components/...`) to the object it names, and returns the
 * object together with its JSON pointer, which the validator needs to compile the schema in
 * place (so `$ref`s inside it resolve against the whole document).
 *
 * @example resolveRef(document, { $ref: "#/components/responses/NotFound" }, "#/paths/…")
 */
export function resolveRef<T>(
  document: OpenApiDocument,
  value: Referable<T>,
  pointer: string,
): { readonly value: T; readonly pointer: string } {
  let current: unknown = value;
  let at = pointer;
  for (let hops = 0; hops < 16; hops++) {
    const ref = (current as { $ref?: unknown }).$ref;
    if (typeof ref !== "string") return { value: current as T, pointer: at };
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
    at = ref;
    current = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[unescapePointer(segment)], document);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  throw new Error(`$ref chain too long at ${pointer}`);
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescapePointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}
