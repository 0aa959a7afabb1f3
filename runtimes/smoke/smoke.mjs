// The smoke program, written once with web APIs only (no `node:` import, no Node global), and
// run unchanged on every runtime of the matrix against the in-process sandbox: no socket, so it
// also runs where there is no server API (workerd, a browser page).
import { createSandbox } from "@apitokens/sandbox";
import { connect, createQernalClient, Secret, unwrap } from "apitokens";

/** The vendors `connect()` lists, in the facade's order. */
const VENDORS = ["timeweb", "qernal", "dynatrace", "sematext"];

/**
 * @typedef {{ name: string, ok: boolean, detail?: string, error?: string }} Check
 * @typedef {{ ok: boolean, checks: Check[], ms: number }} SmokeReport
 */

/**
 * Runs every check and reports each one; never throws, so a runtime that fails one check still
 * reports the others.
 *
 * @returns {Promise<SmokeReport>}
 * @example const report = await smoke(); console.log(report.ok, report.checks);
 */
export async function smoke() {
  const started = performance.now();
  /** @type {Check[]} */
  const checks = [];
  const check = async (name, run) => {
    try {
      const detail = await run();
      checks.push({ name, ok: true, ...(detail === undefined ? {} : { detail: String(detail) }) });
    } catch (error) {
      checks.push({ name, ok: false, error: describe(error) });
    }
  };

  let sandbox;
  await check("createSandbox() in-process", () => {
    sandbox = createSandbox({ seed: "runtimes" });
  });
  if (sandbox !== undefined) {
    const vendors = connectAll(sandbox);
    for (const vendor of VENDORS) {
      await check(`connect().${vendor}.tokens.list()`, async () => {
        let count = 0;
        for await (const token of vendors[vendor].tokens.list()) {
          if (token.vendor !== vendor || typeof token.id !== "string") throw new Error(`unexpected token ${JSON.stringify(token)}`);
          count++;
        }
        if (count === 0) throw new Error("no tokens listed from a seeded sandbox");
        return `${count} tokens`;
      });
    }
    await check("dynatrace create, rotate, revoke", () => dynatraceLifecycle(vendors.dynatrace.tokens));
    await check("qernal OAuth2 client-credentials exchange", () => qernalExchange(sandbox));
  }
  return { ok: checks.every((c) => c.ok), checks, ms: Math.round(performance.now() - started) };
}

function connectAll(sandbox) {
  const common = { fetch: sandbox.fetch, retry: false };
  return connect({
    timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb, ...common },
    qernal: { baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: sandbox.credentials.qernal, ...common },
    dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace, ...common },
    sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps, ...common },
  });
}

async function dynatraceLifecycle(tokens) {
  const { token, secret } = await tokens.create({ name: "runtimes-smoke", scopes: ["metrics.read"] });
  if (!(secret instanceof Secret) || !/^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/.test(secret.reveal()))
    throw new Error("create gave no Dynatrace secret");
  if (JSON.stringify({ secret }).includes(secret.reveal())) throw new Error("JSON.stringify shows the secret");
  const rotated = await tokens.rotate(token.id, { revokeOld: "delete" });
  if (rotated.secret.reveal() === secret.reveal()) throw new Error("rotate gave the same secret");
  await tokens.revoke(rotated.token.id);
  const left = [];
  for await (const t of tokens.list()) if (t.id === token.id || t.id === rotated.token.id) left.push(t.id);
  if (left.length > 0) throw new Error(`still listed after revoke: ${left.join(", ")}`);
  return `created ${token.id.slice(0, 14)}…, rotated to ${rotated.token.id.slice(0, 14)}…, both gone`;
}

async function qernalExchange(sandbox) {
  const seen = { exchanges: 0, bearer: undefined };
  const fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.url === sandbox.tokenUrl) seen.exchanges++;
    else seen.bearer = request.headers.get("authorization") ?? undefined;
    return sandbox.fetch(request);
  };
  const client = createQernalClient({
    baseUrl: sandbox.url("qernal"),
    tokenUrl: sandbox.tokenUrl,
    token: sandbox.credentials.qernal,
    fetch,
  });
  await unwrap(client.GET("/auth/tokens"));
  await unwrap(client.GET("/auth/tokens"));
  const clientSecret = sandbox.credentials.qernal.split("@")[1] ?? "";
  if (seen.exchanges !== 1) throw new Error(`${seen.exchanges} token requests for two calls (want 1: the access token is reused)`);
  if (!seen.bearer?.startsWith("Bearer ")) throw new Error("the API call carried no Bearer access token");
  if (seen.bearer.includes(clientSecret)) throw new Error("the API call carried the client secret instead of an access token");
  return "one exchange, Bearer access token reused";
}

/** An error as one line: name, message and the first cause. */
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : "";
  return `${error.name}: ${error.message}${cause}`;
}
