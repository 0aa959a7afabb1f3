import { type Server, STATUS_CODES } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { HttpBindings } from "@hono/node-server";
import { ConnectionReset, type PartialAnswer } from "./http/connection-reset.js";
import { withCors } from "./http/cors.js";
import type { SandboxOptions } from "./options.js";
import { buildSandbox, type Sandbox } from "./sandbox.js";

/** Options of {@link startSandbox}. */
export interface StartSandboxOptions extends SandboxOptions {
  /** The port to listen on; `0` lets the OS pick a free one. @default 0 */
  readonly port?: number | undefined;
  /** The interface to listen on. @default "127.0.0.1" */
  readonly host?: string | undefined;
  /**
   * Answers CORS preflights and adds `Access-Control-Allow-Origin: *` to every answer, so a
   * page on another origin can call the sandbox.
   * @default false
   */
  readonly cors?: boolean | undefined;
}

/** A sandbox served over HTTP. */
export interface RunningSandbox extends Sandbox {
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Where the server listens unless told otherwise, as data.
 *
 * @example await startSandbox({ port: SERVER_DEFAULTS.port, host: SERVER_DEFAULTS.host });
 */
export const SERVER_DEFAULTS = Object.freeze({ port: 0, host: "127.0.0.1", cors: false });

/**
 * Starts the sandbox on a real HTTP server (loopback, an OS-picked port by default).
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, seed: "demo" });
 * const dynatrace = createDynatraceClient({ baseUrl: sandbox.url("dynatrace"), token: sandbox.credentials.dynatrace });
 * await sandbox.close();
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? SERVER_DEFAULTS.host;
  // Loaded here, not at the top: importing the package stays free of node:http, so the
  // in-process handler (`createSandbox`) works on any runtime with fetch.
  const { createAdaptorServer } = await import("@hono/node-server");
  let handle: ((request: Request) => Promise<Response>) | undefined;
  const sockets = new Set<Socket>();
  const server = createAdaptorServer({
    // The sandbox is built once the port is known; nobody can reach it before that.
    fetch: async (request: Request, env: HttpBindings | unknown) => {
      if (!handle) return new Response("starting", { status: 503 });
      try {
        return await handle(request);
      } catch (error) {
        if (!(error instanceof ConnectionReset)) throw error;
        const { socket } = (env as HttpBindings).incoming;
        if (error.partial) await writeThenDrop(socket, error.partial);
        else socket.destroy();
        return new Response(null);
      }
    },
    // Leave the process's global Request/Response alone: tests run clients in the same process.
    overrideGlobalObjects: false,
  }) as Server;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? SERVER_DEFAULTS.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const built = buildSandbox(options, origin);
  handle = options.cors ? withCors(built.handle) : built.handle;
  let closing: Promise<void> | undefined;
  return {
    ...built.sandbox,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/**
 * Writes the status line, the headers (with the whole body's `Content-Length`) and the first
 * bytes of the body straight to the socket, then destroys it once they are flushed: the client
 * reads an answer whose body ends early (the `truncated` fault).
 */
function writeThenDrop(socket: Socket, partial: PartialAnswer): Promise<void> {
  const lines = [`HTTP/1.1 ${partial.status} ${STATUS_CODES[partial.status] ?? ""}`];
  for (const [name, value] of partial.headers) if (name !== "content-length") lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${partial.length}`, "connection: close", "", "");
  const head = new TextEncoder().encode(lines.join("\r\n"));
  return new Promise((resolve) => {
    socket.write(Buffer.concat([head, partial.body]), () => {
      socket.destroy();
      resolve();
    });
  });
}
