/**
 * Renders a vendor package's `src/generated/client.ts` from its spec: the typed options
 * interface, the `Pages` type of its paginated paths, the client type and the factory. The facts
 * come from the spec: `x-apitokens.settings` (the token's environment variable, the options'
 * help text and defaults), `x-apitokens.client` (summary, example, region → server map, where an
 * error body keeps the request id), the servers and security schemes (default `baseUrl`, an
 * OAuth2 `tokenUrl` option), and each list operation's `x-pagination` (a strategy of
 * `@apitokens/core`, and the page's shape check from `validators.ts`, loaded lazily).
 */

const STRATEGIES = { cursor: "cursorPages", link: "linkPages", offset: "offsetPages" };
const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

const pascal = (key) => key[0].toUpperCase() + key.slice(1);
const doc = (lines, indent = "") =>
  `${indent}/**\n${lines
    .flatMap((l) => String(l).split("\n"))
    .map((l) => `${indent} * ${l.replace(/\*\//g, "*\\/")}`.trimEnd())
    .join("\n")}\n${indent} */\n`;

function resolve(spec, node) {
  let current = node;
  while (current?.$ref)
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((acc, key) => acc?.[key], spec);
  return current;
}

/** The component schema name of a page's items: the array at `items` (or the body, or an array alternative). */
function itemSchemaName(spec, operation, paging, where) {
  const ok = Object.entries(operation.responses ?? {}).find(([status]) => /^2/.test(status))?.[1];
  const content = resolve(spec, ok)?.content ?? {};
  const body = Object.entries(content).find(([type]) => /json/i.test(type))?.[1]?.schema;
  const candidates = [];
  const visit = (node) => {
    const schema = resolve(spec, node);
    if (!schema) return;
    for (const alternative of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) visit(alternative);
    if (schema.type === "array" && schema.items?.$ref) candidates.push(schema.items.$ref);
    if (paging.items && schema.type === "object") {
      const inner = paging.items.split(".").reduce((acc, key) => resolve(spec, acc)?.properties?.[key], schema);
      const array = resolve(spec, inner);
      if (array?.type === "array" && array.items?.$ref) candidates.push(array.items.$ref);
    }
  };
  visit(body);
  const ref = candidates[0];
  if (!ref || candidates.some((c) => c !== ref)) throw new Error(`${where}: x-pagination: cannot tell the item schema of a page`);
  return ref.split("/").at(-1);
}

/** Every list operation with `x-pagination`, checked. */
export function paginatedOperations(spec, vendor) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      const paging = operation?.["x-pagination"];
      if (!paging) continue;
      const where = `specs/${vendor}.yaml ${method.toUpperCase()} ${path}`;
      if (method !== "get") throw new Error(`${where}: x-pagination is for GET operations`);
      if (!STRATEGIES[paging.style]) throw new Error(`${where}: x-pagination.style must be one of ${Object.keys(STRATEGIES).join(", ")}`);
      if (typeof paging.param !== "string") throw new Error(`${where}: x-pagination.param names the query parameter that takes the page`);
      const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p));
      if (!params.some((p) => p?.in === "query" && p.name === paging.param))
        throw new Error(`${where}: x-pagination.param "${paging.param}" is not a query parameter of the operation`);
      out.push({
        path,
        operationId: operation.operationId,
        paging,
        item: itemSchemaName(spec, operation, paging, where),
        hasPathParams: params.some((p) => p?.in === "path"),
      });
    }
  }
  return out;
}

/**
 * The source of `src/generated/client.ts`.
 *
 * @param typeNameFor schema name → model type name (as `models.ts` names it)
 */
export function renderClient(spec, vendor, banner, typeNameFor) {
  const block = spec["x-apitokens"] ?? {};
  const client = block.client;
  if (!client?.summary) throw new Error(`specs/${vendor}.yaml: x-apitokens.client.summary is required`);
  const settings = Object.fromEntries((block.settings ?? []).map((s) => [s.key, s]));
  const Name = pascal(vendor);
  const NAME = vendor.toUpperCase();
  const servers = (spec.servers ?? []).map((s) => s.url);
  const oauth2 = Object.values(spec.components?.securitySchemes ?? {}).some((s) => s.type === "oauth2" && s.flows?.clientCredentials);
  const regions = client.regions;
  if (regions) {
    for (const [region, url] of Object.entries(regions))
      if (!servers.includes(url))
        throw new Error(`specs/${vendor}.yaml: x-apitokens.client.regions.${region} is not one of the spec's servers`);
    if (!settings.region?.default || !(settings.region.default in regions))
      throw new Error(`specs/${vendor}.yaml: a region map needs a \`region\` setting whose default is one of its regions`);
  }
  const baseUrlRequired = settings.baseUrl?.required === true;
  const pages = paginatedOperations(spec, vendor);
  const strategies = [...new Set(pages.map((p) => STRATEGIES[p.paging.style]))].sort();
  const coreValues = ["createApiClient", ...(regions ? ["ConfigurationError"] : []), ...strategies].sort();
  const coreTypes = ["ApiClient", "ClientOptions"];
  const models = [...new Set(pages.map((p) => typeNameFor(p.item)))].sort();

  let out = banner;
  out += `import { ${[...coreTypes.map((t) => `type ${t}`), ...coreValues].sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""))).join(", ")} } from "@apitokens/core";\n`;
  if (models.length) out += `import type { ${models.join(", ")} } from "./models.js";\n`;
  out += `import type { ${pages.length ? "operations, " : ""}paths } from "./schema.js";\n`;
  out += `import { spec } from "./spec.js";\n\n`;

  const tokenEnv = settings.token?.env;
  if (!tokenEnv) throw new Error(`specs/${vendor}.yaml: x-apitokens.settings needs the token's env`);
  out += doc([
    `The environment variable ${spec.info?.["x-vendor-name"] ?? Name} credentials are read from (the spec's \`token\` setting).`,
  ]);
  out += `export const ${NAME}_TOKEN_ENV = ${JSON.stringify(tokenEnv)};\n\n`;

  if (regions) {
    const keys = Object.keys(regions);
    out += doc([`${settings.region.description ?? "Region"} Each has its own API host.`]);
    out += `export type ${Name}Region = ${keys.map((k) => JSON.stringify(k)).join(" | ")};\n\n`;
    out += doc(["The spec's server for each region, typed against the spec's data: a spec that drops a server fails to compile."]);
    out += `export const ${NAME}_REGIONS = ${JSON.stringify(regions, null, 2)} as const satisfies Record<${Name}Region, (typeof spec.servers)[number]["url"]>;\n\n`;
  }

  // Options.
  out += doc([`Options of {@link create${Name}Client}.`]);
  out += `export interface ${Name}ClientOptions extends ClientOptions {\n`;
  if (oauth2) {
    out += doc([settings.token?.description ?? "The credential."], "  ");
    out += `  readonly token: ClientOptions["token"];\n`;
  }
  if (regions) {
    out += doc([`${settings.region.description ?? "The region."} @default ${JSON.stringify(settings.region.default)}`], "  ");
    out += `  readonly region?: ${Name}Region | undefined;\n`;
  }
  const baseUrlDoc = [settings.baseUrl?.description ?? "The API URL."];
  if (settings.baseUrl?.example) baseUrlDoc.push(`e.g. \`${settings.baseUrl.example}${settings.baseUrl.suffix ?? ""}\``);
  if (baseUrlRequired) baseUrlDoc.push("Required (no public default); the spec's servers:", ...servers.map((url) => `- \`${url}\``));
  if (!baseUrlRequired && !regions) baseUrlDoc.push(`@default ${JSON.stringify(servers[0])} (the spec's server)`);
  out += doc(baseUrlDoc, "  ");
  out += baseUrlRequired ? `  readonly baseUrl: string;\n` : `  readonly baseUrl?: string | undefined;\n`;
  if (oauth2) {
    out += doc(
      [`${settings.tokenUrl?.description ?? "The OAuth2 token endpoint."} @default the spec's \`oauth2\` scheme's \`tokenUrl\``],
      "  ",
    );
    out += `  readonly tokenUrl?: string | undefined;\n`;
  }
  out += "}\n\n";

  // Pages.
  for (const page of pages) {
    out += doc([`Query options of \`GET ${page.path}\` (\`${page.operationId}\`).`]);
    out += `export type ${typeNameFor(page.operationId)}Query = NonNullable<operations[${JSON.stringify(page.operationId)}]["parameters"]["query"]>;\n\n`;
  }
  if (pages.length) {
    out += doc([`The paginated paths of the ${Name} client, for \`paginate()\`.`]);
    out += `export interface ${Name}Pages {\n`;
    for (const page of pages) {
      const query = `${typeNameFor(page.operationId)}Query`;
      // The walk sets a cursor or page number itself; a link's values may be given for the first page.
      const ownQuery = page.paging.style === "link" ? query : `Omit<${query}, ${JSON.stringify(page.paging.param)}>`;
      const path = page.hasPathParams ? `; readonly path: operations[${JSON.stringify(page.operationId)}]["parameters"]["path"]` : "";
      out += `  readonly ${JSON.stringify(page.path)}: {\n`;
      out += `    readonly item: ${typeNameFor(page.item)};\n`;
      out += `    readonly init: { readonly params${page.hasPathParams ? "" : "?"}: { readonly query?: ${ownQuery}${path} }; readonly signal?: AbortSignal };\n`;
      out += "  };\n";
    }
    out += "}\n\n";
  }

  out += doc([`${client.summary}: openapi-fetch typed from \`specs/${vendor}.yaml\`.`]);
  out += `export type ${Name}Client = ApiClient<paths${pages.length ? `, ${Name}Pages` : ""}>;\n\n`;

  // Paginators and profile.
  if (pages.length) {
    out += doc([
      `How \`paginate()\` walks each paginated path: a strategy of \`@apitokens/core\` from the operation's \`x-pagination\`,`,
      "with the page's shape check from `validators.ts`, loaded when a walk starts.",
    ]);
    out += "export const pagination = {\n";
    for (const page of pages) {
      out += `  ${JSON.stringify(page.path)}: ${STRATEGIES[page.paging.style]}(${JSON.stringify(page.paging)}, () =>\n`;
      out += `    import("./validators.js").then((v) => v.responseValidators[${JSON.stringify(page.operationId)}]["200"]),\n  ),\n`;
    }
    out += "};\n\n";
  }
  out += `const profile = {\n  envVar: ${NAME}_TOKEN_ENV,\n`;
  if (client.requestId?.body) {
    const field = client.requestId.body;
    out += `  // The vendor's request id, kept in its error bodies (x-apitokens.client.requestId).\n`;
    out += `  requestId: (_response: Response, body: unknown) => {\n`;
    out += `    const id = body !== null && typeof body === "object" ? (body as Record<string, unknown>)[${JSON.stringify(field)}] : undefined;\n`;
    out += `    return typeof id === "string" ? id : undefined;\n  },\n`;
  }
  if (pages.length) out += "  pagination,\n";
  out += "};\n\n";

  // Factory.
  out += doc([client.description ?? client.summary, "", "@example", ...String(client.example ?? "").split("\n")]);
  out += `export function create${Name}Client(options: ${Name}ClientOptions): ${Name}Client {\n`;
  if (regions) {
    const keys = Object.keys(regions);
    out += `  const region = options.region ?? ${JSON.stringify(settings.region.default)};\n`;
    out += `  if (!Object.hasOwn(${NAME}_REGIONS, region)) {\n`;
    out += `    throw new ConfigurationError(\`unknown region "\${String(region)}" (use ${keys.map((k) => `"${k}"`).join(" or ")})\`, {\n`;
    out += `      vendor: spec.vendor,\n      vendorName: spec.vendorName,\n    });\n  }\n`;
    out += `  return createApiClient<paths>(spec, { ...options, baseUrl: options.baseUrl ?? ${NAME}_REGIONS[region] }, profile);\n`;
  } else {
    const generic = `<paths${pages.length ? `, ${Name}Pages` : ""}>`;
    const options = baseUrlRequired ? "options" : `{ ...options, baseUrl: options.baseUrl ?? spec.servers[0].url }`;
    out += `  return createApiClient${generic}(spec, ${options}, profile);\n`;
  }
  out += "}\n";
  return out;
}
