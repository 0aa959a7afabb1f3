// Test helpers shared by the apitokens packages. Private; not published.
export { startTestServer } from "./http-server.js";
export type { RecordedRequest, Reply, Responder, TestServer } from "./http-server.js";
