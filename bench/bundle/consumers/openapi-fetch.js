// Peer: bare openapi-fetch doing the same call (no auth scheme handling, retries or typed errors).
import createClient from "openapi-fetch";

const client = createClient({
  baseUrl: "https://abc12345.live.dynatrace.com/api/v2",
  headers: { Authorization: `Api-Token ${globalThis.DT_API_TOKEN}` },
});
const { data } = await client.GET("/apiTokens");
console.log(data?.apiTokens);
