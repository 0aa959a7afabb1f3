import { createHash } from "node:crypto";
import type { DefinitionLike } from "./registry.js";

/** A string in a paste that has the shape of a vendor's secret. Holds the secret: never print `value`. */
export interface Candidate {
  readonly vendor: string;
  /** The format's name, e.g. "Dynatrace API token". */
  readonly format: string;
  readonly value: string;
  /** 1-based line and column of the first occurrence. */
  readonly line: number;
  readonly column: number;
  readonly occurrences: number;
  /** The part that is not secret (Dynatrace's token id), when the format has one. */
  readonly public: string | undefined;
  /** `sha256:` and the first 12 hex digits: tells secrets apart without revealing them. */
  readonly fingerprint: string;
}

/**
 * Finds every secret of every vendor's formats in a text (a paste, a log, a file dump), once
 * per distinct value, in the order they appear. A match inside a longer match of another
 * format (the UUID inside a Qernal `<id>@<secret>`) is part of that one, not a second secret.
 *
 * @example scan("log: dt0c01.ABC…", vendors) // [{ vendor: "dynatrace", format: "Dynatrace API token", line: 1, … }]
 */
export function scan(text: string, vendors: readonly DefinitionLike[]): Candidate[] {
  const found: { vendor: string; format: string; value: string; start: number; end: number; public: string | undefined }[] = [];
  for (const vendor of vendors) {
    for (const format of vendor.secretFormats) {
      const pattern = new RegExp(
        format.pattern.source,
        format.pattern.flags.includes("g") ? format.pattern.flags : `${format.pattern.flags}g`,
      );
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        found.push({
          vendor: vendor.key,
          format: format.name,
          value: match[0],
          start,
          end: start + match[0].length,
          public: match.groups?.public,
        });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: typeof found = [];
  for (const match of found) {
    const inside = kept.some(
      (k) =>
        k.start <= match.start &&
        match.end <= k.end &&
        (k.end - k.start > match.end - match.start || k.vendor !== match.vendor || k.format !== match.format),
    );
    if (!inside) kept.push(match);
  }
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
  const byValue = new Map<string, Candidate>();
  for (const match of kept) {
    const seen = byValue.get(match.value);
    if (seen) {
      byValue.set(match.value, { ...seen, occurrences: seen.occurrences + 1 });
      continue;
    }
    byValue.set(match.value, {
      vendor: match.vendor,
      format: match.format,
      value: match.value,
      ...position(match.start),
      occurrences: 1,
      public: match.public,
      fingerprint: fingerprint(match.value),
    });
  }
  return [...byValue.values()];
}

/** `sha256:` and 12 hex digits of the secret's hash. */
export function fingerprint(secret: string): string {
  return `sha256:${createHash("sha256").update(secret).digest("hex").slice(0, 12)}`;
}
