import { inspect } from "node:util";
import { createSandbox, type RunningSandbox, type Sandbox, startSandbox } from "@apitokens/sandbox";
import { connect, TimeoutError } from "../src/index.js";

/** Fast retries so fault tests do not wait on real backoff. */
export const FAST = { retry: { initialDelayMs: 1, maxDelayMs: 5, jitter: 0 }, timeout: 5_000, deadline: 20_000 } as const;

/** A fetch that lets a test step in before or after the real request. */
export type Interceptor = (request: Request, forward: () => Promise<Response>) => Promise<Response>;

type AnySandbox = Pick<Sandbox, "url" | "tokenUrl" | "credentials" | "sematextApps">;

/** Every vendor connected to a sandbox, each client going through `intercept` (pass-through by default). */
export function connectTo(
  sandbox: AnySandbox,
  intercept: Interceptor = (_r, forward) => forward(),
  base: (input: Request, init?: RequestInit) => Promise<Response> = (input, init) => globalThis.fetch(input, init),
) {
  const fetch = (input: Request, init?: RequestInit) => intercept(input, () => base(input, init));
  return connect({
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb, fetch, ...FAST },
    qernal: { baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: sandbox.credentials.qernal, fetch, ...FAST },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace, fetch, ...FAST },
    sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps, fetch, ...FAST },
  });
}

/** The four vendors of the in-process sandbox, each client's requests going through `intercept`. */
export function connectInProcess(sandbox: Sandbox, intercept: Interceptor = (_r, forward) => forward()) {
  return connectTo(sandbox, intercept, (input, init) => sandbox.fetch(input, init));
}

export async function sandboxFor(): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed: "lifecycle-tests", validateResponses: true });
}

export function inProcessSandbox(): Sandbox {
  return createSandbox({ seed: "lifecycle-faults", validateResponses: true });
}

/** A connection loss after the request was sent: what undici throws on ECONNRESET. */
export function lostAnswer(code = "ECONNRESET"): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error(code === "ECONNREFUSED" ? "connect ECONNREFUSED" : "socket hang up"), { code }),
  });
}

export async function count(tokens: { list(): AsyncIterable<unknown> }): Promise<number> {
  let n = 0;
  for await (const _ of tokens.list()) n++;
  return n;
}

/** Valid scopes / names per vendor for creating tokens. */
export const CREATE = {
  timeweb: { name: "ci-deploy", scopes: ["servers:read"] },
  qernal: { name: "ci-deploy" },
  dynatrace: { name: "ci-deploy", scopes: ["metrics.read"] },
  sematext: { name: "ci-deploy", scopes: ["read"] },
} as const;

export type FaultVendor = keyof typeof CREATE;
export const FAULT_VENDORS: readonly FaultVendor[] = ["timeweb", "qernal", "dynatrace", "sematext"];

/**
 * The fault kinds, as data: `before` ones never reach the sandbox, `after` ones are answered by
 * it (the request took effect) and then lose or spoil the answer.
 */
export const FAULTS = {
  "refused (before)": { when: "before", fail: () => Promise.reject(lostAnswer("ECONNREFUSED")) },
  "429 (before)": { when: "before", fail: () => Promise.resolve(status(429)) },
  "503 (before)": { when: "before", fail: () => Promise.resolve(status(503)) },
  "reset (before)": { when: "before", fail: () => Promise.reject(lostAnswer()) },
  "reset (after)": { when: "after", fail: () => Promise.reject(lostAnswer()) },
  "timeout (after)": {
    when: "after",
    fail: () => Promise.reject(new TimeoutError("timed out after 30000 ms (one attempt)", { kind: "attempt", timeoutMs: 30_000 })),
  },
  "500 (after)": { when: "after", fail: () => Promise.resolve(status(500)) },
  "502 (after)": { when: "after", fail: () => Promise.resolve(status(502)) },
  "504 (after)": { when: "after", fail: () => Promise.resolve(status(504)) },
  "truncated (after)": { when: "after", fail: (real: Response, text: string) => Promise.resolve(truncated(real, text)) },
  "empty 2xx (after)": { when: "after", fail: (real: Response) => Promise.resolve(like(real, "")) },
  "{} 2xx (after)": { when: "after", fail: (real: Response) => Promise.resolve(like(real, "{}")) },
} as const;
export type FaultKind = keyof typeof FAULTS;
/** One fault: whether the sandbox acts first, and what the caller gets instead of the real answer. */
export interface FaultPlan {
  readonly when: "before" | "after";
  readonly fail: (real: Response, text: string) => Promise<Response>;
}
export const FAULT_KINDS = Object.keys(FAULTS) as FaultKind[];

