/** What replaces a secret in anything we print or store in an error. */
export const REDACTED = "[REDACTED]";

/**
 * Shapes that are secrets wherever they appear. Each keeps a short public head where the
 * vendor treats that part as public (the Dynatrace token id), so logs stay useful.
 */
const SECRET_SHAPES: readonly { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }[] = [
  // `Authorization`-style values: `Bearer x`, `Api-Token x`, `apiKey x`, `Basic x`.
  { pattern: /\b(Bearer|Basic|Api-Token|apiKey)\s+[^\s"',;]+/gi, replace: (_m, scheme) => `${scheme} ${REDACTED}` },
  // Dynatrace secret: `dt0c01.<public 24>.<secret 64>` — the id part is public.
  // @see ../../../shared/reference/dynatrace.md §1.6
  { pattern: /\b(dt0[a-zA-Z][0-9]{2}\.[A-Z0-9]{24})\.[A-Z0-9]{64}\b/g, replace: (_m, id) => `${id}.${REDACTED}` },
  // JSON Web Tokens (Timeweb API keys are JWTs).
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replace: () => REDACTED },
  // `<client id>@<client secret>` credentials (Qernal): the id is public, the secret is not.
  { pattern: /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^\s"',;]+/gi, replace: (_m, id) => `${id}@${REDACTED}` },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Removes secrets from text: every known secret value (in its raw, URL-encoded and
 * JSON-escaped forms) and every secret-shaped string.
 *
 * @example
 * const redactor = new Redactor();
 * redactor.add("s3cr3t-value");
 * redactor.text("token s3cr3t-value refused"); // "token [REDACTED] refused"
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  #matcher: RegExp | undefined;

  /** Remembers a value to redact from now on. Values shorter than 4 characters are ignored. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4 || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    this.#matcher = undefined;
  }

  /** Redacts a string. */
  text(input: string): string {
    let out = input;
    if (this.#secrets.size) {
      this.#matcher ??= this.#buildMatcher();
      out = out.replace(this.#matcher, REDACTED);
    }
    for (const shape of SECRET_SHAPES) out = out.replace(shape.pattern, shape.replace as (m: string, ...g: string[]) => string);
    return out;
  }

  /** Redacts every string inside a JSON-like value (returns a copy). */
  value<T>(input: T): T {
    return this.#walk(input, 0) as T;
  }

  #walk(input: unknown, depth: number): unknown {
    if (typeof input === "string") return this.text(input);
    if (depth > 32 || input === null || typeof input !== "object") return input;
    if (Array.isArray(input)) return input.map((item) => this.#walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) out[this.text(key)] = this.#walk(item, depth + 1);
    return out;
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

/** A redactor that knows no secrets: it removes only secret-shaped strings. */
export const shapeRedactor: Pick<Redactor, "text" | "value"> = new Redactor();
