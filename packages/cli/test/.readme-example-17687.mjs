import { connect, createDynatraceClient, paginate, unwrap } from "apitokens";

// One vendor, typed from its spec (DT_ENV_URL: https://abc12345.live.dynatrace.com):
const dynatrace = createDynatraceClient({ baseUrl: `${process.env.DT_ENV_URL}/api/v2`, token: process.env.DT_API_TOKEN });
for await (const token of paginate(dynatrace, "/apiTokens", { params: { query: { pageSize: 500 } } })) console.log(token.id, token.name);
const created = await unwrap(dynatrace.POST("/apiTokens", { body: { name: "ci", scopes: ["metrics.read"], expirationDate: "now+30d" } }));
const meta = await unwrap(dynatrace.GET("/apiTokens/{id}", { params: { path: { id: created.id } } }));

// Every vendor, one lifecycle:
const vendors = connect({
  timeweb: { token: process.env.TWC_TOKEN, baseUrl: process.env.TWC_BASE_URL },
  sematext: { region: "eu", token: process.env.SEMATEXT_API_KEY, appId: Number(process.env.SEMATEXT_APP_ID), baseUrl: process.env.SEMATEXT_BASE_URL },
});
const { token, secret } = await vendors.timeweb.tokens.create({ name: "ci", expiresAt: new Date(Date.now() + 90 * 86_400_000) });
await vendors.timeweb.tokens.revoke(token.id);
const app = await vendors.sematext.tokens.create({ name: "ci" });
const rotated = await vendors.sematext.tokens.rotate(app.token.id); // → { token, secret: Secret }, printed as its first 6 characters and …
console.log(meta.name, String(secret), String(rotated.secret));
