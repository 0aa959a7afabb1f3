import type { Random } from "./random.js";
import type { Vendor } from "./vendors.js";

/**
 * A scripted answer in place of the real one:
 * - `rate-limit`: 429 with `Retry-After` and the vendor's error body;
 * - `unavailable`: 503 with the vendor's error body (and `Retry-After` if given);
 * - `reset`: the connection is dropped without an answer (in-process: `fetch` rejects
 *   like undici's, `TypeError("fetch failed")` with an `ECONNRESET` cause);
 * - `malformed`: 200 with the vendor's JSON content type and a truncated JSON body.
 */
export type Fault =
  | { readonly kind: "rate-limit" /** @default 1 */; readonly retryAfterSeconds?: number }
  | { readonly kind: "unavailable"; readonly retryAfterSeconds?: number }
  | { readonly kind: "reset" }
  | { readonly kind: "malformed" };

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
  readonly #scripts = new Map<Vendor, Fault[]>();

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
    this.#settings.set(vendor, settings);
  }

  /** Answers the next `times` requests to `vendor` with `fault` (queued after earlier ones). */
  next(vendor: Vendor, fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    const script = this.#scripts.get(vendor) ?? [];
    for (let i = 0; i < times; i++) script.push(fault);
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

  /** Decides the delay and the fault (if any) of the next request to `vendor`. */
  decide(vendor: Vendor): FaultDecision {
    const settings = this.#settings.get(vendor);
    const latency = settings?.latencyMs ?? 0;
    const delayMs = typeof latency === "number" ? latency : this.#random.int(latency[0], latency[1]);
    const scripted = this.#scripts.get(vendor)?.shift();
    if (scripted) return { delayMs, fault: scripted };
    if (settings && settings.failureRate > 0 && this.#random.chance(settings.failureRate)) return { delayMs, fault: settings.failure };
    return { delayMs, fault: undefined };
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
