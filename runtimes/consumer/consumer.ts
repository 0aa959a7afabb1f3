// A consumer of the packages as npm installs them from their tarballs: type-checked with
// moduleResolution NodeNext and Bundler (and by `deno check`), then run on Node, Bun and Deno.
// Web APIs only: it talks to the in-process sandbox.
import { createSandbox, type Sandbox } from "@apitokens/sandbox";
import { connect, createDynatraceClient, isApiError, Secret, type TokenInfo, unwrap } from "apitokens";

const sandbox: Sandbox = createSandbox({ seed: "consumer" });
const inProcess = { fetch: sandbox.fetch, retry: false } as const;

const dynatrace = createDynatraceClient({ baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace, ...inProcess });
const page = await unwrap(dynatrace.GET("/apiTokens", { params: { query: { pageSize: 100 } } }));
const firstId: string | undefined = page.apiTokens?.[0]?.id;
// @ts-expect-error: the Dynatrace spec has no such path, so the typed client refuses it
void dynatrace.GET("/no-such-path");

const vendors = connect({
  timeweb: { baseUrl: sandbox.url("timeweb"), token: sandbox.credentials.timeweb, ...inProcess },
  qernal: { baseUrl: sandbox.url("qernal"), tokenUrl: sandbox.tokenUrl, token: sandbox.credentials.qernal, ...inProcess },
  dynatrace: { baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace, ...inProcess },
  sematext: { baseUrl: sandbox.url("sematext"), token: sandbox.credentials.sematext, appId: sandbox.sematextApps, ...inProcess },
});
const listed: Record<string, number> = {};
for (const tokens of vendors.all) {
  for await (const token of tokens.list()) {
    const info: TokenInfo = token;
    listed[info.vendor] = (listed[info.vendor] ?? 0) + 1;
  }
}
const { secret } = await vendors.dynatrace.tokens.create({ name: "consumer", scopes: ["metrics.read"] });
const kept: Secret = secret;
const missing = await unwrap(dynatrace.GET("/apiTokens/{id}", { params: { path: { id: "dt0c01.AAAAAAAAAAAAAAAAAAAAAAAA" } } })).catch(
  (error: unknown) => error,
);

console.log(
  `CONSUMER ${JSON.stringify({ firstId, listed, secretShown: `${kept}`, isSecret: kept instanceof Secret, notFound: isApiError(missing, 404) })}`,
);
