// Peer: the client @hey-api/openapi-ts generates from specs/dynatrace.yaml (at bench time,
// into bench/.generated, which is gitignored), used as its docs show.
import { client } from "../../.generated/hey-api/client.gen.js";
import { listApiTokens } from "../../.generated/hey-api/sdk.gen.js";

client.setConfig({
  baseUrl: "https://abc12345.live.dynatrace.com/api/v2",
  auth: () => `Api-Token ${(globalThis as { DT_API_TOKEN?: string }).DT_API_TOKEN}`,
});
const { data } = await listApiTokens();
console.log(data?.apiTokens);
