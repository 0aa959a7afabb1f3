import type { SecretFormatSpec } from "./spec.js";

/** What replaces a secret in anything we print or store in an error. */
export const REDACTED = "[REDACTED]";

/**
 * An echo of this many characters of a known secret (a prefix, a suffix or any part in between)
 * is redacted too: a server that cuts a credential when echoing it still leaks most of it.
 */
export const PARTIAL_ECHO = 16;

/** How deep {@link Redactor.value} walks; anything deeper is replaced whole, never kept raw. */
const MAX_DEPTH = 32;

/**
 * Shapes that are secrets wherever they appear and belong to no vendor: the values of an
 * `Authorization`-style header (`Bearer x`, `Api-Token x`, `apiKey x`, `Basic x`). Vendor secret
 * formats are data from each vendor's spec (a spec's `secretFormats`, see {@link SecretFormatSpec}).
 */
const GENERIC_SHAPES: readonly { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  { pattern: /\b(Bearer|Basic|Api-Token|apiKey)\s+[^\s"',;]+/gi, replace: (_m, scheme) => `${scheme} ${REDACTED}` },
];

interface CompiledFormat {
  readonly name: string;
  /** Global: finds every occurrence in a text. */
  readonly pattern: RegExp;
  /** The same pattern without `g` (no `lastIndex` state): tells whether a known secret has this format. */
  readonly single: RegExp;
  readonly redact: boolean;
}

/** Compiled formats by their spec array: each spec's formats are compiled once, not per client or call. */
const compiled = new WeakMap<readonly SecretFormatSpec[], readonly CompiledFormat[]>();

function compile(formats: readonly SecretFormatSpec[]): readonly CompiledFormat[] {
  let out = compiled.get(formats);
  if (!out) {
    out = formats.map((format) => ({
      name: format.name,
      pattern: new RegExp(format.pattern, "g"),
      single: new RegExp(format.pattern),
      redact: format.redact ?? true,
    }));
    compiled.set(formats, out);
  }
  return out;
}

/** Replaces a vendor secret, keeping its `public` group (and the separator that follows it) when it has one. */
function replaceFormat(match: string, ...rest: unknown[]): string {
  const groups = rest.at(-1);
  const visible = groups && typeof groups === "object" ? (groups as Record<string, string | undefined>).public : undefined;
  if (!visible || !match.startsWith(visible)) return REDACTED;
  const separator = /^[^A-Za-z0-9]/.test(match.slice(visible.length)) ? match[visible.length] : "";
  return `${visible}${separator}${REDACTED}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Removes secrets from text: every known secret value (in its raw, URL-encoded and
 * JSON-escaped forms), any echo of 16 or more consecutive characters of one, and every
 * secret-shaped string (generic `Authorization` values and the vendor's formats).
 *
 * A client holds one and feeds it every credential in play: the configured token, a token
 * function's values, an OAuth2 client secret and the access tokens exchanged for it.
 *
 * @example
 * const redactor = new Redactor();
 * redactor.add("s3cr3t-value");
 * redactor.text("token s3cr3t-value refused"); // "token [REDACTED] refused"
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  /** Every {@link PARTIAL_ECHO}-character window of every known secret. */
  readonly #windows = new Set<string>();
  readonly #formats: readonly CompiledFormat[];
  #matcher: RegExp | undefined;

  /** @param formats the vendor's secret formats, from its spec's `secretFormats`. */
  constructor(formats: readonly SecretFormatSpec[] = []) {
    this.#formats = compile(formats);
  }

  /** Remembers a value to redact from now on. Values shorter than 4 characters are ignored. */
  add(secret: string | undefined): void {
    if (typeof secret !== "string" || secret.length < 4 || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    this.#matcher = undefined;
    const secretPart = this.#secretPart(secret);
    for (const variant of new Set([secretPart, encodeURIComponent(secretPart), JSON.stringify(secretPart).slice(1, -1)])) {
      for (let i = 0; i + PARTIAL_ECHO <= variant.length; i++) this.#windows.add(variant.slice(i, i + PARTIAL_ECHO));
    }
  }

  /** Redacts a string. */
  text(input: string): string {
    let out = input;
    if (this.#secrets.size) {
      this.#matcher ??= this.#buildMatcher();
      out = out.replace(this.#matcher, REDACTED);
      if (this.#windows.size && out.length >= PARTIAL_ECHO) out = this.#withoutPartialEchoes(out);
    }
    for (const shape of GENERIC_SHAPES) out = out.replace(shape.pattern, shape.replace as (m: string, ...g: string[]) => string);
    for (const format of this.#formats) if (format.redact) out = out.replace(format.pattern, replaceFormat);
    return out;
  }

  /**
   * Redacts, then cuts to `max` characters (with `…`). In this order, so that a cut never turns a
   * secret into a fragment the redactor no longer recognises.
   */
  snippet(input: string, max: number): string {
    const redacted = this.text(input);
    return redacted.length > max ? `${redacted.slice(0, max - 1)}…` : redacted;
  }

  /**
   * Redacts every string inside a JSON-like value, keys included (returns a copy). Values nested
   * deeper than 32 levels are replaced by `[REDACTED]`.
   */
  value<T>(input: T): T {
    return this.#walk(input, 0) as T;
  }

  #walk(input: unknown, depth: number): unknown {
    if (typeof input === "string") return this.text(input);
    if (input === null || typeof input !== "object") return input;
    if (depth >= MAX_DEPTH) return REDACTED;
    if (Array.isArray(input)) return input.map((item) => this.#walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) out[this.text(key)] = this.#walk(item, depth + 1);
    return out;
  }

  /** The part of a secret that must not be echoed: all of it, minus a vendor format's `public` head. */
  #secretPart(secret: string): string {
    for (const format of this.#formats) {
      const match = format.single.exec(secret);
      const visible = match?.groups?.public;
      if (match && match[0] === secret && visible && secret.startsWith(visible)) return secret.slice(visible.length);
    }
    return secret;
  }

  #withoutPartialEchoes(text: string): string {
    let out = "";
    let copied = 0;
    let i = 0;
    while (i + PARTIAL_ECHO <= text.length) {
      if (!this.#windows.has(text.slice(i, i + PARTIAL_ECHO))) {
        i++;
        continue;
      }
      // Extend over every overlapping window that is also part of a secret.
      let end = i + PARTIAL_ECHO;
      while (end < text.length && this.#windows.has(text.slice(end - PARTIAL_ECHO + 1, end + 1))) end++;
      out += `${text.slice(copied, i)}${REDACTED}`;
      copied = end;
      i = end;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  #buildMatcher(): RegExp {
    const variants = new Set<string>();
    for (const secret of this.#secrets) {
      variants.add(secret);
      variants.add(encodeURIComponent(secret));
      variants.add(JSON.stringify(secret).slice(1, -1));
    }
    // Longest first, so a secret that contains another is removed whole.
    const alternatives = [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp);
    return new RegExp(alternatives.join("|"), "g");
  }
}

/** A redactor that knows no secrets and no vendor formats: it removes only generic secret shapes. */
export const shapeRedactor: Pick<Redactor, "text" | "value" | "snippet"> = new Redactor();
