import type { Random } from "./random.js";
import type { Vendor } from "./vendors.js";

/**
 * A fault **before** the server acts: the request never reaches the emulator, its state does
 * not change, and a client may safely send it again.
 * - `rate-limit`: 429 with `Retry-After` and the vendor's error body;
 * - `unavailable`: 503 with the vendor's error body (and `Retry-After` if given);
 * - `reset`: the connection is dropped without an answer (in-process: `fetch` rejects
 *   like undici's, `TypeError("fetch failed")` with an `ECONNRESET` cause);
 * - `malformed`: 200 with the vendor's JSON content type and a canned, cut JSON body.
 */
export type FaultBefore =
  | { readonly kind: "rate-limit" /** @default 1 */; readonly retryAfterSeconds?: number }
  | { readonly kind: "unavailable"; readonly retryAfterSeconds?: number }
  | { readonly kind: "reset" }
  | { readonly kind: "malformed" };

/**
 * A fault **after** the server acted: the emulator applied the request (a token may have been
 * created, regenerated or deleted) and then the answer is lost, so the outcome is unknown to
 * the client.
 * - `reset-after`: the connection is dropped instead of the answer;
 * - `timeout`: no answer at all until the client gives up (aborts, or closes the connection);
 * - `bad-gateway` / `gateway-timeout`: 502 / 504 in the vendor's error shape, as a proxy in
 *   front of the API answers when it loses the upstream's answer;
 * - `truncated`: the real status and headers, then half of the real body and a dropped
 *   connection (in-process: reading the body rejects with `TypeError("terminated")`).
 */
export type FaultAfter =
  | { readonly kind: "reset-after" }
  | { readonly kind: "timeout" }
  | { readonly kind: "bad-gateway" }
  | { readonly kind: "gateway-timeout" }
  | { readonly kind: "truncated" };

/** A scripted answer in place of the real one: before the server acts, or after. */
export type Fault = FaultBefore | FaultAfter;

/**
 * When each fault kind strikes, as data: `before` the emulator sees the request (nothing
 * changed) or `after` it applied it (the change happened, the answer is lost).
 *
 * @example FAULT_TIMING["reset-after"] // "after"
 */
export const FAULT_TIMING: Readonly<Record<Fault["kind"], "before" | "after">> = Object.freeze({
  "rate-limit": "before",
  unavailable: "before",
  reset: "before",
  malformed: "before",
  "reset-after": "after",
  timeout: "after",
  "bad-gateway": "after",
  "gateway-timeout": "after",
  truncated: "after",
});

/** Which requests a scripted fault applies to, and how many; omitted fields match all. */
export interface FaultTarget {
  /** How many matching requests get the fault. @default 1 */
  readonly times?: number;
  /** Only requests to this operation (the spec's `operationId`, e.g. `createApiToken`). */
  readonly operationId?: string;
  /** Only requests with this HTTP method (`POST`, any case). */
  readonly method?: string;
}

/** Standing fault settings of one vendor. */
export interface VendorFaults {
  /** Delay before every answer, in ms; `[min, max]` draws from that range. @default 0 */
  readonly latencyMs?: number | readonly [number, number];
  /** Share of requests (0–1) answered with `failure` instead of the real answer. @default 0 */
  readonly failureRate?: number;
  /** What a request picked by `failureRate` gets. @default { kind: "unavailable" } */
  readonly failure?: Fault;
}

/**
 * The fault defaults, as data: no delay, no failures.
 *
 * @example sandbox.faults.set("dynatrace", { ...DEFAULT_FAULTS, latencyMs: 50 });
 */
export const DEFAULT_FAULTS = Object.freeze({
  latencyMs: 0,
  failureRate: 0,
  failure: Object.freeze({ kind: "unavailable" }) as Fault,
});

/** What the pipeline does with one request. */
export interface FaultDecision {
  readonly delayMs: number;
  readonly fault: Fault | undefined;
}

/**
 * Fault injection per vendor: standing settings (latency, failure rate) and a queue of
 * scripted answers for the next N requests, which come first. The failure-rate draws use the
 * sandbox's seeded PRNG, so a seeded run fails the same requests every time.
 *
 * @example
 * sandbox.faults.next("dynatrace", { kind: "rate-limit", retryAfterSeconds: 2 }, 3);
 * sandbox.faults.set("timeweb", { latencyMs: [20, 80], failureRate: 0.1 });
 */
