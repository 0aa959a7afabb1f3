// Peer: Dynatrace's own SDK (client-classic-environment-v2, 5.x) doing the same call.
import { accessTokensApiTokensClient } from "@dynatrace-sdk/client-classic-environment-v2";

const data = await accessTokensApiTokensClient.listApiTokens();
console.log(data.apiTokens);
