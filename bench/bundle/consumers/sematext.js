// One vendor client: create it, list tokens.
import { createSematextClient } from "@apitokens/sematext";

const sematext = createSematextClient({ region: "eu", token: globalThis.SEMATEXT_API_KEY });
const { data } = await sematext.GET("/users-web/api/v3/apps/{appId}/tokens", { params: { path: { appId: 42 } } });
console.log(data);
