import { Hono } from "hono";
import type { OperationSpec } from "../openapi/operations.js";
import type { ExtraRoute } from "../vendors/descriptor.js";
import type { Vendor } from "../vendors.js";
import { ConnectionReset } from "./connection-reset.js";
import { answer, type Pipeline } from "./pipeline.js";
import { json } from "./responses.js";

/** What one account of a vendor serves. */
export interface AccountRoutes {
  readonly vendor: Vendor;
  /** Where its spec operations live: the account's root plus the spec's server path (`/dynatrace/api/v2`). */
  readonly prefix: string;
  readonly pipeline: Pipeline;
  /** Routes outside the spec (Qernal's token endpoint), with full paths. */
  readonly extras: readonly ExtraRoute[];
}

/** What the app serves. */
export interface AppParts {
  readonly accounts: readonly AccountRoutes[];
  /** The body of `GET /`: where each vendor lives. */
  readonly index: () => unknown;
}

/**
 * The sandbox as a Hono app: every operation of every spec becomes a route under each
 * account's prefix (`/dynatrace/api/v2/apiTokens/:id`), plus the vendors' extra routes and an
 * index at `/`. Unknown paths get the vendor's 404, known paths with another method its 405.
 *
 * @example createApp(parts).fetch(new Request("http://sandbox.invalid/dynatrace/api/v2/apiTokens"))
 */
export function createApp(parts: AppParts): Hono {
  const app = new Hono();
  const templates: { account: AccountRoutes; pattern: RegExp; methods: string[] }[] = [];
  for (const account of parts.accounts) {
    const { pipeline, prefix } = account;
    const byPath = new Map<string, OperationSpec[]>();
    for (const operation of pipeline.validator.operations) {
      app.on(operation.method, `${prefix}${honoPath(operation.path)}`, (c) => answer(pipeline, operation, c.req.raw, c.req.param()));
      byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
    }
    for (const [path, operations] of byPath) {
      templates.push({ account, pattern: templatePattern(`${prefix}${path}`), methods: operations.map((op) => op.method) });
    }
    for (const extra of account.extras) app.on(extra.method, extra.path, (c) => extra.handle(c.req.raw));
  }
  app.get("/", () => json(200, parts.index()));
  // Longest prefix first: a named account's `/dynatrace/prod/api/v2` before another's shorter one.
  const byPrefix = [...parts.accounts].sort((a, b) => b.prefix.length - a.prefix.length);
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const account = byPrefix.find((a) => path === a.prefix || path.startsWith(`${a.prefix}/`));
    if (!account) return json(404, { message: `no sandbox route for ${path}; see GET / for the vendors' base URLs` });
    const template = templates.find((t) => t.account === account && t.pattern.test(path));
    const emulator = account.pipeline.emulator;
    if (template) return emulator.error(405, `method ${c.req.method} is not allowed on ${path}`, { allow: template.methods.join(", ") });
    return emulator.error(404, `no ${account.vendor} route for ${path}`);
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
