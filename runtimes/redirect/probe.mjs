// What a client does when its vendor's origin redirects to another origin, written once with
// web APIs only and run on Node, Bun and Deno. The servers (test/redirect.test.mjs) record what
// each origin receives; this program only makes the calls and reports how each ended.
import { connect } from "apitokens";

/**
 * @typedef {{ baseUrls: Record<string, string>, tokenUrl: string, credentials: Record<string, string>, sematextApps: number[], plainUrl: string }} ProbeConfig
 */

/**
 * Makes every call that sends a credential to the redirecting origin: the runtime's own
 * `fetch` with an `Authorization` header, then each vendor's client (GET, and a POST that a
 * 307 must resend with its body).
 *
 * @param {ProbeConfig} config
 * @returns {Promise<Record<string, string>>} how each call ended: an HTTP status or an error name
 */
export async function probe(config) {
  const outcomes = {};
  const attempt = async (name, call) => {
    try {
      outcomes[name] = String(await call());
    } catch (error) {
      outcomes[name] = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
    }
  };
  await attempt("fetch() with Authorization", async () => {
    const response = await fetch(config.plainUrl, { headers: { authorization: `Bearer ${config.credentials.dynatrace}` } });
    await response.body?.cancel();
    return response.status;
  });
  const common = { retry: false };
  const vendors = connect({
    timeweb: { baseUrl: config.baseUrls.timeweb, token: config.credentials.timeweb, ...common },
    qernal: { baseUrl: config.baseUrls.qernal, tokenUrl: config.tokenUrl, token: config.credentials.qernal, ...common },
    dynatrace: { baseUrl: config.baseUrls.dynatrace, token: config.credentials.dynatrace, ...common },
    sematext: { baseUrl: config.baseUrls.sematext, token: config.credentials.sematext, appId: config.sematextApps, ...common },
  });
  for (const vendor of ["timeweb", "qernal", "dynatrace", "sematext"]) {
    await attempt(`${vendor} list (GET, 302)`, async () => {
      for await (const token of vendors[vendor].tokens.list()) return `listed ${token.id}`;
      return "listed nothing";
    });
  }
  await attempt(
    "dynatrace create (POST, 307)",
    async () => (await vendors.dynatrace.tokens.create({ name: "redirected", scopes: ["metrics.read"] })).token.id,
  );
  return outcomes;
}