function status(code: number): Response {
  return new Response(JSON.stringify({ message: `scripted ${code}` }), { status: code, headers: { "content-type": "application/json" } });
}
function like(real: Response, body: string): Response {
  return new Response(body, { status: real.status, headers: real.headers });
}
/** The answer cut in the middle of the secret it carries. */
function truncated(real: Response, text: string): Response {
  const secret = /"token"\s*:\s*"([^"]+)"/.exec(text);
  const cut = secret ? (secret.index ?? 0) + secret[0].length - Math.ceil((secret[1]?.length ?? 0) / 2) : Math.floor(text.length / 2);
  return like(real, text.slice(0, cut));
}

/** Which request a fault hits: the create, the reissue/regenerate, or the old token's delete. */
export type Target = "create" | "reissue" | "delete";

export function isTarget(request: Request, target: Target): boolean {
  const { pathname } = new URL(request.url);
  if (target === "create")
    return request.method === "POST" && /\/(api-keys|tokens|apiTokens)$/.test(pathname) && !pathname.includes("oauth2");
  if (target === "reissue") return (request.method === "PUT" && pathname.includes("/api-keys/")) || pathname.endsWith("/regenerate");
  return request.method === "DELETE";
}

/** The id of the token a create/reissue answer is about, in the unified form. */
export function answeredId(request: Request, text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { api_key?: { id?: string }; data?: { token?: { id?: number } }; id?: unknown };
    if (body.api_key?.id) return body.api_key.id;
    if (body.data?.token?.id !== undefined) return `${/apps\/(\d+)/.exec(request.url)?.[1]}:${body.data.token.id}`;
    return typeof body.id === "string" ? body.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An interceptor that applies `fault` to the next `times` requests matching `target`, and
 * records the ids of the tokens the sandbox created for each caller (the ground truth an
 * assertion needs: which call created what).
 */
export function faulty(fault: FaultKind | undefined, target: Target, record: string[] = [], times = 1): Interceptor {
  let left = times;
  return async (request, forward) => {
    const hit = fault !== undefined && left > 0 && isTarget(request, target);
    if (hit) left--;
    const plan: FaultPlan | undefined = hit && fault ? FAULTS[fault] : undefined;
    if (plan?.when === "before") return plan.fail(new Response(), "");
    const response = await forward();
    if (target === "create" && isTarget(request, "create") && response.ok) {
      const text = await response.clone().text();
      const id = answeredId(request, text);
      if (id) record.push(id);
    }
    if (!plan) return response;
    return plan.fail(response, await response.text());
  };
}

/** The current secret of a token in the sandbox (`undefined` when it is gone). */
export function storedSecret(sandbox: Sandbox, vendor: FaultVendor, id: string): string | undefined {
  const state = sandbox.state;
  switch (vendor) {
    case "timeweb":
      return state.timeweb.get(id)?.secret;
    case "qernal":
      return state.qernal.get(id)?.secret;
    case "dynatrace":
      return state.dynatrace.get(id)?.secret;
    case "sematext": {
      const [app, token] = id.split(":").map(Number);
      return state.sematext.get(app ?? 0, token ?? 0)?.token;
    }
  }
}

/** Ids of the sandbox's tokens of one vendor with this name. */
export function namedInSandbox(sandbox: Sandbox, vendor: FaultVendor, name: string): string[] {
  const state = sandbox.state;
  switch (vendor) {
    case "timeweb":
      return state.timeweb
        .all()
        .filter((t) => t.name === name)
        .map((t) => t.id);
    case "qernal":
      return state.qernal
        .all()
        .filter((t) => t.name === name)
        .map((t) => t.id);
    case "dynatrace":
      return state.dynatrace
        .all()
        .filter((t) => t.name === name)
        .map((t) => t.id);
    case "sematext":
      return sandbox.sematextApps.flatMap((app) =>
        [...(state.sematext.app(app)?.tokens.values() ?? [])].filter((t) => t.name === name).map((t) => `${app}:${t.id}`),
      );
  }
}

/** Every way an error can be shown: JSON, util.inspect (with causes), message and stack. */
export function everyRendering(error: unknown): string {
  const parts = [inspect(error, { depth: 10, showHidden: false }), String(error)];
  try {
    parts.push(JSON.stringify(error));
  } catch {}
  let cause: unknown = error;
  for (let depth = 0; cause instanceof Error && depth < 10; depth++) {
    parts.push(cause.message, cause.stack ?? "", JSON.stringify(Object.entries(cause)));
    cause = cause.cause;
  }
  return parts.join("\n");
}

/** Whether `text` holds any 8-character piece of `secret`. */
export function holdsFragment(text: string, secret: string, size = 8): boolean {
  for (let i = 0; i + size <= secret.length; i++) if (text.includes(secret.slice(i, i + size))) return true;
  return false;
}

/** The part of a secret that is secret (a Dynatrace token's public id and a Qernal token's id are not). */
export function secretPart(vendor: FaultVendor, secret: string): string {
  if (vendor === "dynatrace") return secret.split(".")[2] ?? secret;
  if (vendor === "qernal") return secret.slice(secret.indexOf("@") + 1);
  if (vendor === "timeweb") return secret.slice(secret.lastIndexOf(".") + 1);
  return secret;
}
