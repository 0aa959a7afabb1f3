import type { OperationSpec } from "../openapi/operations.js";
import type { Problem } from "../openapi/validator.js";

/** What a handler gets: the request, its validated values and who sent it. */
export interface HandlerContext<Principal> {
  readonly request: Request;
  readonly url: URL;
  readonly operation: OperationSpec;
  /** Path parameters, converted to their schema's types. */
  readonly path: Readonly<Record<string, unknown>>;
  /** Query parameters, converted (deep objects become objects). */
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed JSON body, already valid against the spec. */
  readonly body: unknown;
  readonly principal: Principal;
}

/** Answers one operation. */
export type Handler<Principal> = (context: HandlerContext<Principal>) => Response | Promise<Response>;

/**
 * One vendor's behaviour: who may call (its security scheme), how it words errors, and a
 * handler per `operationId`. The pipeline around it (faults, validation, self-check) is the
 * same for every vendor.
 */
export interface Emulator<Principal = unknown> {
  /** The vendor's key (its descriptor's `key`). */
  readonly vendor: string;
  /** The media type of the vendor's JSON bodies, exactly as its spec writes it. */
  readonly mediaType: string;
  /** The caller, or the vendor's 401 answer. */
  authenticate(request: Request, operation: OperationSpec): Principal | Response;
  /** The vendor's 400 answer for requests that break the spec. */
  badRequest(problems: readonly Problem[], operation: OperationSpec): Response;
  /** An error answer in the vendor's shape (unknown route, 405, scripted 429/503). */
  error(status: number, message: string, headers?: Record<string, string>): Response;
  readonly handlers: Readonly<Record<string, Handler<Principal>>>;
}
