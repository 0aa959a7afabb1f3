// The overhead run's server: a child process, so its work never shares a core or an event
// loop with the clients being measured. It answers Dynatrace `GET /api/v2/apiTokens` with a
// fixed two-token page (the spec's shapes), refuses a request without `Api-Token` auth, and
// tells the parent its port over IPC. It exits when the parent disconnects.
import { createServer } from "node:http";

/** The fixed answer: two tokens, last page (`nextPageKey: null`). @see specs/dynatrace.yaml, schema ApiTokenList */
const BODY = JSON.stringify({
  totalCount: 2,
  pageSize: 200,
  nextPageKey: null,
  apiTokens: [
    {
      id: "dt0c01.344TFJGVQ4K7BN7XJ8B7TFQ7",
      name: "ci-metrics-reader",
      enabled: true,
      personalAccessToken: false,
      owner: "john.smith",
      creationDate: "2024-02-05T08:15:30.144Z",
      expirationDate: "2026-02-05T08:15:30.144Z",
      lastUsedDate: "2025-06-01T10:00:00.000Z",
      scopes: ["metrics.read", "entities.read"],
    },
    {
      id: "dt0c01.ZQ4WBJ6KXHFRL2NE5D7TMAYC",
      name: "log-shipper",
      enabled: false,
      personalAccessToken: true,
      owner: "jane.doe",
      creationDate: "2023-11-20T14:02:11.000Z",
      scopes: ["logs.ingest"],
    },
  ],
});
const HEADERS = { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(BODY)) };

const server = createServer((request, response) => {
  if (request.method !== "GET" || !request.url?.startsWith("/api/v2/apiTokens")) {
    response.writeHead(404).end();
  } else if (!request.headers.authorization?.startsWith("Api-Token ")) {
    response
      .writeHead(401, { "content-type": "application/json; charset=utf-8" })
      .end('{"error":{"code":401,"message":"Missing authorization"}}');
  } else {
    response.writeHead(200, HEADERS).end(BODY);
  }
});
// Keep connections open across the whole run: every client reuses its pooled sockets.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: server.address().port });
});
process.on("disconnect", () => process.exit(0));
