import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request the test server received. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** What the server does with one request. */
export type Reply =
  | {
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** A string is sent as is; anything else as JSON. */
      readonly body?: unknown;
      /** Wait this long before sending the headers. */
      readonly delayMs?: number;
      /** Send the headers and the first half of the body, then wait this long before the rest. */
      readonly stallBodyMs?: number;
      /** Send the headers and the first half of the body, then drop the connection. */
      readonly breakBody?: boolean;
    }
  /** Destroy the connection without an answer. */
  | "reset";

/** Computes a reply from the request. */
export type Responder = (request: RecordedRequest) => Reply | Promise<Reply>;

/** A scriptable HTTP server on 127.0.0.1 for tests. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly origin: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Answers the next `times` requests with `reply` (queued after earlier scripted replies). */
  next(reply: Reply | Responder, times?: number): void;
  /** The answer once the script is used up. @default { status: 200, body: {} } */
  fallback(reply: Reply | Responder): void;
  /** Forgets recorded requests and scripted replies. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a real `node:http` server on 127.0.0.1 (port 0) that answers from a script: JSON,
 * HTML, malformed bodies, 429 with `Retry-After`, 503, delays, stalled bodies, resets.
 *
 * @example
 * const server = await startTestServer();
 * server.next({ status: 429, headers: { "retry-after": "1" } });
 * server.next({ status: 200, body: { ok: true } });
 */
export async function startTestServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const script: (Reply | Responder)[] = [];
  let fallback: Reply | Responder = { status: 200, body: {} };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: { ...req.headers },
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(recorded);
    const step = script.shift() ?? fallback;
    const reply = typeof step === "function" ? await step(recorded) : step;
    if (reply === "reset") {
      req.socket.destroy();
      return;
    }
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      });
    if (reply.delayMs) await wait(reply.delayMs);
    const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    const headers: Record<string, string> = {
      ...(typeof reply.body === "string" || reply.body === undefined ? {} : { "content-type": "application/json" }),
      ...reply.headers,
    };
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, headers);
    if (reply.breakBody) {
      res.write(body.slice(0, Math.floor(body.length / 2)));
      setImmediate(() => req.socket.destroy());
      return;
    }
    if (reply.stallBodyMs) {
      res.write(body.slice(0, Math.floor(body.length / 2)));
      await wait(reply.stallBodyMs);
      if (!res.destroyed) res.end(body.slice(Math.floor(body.length / 2)));
      return;
    }
    res.end(body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    origin,
    requests,
    next(reply, times = 1) {
      for (let i = 0; i < times; i++) script.push(reply);
    },
    fallback(reply) {
      fallback = reply;
    },
    reset() {
      requests.length = 0;
      script.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
