// One vendor client: create it, list tokens.
import { createQernalClient } from "@apitokens/qernal";

const qernal = createQernalClient({ token: globalThis.QERNAL_TOKEN });
const { data } = await qernal.GET("/auth/tokens");
console.log(data);
