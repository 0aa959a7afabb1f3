// One vendor client: create it, list tokens.
import { createDynatraceClient } from "@apitokens/dynatrace";

const dynatrace = createDynatraceClient({ baseUrl: "https://abc12345.live.dynatrace.com/api/v2", token: globalThis.DT_API_TOKEN });
const { data } = await dynatrace.GET("/apiTokens");
console.log(data?.apiTokens);
