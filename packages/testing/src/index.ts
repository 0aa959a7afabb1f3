// Test helpers shared by the apitokens packages. Private; not published.

export type { RecordedRequest, Reply, Responder, TestServer } from "./http-server.js";
export { startTestServer } from "./http-server.js";
export type { PrismServer, PrismSettings, StartPrismOptions } from "./prism.js";
export { FETCH_BAD_PORTS, freePort, PRISM_DEFAULTS, prismExample, startPrism } from "./prism.js";
export type { SentRequest } from "./recorder.js";
export { recordRequests } from "./recorder.js";
