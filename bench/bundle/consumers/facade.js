// The facade: all five clients through connect(), and every token through the unified interface.
import { connect } from "apitokens";

const vendors = connect({
  timeweb: { token: globalThis.TWC_TOKEN },
  qernal: { token: globalThis.QERNAL_TOKEN },
  dynatrace: { baseUrl: "https://abc12345.live.dynatrace.com/api/v2", token: globalThis.DT_API_TOKEN },
  sematext: { region: "eu", token: globalThis.SEMATEXT_API_KEY, appId: 42 },
  gitlab: { token: globalThis.GITLAB_TOKEN, projectIds: 7 },
});
for (const tokens of vendors.all) {
  for await (const token of tokens.list()) console.log(token.vendor, token.id, token.name, token.expiresAt);
}
