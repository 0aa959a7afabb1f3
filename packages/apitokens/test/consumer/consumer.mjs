// A plain ESM consumer: no TypeScript, no bundler, the package imported by its name.
import * as facade from "apitokens";
import { connect, createDynatraceClient, isApiError, paginate, Secret, unwrap } from "apitokens";

const [baseUrl, token] = process.argv.slice(2);
const dynatrace = createDynatraceClient({ baseUrl, token });
let count = 0;
for await (const _ of paginate(dynatrace, "/apiTokens", { params: { query: { pageSize: 100 } } })) count++;
const vendors = connect({ dynatrace: { baseUrl, token } });
const { token: created, secret } = await vendors.dynatrace.tokens.create({ name: "from-consumer", scopes: ["metrics.read"] });
const missing = await unwrap(dynatrace.GET("/apiTokens/{id}", { params: { path: { id: "dt0c01.AAAAAAAAAAAAAAAAAAAAAAAA" } } })).catch(
  (e) => e,
);
console.log(
  JSON.stringify({
    count,
    created: created.id,
    secretIsSecret: secret instanceof Secret,
    printed: `${secret}`,
    notFound: isApiError(missing, 404),
    // The vendor-author interface stays in @apitokens/core; the built facade must not carry it.
    internals: ["createApiClient", "defineVendor", "Redactor", "withRetry", "PAGINATION", "dynatraceAdapter"].filter(
      (name) => name in facade,
    ),
  }),
);
