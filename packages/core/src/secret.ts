import { brand, hasBrand, SECRET_BRAND } from "./errors/brand.js";

/** How many leading characters a redacted secret keeps, so people can tell secrets apart. */
const VISIBLE_PREFIX = 6;
const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const DENO_INSPECT = Symbol.for("Deno.customInspect");

/**
 * A token secret that does not leak when printed. `String()`, template literals,
 * `JSON.stringify`, `util.inspect` and `console.log` all show the redacted form;
 * {@link Secret.reveal} returns the value.
 *
 * @example
 * const secret = new Secret("dt0c01.ST2EY72KQINMH574WMNVI7YN.G3DFPB…");
 * `${secret}`;        // "dt0c01…"
 * secret.reveal();    // the full value
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== "string") throw new TypeError("Secret: value must be a string");
    this.#value = value;
  }

  /** The secret itself. Call it only where the value must leave the process (a header, a file). */
  reveal(): string {
    return this.#value;
  }

  /** The redacted form: the first 6 characters (none for short values) and `…`. */
  get redacted(): string {
    return redactedForm(this.#value);
  }

  /** Compares in constant time with respect to the content, so timing does not leak it. */
  equals(other: Secret | string): boolean {
    const a = this.#value;
    const b = typeof other === "string" ? other : other.reveal();
    let diff = a.length ^ b.length;
    for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
    return diff === 0;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [Symbol.toPrimitive](): string {
    return this.redacted;
  }

  [INSPECT](): string {
    return `Secret(${this.redacted})`;
  }

  [DENO_INSPECT](): string {
    return `Secret(${this.redacted})`;
  }
}

brand(Secret, SECRET_BRAND);

/**
 * The redacted form of a secret value: the first 6 characters and `…`, or just `…` when the value
 * is too short for a prefix to be safe (fewer than 18 characters).
 *
 * @example redactedForm("33769323-60b5-4acd-acb0-49fd1f3999b2") // "337693…"
 */
export function redactedForm(value: string): string {
  return value.length >= VISIBLE_PREFIX * 3 ? `${value.slice(0, VISIBLE_PREFIX)}…` : "…";
}

/** Wraps a value in {@link Secret} unless it already is one. */
export function toSecret(value: string | Secret): Secret {
  return isSecret(value) ? value : new Secret(value);
}

/** True for a {@link Secret}, also across copies of this package and after minification (a `Symbol.for` brand). */
export function isSecret(value: unknown): value is Secret {
  return value instanceof Secret || (hasBrand(value, SECRET_BRAND) && typeof (value as Secret).reveal === "function");
}
