import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";

/**
 * How {@link startPrism} runs Prism.
 *
 * @example
 * const settings: PrismSettings = { ...PRISM_DEFAULTS, startupTimeoutMs: 10_000 };
 */
export interface PrismSettings {
  /** @default 60000 */
  readonly startupTimeoutMs: number;
  /** @default 3000 */
  readonly killGraceMs: number;
  /** Pass `--errors` to Prism. @default true */
  readonly errors: boolean;
  /** @default 3 */
  readonly attempts: number;
  /** @default 60 */
  readonly outputLines: number;
  /** @default 50 */
  readonly readinessPollMs: number;
}

/**
 * How {@link startPrism} runs Prism, as data.
 *
 * @example
 * beforeAll(async () => { prism = await startPrism(spec); }, PRISM_DEFAULTS.startupTimeoutMs + 10_000);
 */
export const PRISM_DEFAULTS: PrismSettings = Object.freeze({
  /** Milliseconds to wait for "Prism is listening"; a cold start on a busy 2-core machine takes a few seconds. */
  startupTimeoutMs: 60_000,
  /** Milliseconds between SIGTERM and SIGKILL on close. */
  killGraceMs: 3_000,
  /** Answer request violations (and responses that break the spec) with an error, not just a header. */
  errors: true,
  /** Ports tried when another process takes the free port first. */
  attempts: 3,
  /** Lines of Prism's output kept for error messages. */
  outputLines: 60,
  /** Milliseconds between two readiness probes (an HTTP request to Prism's port) until it answers, within `startupTimeoutMs`. */
  readinessPollMs: 50,
});

/**
 * Ports that `fetch` refuses to connect to (the Fetch standard's "bad ports"), so a free
 * port from the OS is skipped when it is one of them.
 *
 * @see https://fetch.spec.whatwg.org/#port-blocking
 * @example FETCH_BAD_PORTS.has(6000) // true: X11
 */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * Options of {@link startPrism}: any of {@link PRISM_DEFAULTS}.
 *
 * @example
 * await startPrism(spec, { errors: false });
 */
export type StartPrismOptions = Partial<PrismSettings>;

/**
 * A running Prism mock server.
 *
 * @example
 * const prism: PrismServer = await startPrism(spec);
 * const client = createDynatraceClient({ baseUrl: prism.url, token });
 */
export interface PrismServer {
  /** `http://127.0.0.1:<port>`: the spec's paths are served at its root, without the servers' base paths. */
  readonly url: string;
  /** What Prism printed lately (its log of requests and violations), for failure messages. */
  output(): string;
  /** Stops Prism and its process group; safe to call twice. */
  close(): Promise<void>;
}

const READY = /Prism is listening on http:\/\/127\.0\.0\.1:\d+/;
const requireHere = createRequire(import.meta.url);
// A preload that ends Prism when the test process goes away without calling close() (even on
// SIGKILL): the test process holds the write end of Prism's stdin, and the OS closes it then.
const WATCHDOG = "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).on('error',()=>process.exit(0)).resume()";
// A preload that makes Prism answer every request with `Connection: close` and close the socket
// after the answer. With keep-alive, Prism's server closes an idle socket after 5 s while the
// client's pool may pick the same socket for its next request; on a loaded machine the two race
// and the request fails with UND_ERR_SOCKET "other side closed". A fresh connection per request
// leaves nothing to race. It observes Node's `http.server.request.start` channel, so Prism's own
// code is untouched.
const ONE_REQUEST_PER_CONNECTION = `data:text/javascript,${encodeURIComponent(
  'import { subscribe } from "node:diagnostics_channel"; subscribe("http.server.request.start", ({ response }) => { response.shouldKeepAlive = false; });',
)}`;

/**
 * Starts `@stoplight/prism-cli` in mock mode on 127.0.0.1, on a free port, serving `specPath`.
 * Prism validates every request against the spec (parameters, body, security) and answers
 * a violation with a 4xx; with `errors` (the default) it also refuses to send a response that
 * breaks the spec. Static mode: each answer is the first example of the response.
 *
 * It resolves once Prism has said it listens and has answered an HTTP request on its port (no
 * fixed wait). Every answer closes its connection (`Connection: close`), so a client never
 * reuses a socket that Prism is closing: start one Prism per test file and share it.
 *
 * Prism runs as `node <prism bin>` in its own process group, so `close()` ends everything it
 * started; a process that exits without calling `close()` takes Prism down with it.
 *
 * @example
 * let prism: PrismServer;
 * beforeAll(async () => { prism = await startPrism("../../specs/dynatrace.yaml"); }, 60_000);
 * afterAll(() => prism.close());
 */
export async function startPrism(specPath: string, options: StartPrismOptions = {}): Promise<PrismServer> {
  const settings: PrismSettings = { ...PRISM_DEFAULTS, ...options };
  let lastError: unknown;
  for (let attempt = 0; attempt < settings.attempts; attempt++) {
    try {
      return await launch(resolve(specPath), await freePort(), settings);
    } catch (error) {
      lastError = error;
      // Only a port taken between our probe and Prism's bind is worth another try.
      if (!(error instanceof Error && /EADDRINUSE/.test(error.message))) throw error;
    }
  }
  throw lastError;
}

