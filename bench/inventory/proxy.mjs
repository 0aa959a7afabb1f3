import { once } from "node:events";
import { Agent, createServer, request as httpRequest } from "node:http";

/**
 * A counting proxy in front of the sandbox: every request is forwarded as it is, and counted
 * per vendor (the first path segment, as the sandbox routes them) with the time from the
 * vendor's first request to its last answer, the time its requests spent at the sandbox (sum
 * over requests, latency included) and the most requests it had in flight at once.
 *
 * @example const proxy = await startCountingProxy("http://127.0.0.1:4747"); … proxy.stats()
 */
export async function startCountingProxy(target) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const stats = new Map();
  const server = createServer((req, res) => {
    const vendor = req.url.split("/")[1] || "(index)";
    const arrived = performance.now();
    const s = stats.get(vendor) ?? { requests: 0, inFlight: 0, maxInFlight: 0, first: arrived, last: 0, serverMs: 0 };
    stats.set(vendor, s);
    s.requests++;
    s.inFlight++;
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
        answer.on("end", () => {
          s.inFlight--;
          s.last = performance.now();
          s.serverMs += s.last - arrived;
        });
      },
    );
    forward.on("error", (error) => {
      s.inFlight--;
      res.destroy(error);
    });
    req.pipe(forward);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    reset: () => stats.clear(),
    stats: () =>
      Object.fromEntries(
        [...stats].map(([vendor, s]) => [
          vendor,
          { requests: s.requests, maxInFlight: s.maxInFlight, spanMs: s.last - s.first, serverMs: s.serverMs },
        ]),
      ),
    async close() {
      server.closeAllConnections();
      server.close();
      agent.destroy();
    },
  };
}
