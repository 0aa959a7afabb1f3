// Peer: axios doing the same call.
import axios from "axios";

const { data } = await axios.get("https://abc12345.live.dynatrace.com/api/v2/apiTokens", {
  headers: { Authorization: `Api-Token ${globalThis.DT_API_TOKEN}` },
});
console.log(data.apiTokens);