/**
 * A port the OS considers free on 127.0.0.1 right now (bound to port 0, then released), never
 * a Fetch bad port. Another process may take it before it is used; {@link startPrism} retries.
 *
 * @example
 * const port = await freePort();
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const server = createServer();
      server.once("error", fail);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        const found = typeof address === "object" && address ? address.port : 0;
        server.close(() => done(found));
      });
    });
    if (!FETCH_BAD_PORTS.has(port)) return port;
  }
}

function prismBin(): string {
  const manifest = requireHere.resolve("@stoplight/prism-cli/package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: string | Record<string, string> };
  return resolve(dirname(manifest), typeof bin === "string" ? bin : (bin.prism ?? ""));
}

function launch(spec: string, port: number, settings: PrismSettings): Promise<PrismServer> {
  const preloads = ["--import", WATCHDOG, "--import", ONE_REQUEST_PER_CONNECTION];
  const args = [...preloads, prismBin(), "mock", spec, "--host", "127.0.0.1", "--port", String(port)];
  if (settings.errors) args.push("--errors");
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const lines: string[] = [];
  const output = () => lines.join("\n");
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);
  // Don't let a forgotten close() keep the test process alive; the exit hook still ends Prism.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void }).unref?.();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((done) => child.once("exit", () => done()));
        killGroup(child, "SIGTERM");
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<"timeout">((done) => {
          timer = setTimeout(() => done("timeout"), settings.killGraceMs);
        });
        if ((await Promise.race([exited, graceOver])) === "timeout") {
          killGroup(child, "SIGKILL");
          await exited;
        }
        clearTimeout(timer);
      }
      child.stdin?.destroy();
    })();
    return closing;
  };

  return new Promise<PrismServer>((done, fail) => {
    let settled = false;
    let announced = false;
    const timer = setTimeout(
      () => give(new Error(`Prism did not start within ${settings.startupTimeoutMs} ms:\n${output()}`)),
      settings.startupTimeoutMs,
    );
    const give = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      close().then(() => fail(error), fail);
    };
    const collect = (chunk: Buffer) => {
      // Always drain the pipes, or Prism blocks once its request log fills the pipe buffer.
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        lines.push(line);
        if (lines.length > settings.outputLines) lines.shift();
        if (!announced && READY.test(line)) {
          announced = true;
          const url = `http://127.0.0.1:${port}`;
          answers(url, settings.readinessPollMs, () => settled).then(() => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            done({ url, output, close });
          }, give);
        }
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("error", (error) => give(error));
    child.once("exit", (code, signal) => give(new Error(`Prism exited (${signal ?? `code ${code}`}) before it was ready:\n${output()}`)));
  });
}

/**
 * Resolves once an HTTP request to `url` gets an answer (any status): the port is bound and the
 * server handles requests. Probes again every `pollMs` while the connection is refused, until
 * `stopped()` (the startup deadline, Prism's exit) says to give up.
 */
async function answers(url: string, pollMs: number, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    try {
      const response = await fetch(url, { method: "HEAD", headers: { connection: "close" } });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((next) => setTimeout(next, pollMs));
    }
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // A negative pid signals the whole process group that `detached` gave Prism.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * The example Prism answers with in static mode: the `example`, or the first of the
 * `examples`, of the first media type of an operation's response, with `$ref`s resolved.
 * Lets a test compare what the client parsed with what the spec promises.
 *
 * @example
 * expect(data).toEqual(prismExample("../../specs/dynatrace.yaml", "getApiToken", 200));
 */
export function prismExample(specPath: string, operationId: string, status: number | string): unknown {
  const document = parse(readFileSync(resolve(specPath), "utf8")) as Record<string, unknown>;
  const deref = (value: unknown): Record<string, unknown> => {
    let current = value as Record<string, unknown>;
    while (current && typeof current.$ref === "string") {
      current = current.$ref
        .replace(/^#\//, "")
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document) as Record<string, unknown>;
    }
    return current;
  };
  for (const item of Object.values(document.paths as Record<string, Record<string, unknown>>)) {
    for (const operation of Object.values(item) as Record<string, unknown>[]) {
      if (operation?.operationId !== operationId) continue;
      const response = deref((operation.responses as Record<string, unknown>)[String(status)]);
      const media = Object.values((response?.content ?? {}) as Record<string, Record<string, unknown>>)[0];
      if (!media) throw new Error(`${operationId} ${status} has no content`);
      if ("example" in media) return media.example;
      const first = Object.values((media.examples ?? {}) as Record<string, unknown>)[0];
      if (first === undefined) throw new Error(`${operationId} ${status} has no example`);
      return deref(first).value;
    }
  }
  throw new Error(`no operation ${operationId} in ${specPath}`);
}
