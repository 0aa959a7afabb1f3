// An independent check of sandbox answers against specs/*.yaml: its own YAML parse, its own
// Ajv, its own $ref walking — so a bug in the sandbox's validator cannot hide itself.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import type { Vendor } from "../../src/index.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
type Node = Record<string, unknown>;

const BASE: Record<Vendor, string> = {
  dynatrace: "/dynatrace/api/v2",
  gitlab: "/gitlab/api/v4",
  qernal: "/qernal/v1",
  sematext: "/sematext",
  timeweb: "/timeweb",
};

/** One answer that was checked. */
export interface Checked {
  readonly vendor: Vendor;
  readonly operationId: string;
  readonly status: number;
  readonly violations: readonly string[];
}

/** Loads the four specs and checks responses against them. */
export class SpecConformance {
  readonly checked: Checked[] = [];
  readonly #ajv = addFormats(new Ajv2020({ strict: false, allErrors: true, validateSchema: false }));
  readonly #docs = new Map<Vendor, Node>();

  constructor() {
    this.#ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
    this.#ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
    for (const vendor of Object.keys(BASE) as Vendor[]) {
      const doc = parse(readFileSync(new URL(`../../../../specs/${vendor}.yaml`, import.meta.url), "utf8")) as Node;
      this.#docs.set(vendor, doc);
      this.#ajv.addSchema(doc, `urn:spec:${vendor}`);
    }
  }

  /** All violations found so far, one line each. */
  get violations(): string[] {
    return this.checked.flatMap((c) => c.violations.map((v) => `${c.vendor} ${c.operationId} ${c.status}: ${v}`));
  }

  /** `${vendor} ${operationId} ${status}` of every checked answer. */
  get covered(): Set<string> {
    return new Set(this.checked.map((c) => `${c.vendor} ${c.operationId} ${c.status}`));
  }

  /** Every operationId of a vendor's spec. */
  operationIds(vendor: Vendor): string[] {
    const paths = (this.#docs.get(vendor)?.paths ?? {}) as Record<string, Node>;
    return Object.values(paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op && typeof op === "object" && "operationId" in op ? [String((op as Node).operationId)] : [])),
    );
  }

  /** Checks one answer to a request of `method` on `url`; reads a clone, so the caller can still read the body. */
  async check(method: string, url: string, response: Response): Promise<Checked> {
    const path = new URL(url).pathname;
    const vendor = (Object.keys(BASE) as Vendor[]).find((v) => path.startsWith(`${BASE[v]}/`));
    if (!vendor) throw new Error(`not a vendor URL: ${url}`);
    const doc = this.#docs.get(vendor) as Node;
    const rest = path.slice(BASE[vendor].length);
    // OpenAPI: a concrete path (`/apiTokens/lookup`) wins over a templated one (`/apiTokens/{id}`).
    const found = Object.entries(doc.paths as Record<string, Node>)
      .filter(([template]) => templateRegExp(template).test(rest))
      .sort(([a], [b]) => a.split("{").length - b.split("{").length)[0];
    if (!found) throw new Error(`no spec path matches ${rest}`);
    const [template, item] = found;
    const operation = item[method.toLowerCase()] as Node | undefined;
    if (!operation) throw new Error(`${method} ${template} is not in the ${vendor} spec`);
    const status = response.status;
    const violations: string[] = [];
    const responses = operation.responses as Record<string, unknown>;
    const pointerBase = `#/paths/${escapePointer(template)}/${method.toLowerCase()}/responses`;
    const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) => k in responses);
    const text = await response.clone().text();
    if (!key) {
      violations.push(`status ${status} is not declared`);
    } else {
      const { node: declared, pointer } = this.#deref(doc, responses[key], `${pointerBase}/${escapePointer(key)}`);
      const content = (declared.content ?? {}) as Record<string, Node>;
      const contentType = response.headers.get("content-type");
      if (Object.keys(content).length === 0) {
        if (text !== "") violations.push(`no body is declared, got ${JSON.stringify(text.slice(0, 80))}`);
      } else {
        const mediaType = Object.keys(content).find(
          (m) => m.replace(/\s/g, "").toLowerCase() === contentType?.replace(/\s/g, "").toLowerCase(),
        );
        if (!mediaType) violations.push(`content-type ${contentType} is not one of ${Object.keys(content).join(", ")}`);
        else {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            violations.push("body is not JSON");
          }
          if (body !== undefined) {
            const validate = this.#ajv.compile({
              $ref: `urn:spec:${vendor}${encode(`${pointer}/content/${escapePointer(mediaType)}/schema`)}`,
            });
            if (!validate(body)) violations.push(...(validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message}`));
          }
        }
      }
      for (const [name, header] of Object.entries((declared.headers ?? {}) as Record<string, Node>)) {
        const value = response.headers.get(name);
        if (value === null) {
          if (header.required) violations.push(`header ${name} is required`);
          continue;
        }
        const schema = header.schema as Node | undefined;
        if (schema?.type === "integer" && !/^-?\d+$/.test(value)) violations.push(`header ${name} must be an integer, got ${value}`);
      }
    }
    const checked = { vendor, operationId: String(operation.operationId), status, violations };
    this.checked.push(checked);
    return checked;
  }

  #deref(doc: Node, value: unknown, pointer: string): { node: Node; pointer: string } {
    let node = value as Node;
    let at = pointer;
    while (typeof node.$ref === "string") {
      at = node.$ref;
      node = node.$ref
        .slice(2)
        .split("/")
        .reduce<unknown>((n, s) => (n as Node)[s.replace(/~1/g, "/").replace(/~0/g, "~")], doc) as Node;
    }
    return { node, pointer: at };
  }

  /**
   * A `fetch` that checks every answer of the sandbox it wraps.
   *
   * @example const fetch = conformance.fetch((input, init) => globalThis.fetch(input, init));
   */
  fetch(inner: (input: Request) => Promise<Response>): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
    return async (input, init) => {
      const request = new Request(input, init);
      const response = await inner(request.clone());
      if (!new URL(request.url).pathname.endsWith("/oauth2/token")) await this.check(request.method, request.url, response);
      return response;
    };
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function encode(pointer: string): string {
  return `#${pointer.slice(1).split("/").map(encodeURIComponent).join("/")}`;
}

function templateRegExp(template: string): RegExp {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map(literal)
      .join("[^/]+")}$`,
  );
}
