// Two origins on 127.0.0.1 for the redirect test: A is the vendor (it answers Qernal's token
// endpoint from an in-process sandbox and redirects every other request to B); B is another
// origin on another port (it answers from the same sandbox). Both record what they receive.
import { createServer } from "node:http";
import { BASE_PATHS, createSandbox, QERNAL_TOKEN_PATH, VENDORS } from "@apitokens/sandbox";

/** @typedef {{ method: string, url: string, headers: string, body: string }} Received */

async function listen(handler) {
  const received = [];
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    received.push({ method: request.method, url: request.url, headers: request.rawHeaders.join("\n"), body: body.toString("latin1") });
    const answer = await handler(request, body);
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, received, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Passes a received request to the in-process sandbox. */
function toSandbox(sandbox, request, body) {
  const headers = new Headers();
  for (let i = 0; i < request.rawHeaders.length; i += 2) headers.append(request.rawHeaders[i], request.rawHeaders[i + 1]);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return sandbox.fetch(`${sandbox.origin}${request.url}`, { method: request.method, headers, ...(hasBody ? { body } : {}) });
}

/**
 * Starts origins A and B. GET and HEAD are redirected with 302, everything else with 307 (which
 * keeps the method and the body).
 *
 * @example const { a, b, config, secrets, close } = await startOrigins(); … await close();
 */
export async function startOrigins() {
  const sandbox = createSandbox({ seed: "redirect" });
  const accessTokens = [];
  const b = await listen((request, body) => toSandbox(sandbox, request, body));
  const a = await listen(async (request, body) => {
    if (request.url === QERNAL_TOKEN_PATH) {
      const answer = await toSandbox(sandbox, request, body);
      const issued = await answer.clone().json();
      if (typeof issued.access_token === "string") accessTokens.push(issued.access_token);
      return answer;
    }
    const status = request.method === "GET" || request.method === "HEAD" ? 302 : 307;
    return new Response(null, { status, headers: { location: `${b.origin}${request.url}` } });
  });
  const { credentials } = sandbox;
  return {
    a,
    b,
    /** The probe's configuration: every client pointed at A. */
    config: {
      baseUrls: Object.fromEntries(VENDORS.map((vendor) => [vendor, `${a.origin}${BASE_PATHS[vendor]}`])),
      tokenUrl: `${a.origin}${QERNAL_TOKEN_PATH}`,
      credentials,
      sematextApps: [...sandbox.sematextApps],
      plainUrl: `${a.origin}/plain`,
    },
    /** Every credential in play, by name: the configured ones, Qernal's client secret and the access tokens issued. */
    secrets: () => ({
      "timeweb token": credentials.timeweb,
      "dynatrace token": credentials.dynatrace,
      "sematext API key": credentials.sematext,
      "qernal client secret": credentials.qernal.split("@")[1],
      ...Object.fromEntries(accessTokens.map((token, i) => [`qernal access token ${i + 1}`, token])),
    }),
    close: () => Promise.all([a, b].map(({ server }) => new Promise((resolve) => server.close(resolve)))),
  };
}
