import { type RunningSandbox, startSandbox } from "@apitokens/sandbox";
import { connect } from "../src/index.js";

/** Fast retries so fault tests do not wait on real backoff. */
export const FAST = { retry: { initialDelayMs: 1, maxDelayMs: 5, jitter: 0 }, timeout: 5_000, deadline: 20_000 } as const;

/** A fetch that lets a test step in before or after the real request. */
export type Interceptor = (request: Request, forward: () => Promise<Response>) => Promise<Response>;

/** Every vendor connected to a sandbox, each client going through `intercept` (pass-through by default). */
export function connectTo(sandbox: RunningSandbox, intercept: Interceptor = (_r, forward) => forward()) {
  const fetch = (input: Request, init?: RequestInit) => intercept(input, () => globalThis.fetch(input, init));
  return connect({
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb, fetch, ...FAST },
    qernal: { baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: sandbox.credentials.qernal, fetch, ...FAST },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace, fetch, ...FAST },
    sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps, fetch, ...FAST },
  });
}

export async function sandboxFor(): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed: "lifecycle-tests", validateResponses: true });
}

/** A connection loss after the request was sent: what undici throws on ECONNRESET. */
export function lostAnswer(): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
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
