// The sandbox's GitLab descriptor (store, seed, credential, emulator, connect extras) behind an
// in-process `fetch`, routed by the operations of specs/gitlab.yaml. It stands in for
// `createSandbox().connectOptions("gitlab")` until the sandbox's descriptor registry is committed
// (it was mid-change when these tests were written); no Ajv validation of requests here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { OpenApiDocument } from "../../../sandbox/src/openapi/document.js";
import { operationsOf } from "../../../sandbox/src/openapi/operations.js";
import { Random } from "../../../sandbox/src/random.js";
import { gitlab } from "../../../sandbox/src/vendors/gitlab/descriptor.js";
import type { GitlabStore } from "../../../sandbox/src/vendors/gitlab/store.js";

const SPEC = fileURLToPath(new URL("../../../../specs/gitlab.yaml", import.meta.url));
const operations = operationsOf(parse(readFileSync(SPEC, "utf8")) as OpenApiDocument);
const INTEGERS = new Set(["page", "per_page", "user_id", "id", "token_id"]);

export interface GitlabSandbox {
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  readonly url: string;
  readonly credential: string;
  readonly store: GitlabStore;
  readonly connect: { readonly baseUrl: string; readonly projectIds: number[]; readonly groupIds: number[] };
  /** Every request the emulator answered: method, path, status. */
  readonly log: { method: string; path: string; status: number }[];
}

const value = (name: string, text: string): unknown =>
  INTEGERS.has(name) && /^\d+$/.test(text) ? Number(text) : text === "true" ? true : text === "false" ? false : text;

export function gitlabSandbox(options: { seed?: string; count?: number; now?: () => number } = {}): GitlabSandbox {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? "gitlab-test";
  const store = gitlab.createStore(new Random(`${seed}:gitlab`));
  const seeded = gitlab.seed(store, new Random(`${seed}:gitlab:seed`), now() - (now() % 86_400_000), options.count ?? 0);
  const origin = "http://sandbox.invalid";
  const context = { store, seeded, now, random: (label: string) => new Random(`${seed}:${label}`), options: {}, root: `${origin}/gitlab` };
  const emulator = gitlab.emulator(context);
  const log: GitlabSandbox["log"] = [];
  const routes = operations.map((operation) => ({
    operation,
    pattern: new RegExp(`^${`/gitlab${gitlab.basePath}`}${operation.path.replace(/\{([^}]+)\}/g, "(?<$1>[^/]+)")}$`),
  }));
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    const route = routes
      .filter((r) => r.operation.method === request.method)
      // Literal segments win over parameters (`/self` before `/{id}`), as in GitLab's router.
      .sort((a, b) => (a.operation.path.includes("/self") ? -1 : 0) - (b.operation.path.includes("/self") ? -1 : 0))
      .find((r) => r.pattern.test(url.pathname));
    if (!route) return new Response(JSON.stringify({ message: "404 Not Found" }), { status: 404 });
    const principal = emulator.authenticate(request, route.operation);
    let response: Response;
    if (principal instanceof Response) response = principal;
    else {
      const groups = route.pattern.exec(url.pathname)?.groups ?? {};
      const path = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, value(k, decodeURIComponent(v))]));
      const query = Object.fromEntries([...url.searchParams].map(([k, v]) => [k, value(k, v)]));
      const text = request.method === "GET" ? "" : await request.text();
      const handler = emulator.handlers[route.operation.operationId];
      if (!handler) throw new Error(`${route.operation.operationId} is not emulated`);
      response = await handler({
        request,
        url,
        operation: route.operation,
        path,
        query,
        body: text ? JSON.parse(text) : undefined,
        principal,
      });
    }
    log.push({ method: request.method, path: url.pathname, status: response.status });
    return response;
  };
  const url = `${origin}/gitlab${gitlab.basePath}`;
  const extras = gitlab.connectExtras?.(context) as { projectIds: number[]; groupIds: number[] };
  return { fetch, url, credential: gitlab.credential(seeded), store, connect: { baseUrl: url, ...extras }, log };
}
