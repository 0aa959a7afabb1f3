import { createSandbox, type RunningSandbox, type Sandbox, startSandbox } from "@apitokens/sandbox";
import { FAST } from "@apitokens/testing/faults";
import { connect } from "../src/index.js";

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
export { lostConnection as lostAnswer } from "@apitokens/testing/faults";

export async function count(tokens: { list(): AsyncIterable<unknown> }): Promise<number> {
  let n = 0;
  for await (const _ of tokens.list()) n++;
  return n;
}

// The fault harness (kinds as data, one caller per fault with its ground truth, sandbox
// lookups) is shared with `npm run faults` in bench/.
export {
  CREATE,
  caller,
  everyRendering,
  FAST,
  FAULT_KINDS,
  FAULT_VENDORS,
  FAULTS,
  type FaultKind,
  type FaultVendor,
  holdsFragment,
  namedBy,
  namedInSandbox,
  OPERATIONS,
  ROTATION,
  secretPart,
  storedSecret,
} from "@apitokens/testing/faults";
