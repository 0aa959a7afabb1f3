import { FAULT_TIMING, type FaultAfter, type FaultBefore, type Faults } from "../faults.js";
import { declaredResponse, type OperationSpec } from "../openapi/operations.js";
import type { SpecValidator } from "../openapi/validator.js";
import type { Emulator } from "../vendors/emulator.js";
import type { Vendor } from "../vendors.js";
import { ConnectionReset } from "./connection-reset.js";

/** What the pipeline of one vendor needs. */
export interface Pipeline {
  readonly vendor: Vendor;
  readonly emulator: Emulator;
  readonly validator: SpecValidator;
  readonly faults: Faults;
  /** Called with what is wrong with a response the sandbox sent, when self-checking is on. */
  readonly onViolation: ((violations: readonly string[]) => void) | undefined;
}

/**
 * Answers one request to a spec operation, in the order a real API does: faults first (a
 * rate limiter sits in front of everything), then authentication (401 before 400), then
 * validation against the spec, then the vendor's handler; the answer is checked against the
 * spec when self-checking is on. A fault scripted for *after* the server acted lets all of
 * that happen and then loses the answer.
 *
 * @example await answer(pipeline, operation, request, { id: "dt0c01.…" })
 */
export async function answer(
  pipeline: Pipeline,
  operation: OperationSpec,
  request: Request,
  path: Record<string, string>,
): Promise<Response> {
  const { emulator, validator, faults } = pipeline;
  const decision = faults.decide(pipeline.vendor, operation);
  if (decision.delayMs > 0) await sleep(decision.delayMs, request.signal);
  const fault = decision.fault;
  if (fault && FAULT_TIMING[fault.kind] === "before") return faultAnswer(emulator, fault as FaultBefore);
  const response = await run(pipeline, operation, request, path);
  if (pipeline.onViolation) {
    const violations = validator.response(operation, response.status, response.headers, await response.clone().text());
    if (violations.length) pipeline.onViolation(violations);
  }
  return fault ? lostAnswer(emulator, fault as FaultAfter, response, request.signal) : response;
}

async function run(pipeline: Pipeline, operation: OperationSpec, request: Request, path: Record<string, string>): Promise<Response> {
  const { emulator, validator } = pipeline;
  const principal = emulator.authenticate(request, operation);
  if (principal instanceof Response) return principal;
  const url = new URL(request.url);
  const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
  const validated = validator.request(operation, { path, url, headers: request.headers, body });
  if (validated.problems.length) {
    // An operation that declares no 400 (Qernal's delete) cannot answer one: a path value
    // outside its schema names nothing that exists, so it is that operation's 404.
    if (!declaredResponse(operation, 400) && declaredResponse(operation, 404)) return emulator.error(404, "Resource not found");
    return emulator.badRequest(validated.problems, operation);
  }
  const handler = emulator.handlers[operation.operationId];
  if (!handler) return emulator.error(501, `${operation.operationId} is not emulated`);
  return handler({ request, url, operation, path: validated.path, query: validated.query, body: validated.body, principal });
}

/** The scripted answer of a fault before the server acts, in the vendor's error shape. */
export function faultAnswer(emulator: Emulator, fault: FaultBefore): Response {
  switch (fault.kind) {
    case "reset":
      throw new ConnectionReset();
    case "malformed":
      // Cut mid-string: a client must treat this as unparseable, not as a valid empty answer.
      return new Response('{"data":[{"id":"sandbox-malformed","name":"trunc', {
        status: 200,
        headers: { "content-type": emulator.mediaType },
      });
    case "rate-limit":
      return emulator.error(429, "Too many requests. Rate limit exceeded.", { "retry-after": String(fault.retryAfterSeconds ?? 1) });
    case "unavailable":
      return emulator.error(
        503,
        "Service temporarily unavailable.",
        fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) },
      );
  }
}

/** What the client gets instead of `response`, which the server produced: the request was applied. */
async function lostAnswer(emulator: Emulator, fault: FaultAfter, response: Response, signal: AbortSignal): Promise<Response> {
  switch (fault.kind) {
    case "reset-after":
      throw new ConnectionReset();
    case "timeout":
      // No answer until the client gives up; its abort (or closed connection) ends the wait.
      await new Promise<never>((_, reject) => {
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      throw new ConnectionReset();
    case "bad-gateway":
      return emulator.error(502, "Bad gateway.");
    case "gateway-timeout":
      return emulator.error(504, "Gateway timeout.");
    case "truncated": {
      const body = new Uint8Array(await response.arrayBuffer());
      // A bodiless answer (204) cannot be cut: the connection drops before it.
      if (body.byteLength === 0) throw new ConnectionReset();
      // Half the body, at least one byte short of it: the client must not see a whole answer.
      const cut = Math.min(body.byteLength - 1, Math.floor(body.byteLength / 2));
      throw new ConnectionReset({ status: response.status, headers: response.headers, body: body.slice(0, cut), length: body.byteLength });
    }
  }
}

/**
 * Waits `ms`, or rejects with the signal's reason as soon as the request is aborted.
 *
 * @example await sleep(50, request.signal);
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
