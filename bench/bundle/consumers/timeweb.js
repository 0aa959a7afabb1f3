// One vendor client: create it, list tokens.
import { createTimewebClient } from "@apitokens/timeweb";

const timeweb = createTimewebClient({ token: globalThis.TWC_TOKEN });
const { data } = await timeweb.GET("/api/v1/auth/api-keys");
console.log(data);