export class Faults {
  readonly #random: Random;
  readonly #settings = new Map<Vendor, Required<VendorFaults>>();
  readonly #scripts = new Map<Vendor, Scripted[]>();

  constructor(random: Random, initial: Partial<Record<Vendor, VendorFaults>> = {}) {
    this.#random = random;
    for (const [vendor, faults] of Object.entries(initial) as [Vendor, VendorFaults][]) this.set(vendor, faults);
  }

  /** Replaces the standing settings of a vendor (omitted fields take the defaults). */
  set(vendor: Vendor, faults: VendorFaults): void {
    const settings = { ...DEFAULT_FAULTS, ...stripUndefined(faults) };
    const [min, max] = typeof settings.latencyMs === "number" ? [settings.latencyMs, settings.latencyMs] : settings.latencyMs;
    if (!(min >= 0 && max >= min))
      throw new RangeError(`latencyMs must be >= 0 (and min <= max), got ${JSON.stringify(settings.latencyMs)}`);
    if (!(settings.failureRate >= 0 && settings.failureRate <= 1))
      throw new RangeError(`failureRate must be within 0..1, got ${settings.failureRate}`);
    if (!(settings.failure.kind in FAULT_TIMING)) throw new RangeError(`unknown fault kind ${JSON.stringify(settings.failure.kind)}`);
    this.#settings.set(vendor, settings);
  }

  /**
   * Answers the next requests to `vendor` with `fault` (queued after earlier ones): the next
   * `times` requests, or the next ones that match an operation and/or a method.
   *
   * @example
   * sandbox.faults.next("dynatrace", { kind: "reset-after" }, { operationId: "createApiToken" });
   * sandbox.faults.next("timeweb", { kind: "rate-limit" }, 3);
   */
  next(vendor: Vendor, fault: Fault, target: number | FaultTarget = 1): void {
    const { times = 1, operationId, method } = typeof target === "number" ? { times: target } : target;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    if (!(fault.kind in FAULT_TIMING)) throw new RangeError(`unknown fault kind ${JSON.stringify(fault.kind)}`);
    const script = this.#scripts.get(vendor) ?? [];
    const upper = method?.toUpperCase();
    for (let i = 0; i < times; i++) script.push({ fault, operationId, method: upper });
    this.#scripts.set(vendor, script);
  }

  /** How many scripted answers are still queued for `vendor`. */
  pending(vendor: Vendor): number {
    return this.#scripts.get(vendor)?.length ?? 0;
  }

  /** Forgets the settings and scripts of one vendor, or of all. */
  clear(vendor?: Vendor): void {
    if (vendor) {
      this.#settings.delete(vendor);
      this.#scripts.delete(vendor);
    } else {
      this.#settings.clear();
      this.#scripts.clear();
    }
  }

  /** Decides the delay and the fault (if any) of the next request to `vendor`'s operation. */
  decide(vendor: Vendor, operation?: { readonly operationId: string; readonly method: string }): FaultDecision {
    const settings = this.#settings.get(vendor);
    const latency = settings?.latencyMs ?? 0;
    const delayMs = typeof latency === "number" ? latency : this.#random.int(latency[0], latency[1]);
    const script = this.#scripts.get(vendor);
    const index = script?.findIndex(
      (entry) =>
        (entry.operationId === undefined || entry.operationId === operation?.operationId) &&
        (entry.method === undefined || entry.method === operation?.method),
    );
    if (script && index !== undefined && index >= 0) {
      const [scripted] = script.splice(index, 1);
      if (scripted) return { delayMs, fault: scripted.fault };
    }
    if (settings && settings.failureRate > 0 && this.#random.chance(settings.failureRate)) return { delayMs, fault: settings.failure };
    return { delayMs, fault: undefined };
  }
}

/** A queued fault and the requests it waits for. */
interface Scripted {
  readonly fault: Fault;
  readonly operationId: string | undefined;
  readonly method: string | undefined;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
