import { Hono } from "hono";
import type { OperationSpec } from "../openapi/operations.js";
import { BASE_PATHS, QERNAL_TOKEN_PATH, VENDORS, type Vendor } from "../vendors.js";
import { ConnectionReset } from "./connection-reset.js";
import { answer, type Pipeline } from "./pipeline.js";
import { json } from "./responses.js";

/** What the app serves. */
export interface AppParts {
  readonly pipelines: Readonly<Record<Vendor, Pipeline>>;
  /** Qernal's OAuth2 token endpoint. */
  readonly tokenEndpoint: (request: Request) => Promise<Response>;
  /** The body of `GET /`: where each vendor lives. */
  readonly index: (origin: string) => unknown;
}

/**
 * The sandbox as a Hono app: every operation of every spec becomes a route under the
 * vendor's base path (`/dynatrace/api/v2/apiTokens/:id`), plus Qernal's token endpoint and an
 * index at `/`. Unknown paths get the vendor's 404, known paths with another method its 405.
 *
 * @example createApp(parts).fetch(new Request("http://sandbox.invalid/dynatrace/api/v2/apiTokens"))
 */
export function createApp(parts: AppParts): Hono {
  const app = new Hono();
  const templates: { vendor: Vendor; pattern: RegExp; methods: string[] }[] = [];
  for (const vendor of VENDORS) {
    const pipeline = parts.pipelines[vendor];
    const byPath = new Map<string, OperationSpec[]>();
    for (const operation of pipeline.validator.operations) {
      app.on(operation.method, `${BASE_PATHS[vendor]}${honoPath(operation.path)}`, (c) =>
        answer(pipeline, operation, c.req.raw, c.req.param()),
      );
      byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
    }
    for (const [path, operations] of byPath) {
      templates.push({ vendor, pattern: templatePattern(`${BASE_PATHS[vendor]}${path}`), methods: operations.map((op) => op.method) });
    }
  }
  app.post(QERNAL_TOKEN_PATH, (c) => parts.tokenEndpoint(c.req.raw));
  app.get("/", (c) => json(200, parts.index(new URL(c.req.url).origin)));
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const vendor = VENDORS.find((v) => path === BASE_PATHS[v] || path.startsWith(`${BASE_PATHS[v]}/`));
    if (!vendor) return json(404, { message: `no sandbox route for ${path}; see GET / for the vendors' base URLs` });
    const template = templates.find((t) => t.vendor === vendor && t.pattern.test(path));
    const emulator = parts.pipelines[vendor].emulator;
    if (template) return emulator.error(405, `method ${c.req.method} is not allowed on ${path}`, { allow: template.methods.join(", ") });
    return emulator.error(404, `no ${vendor} route for ${path}`);
  });
  app.onError((error, c) => {
    // A reset must drop the connection, and an aborted request has nobody to answer: both
    // leave the handler as rejections (an in-process `fetch` rejects like a real one).
    if (error instanceof ConnectionReset || c.req.raw.signal.aborted) throw error;
    return json(500, { message: `sandbox error: ${error.message}` });
  });
  return app;
}

/** `/apiTokens/{id}` → `/apiTokens/:id`. */
function honoPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ":$1");
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}
