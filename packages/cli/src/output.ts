import type { Io } from "./io.js";
import { arrayDocument } from "./json-text.js";

/**
 * Where a command writes: with `--json`, exactly one JSON document on stdout; otherwise tables
 * on stdout. Human notes, progress and warnings always go to stderr.
 */
export interface Output {
  readonly json: boolean;
  /** Whether the command's JSON document has been written (an error after it prints no second one). */
  readonly written: boolean;
  /** The command's one JSON document (ignored without `--json`). */
  document(doc: Record<string, unknown>): void;
  /**
   * The command's one JSON document, resolved once stdout has taken all of it and rejected when
   * it could not (a closed pipe): for a document that carries a secret, which must then go to
   * the fallback place. Resolves at once without `--json`.
   */
  documentAndWait(doc: Record<string, unknown>): Promise<void>;
  /**
   * The command's one JSON document, `doc` with a last key `key` whose array elements are
   * already rendered (`json-text.ts`): the same bytes as `document({ ...doc, [key]: [...] })`,
   * written piece by piece (no copy of the whole text).
   */
  documentWithArray(doc: Record<string, unknown>, key: string, elements: readonly string[]): void;
  /** Human text for stdout (ignored with `--json`). */
  text(text: string): void;
  /** A line for a person, on stderr. */
  note(text: string): void;
}

/** The output of one command run. */
export function outputFor(io: Io, json: boolean): Output {
  let written = false;
  return {
    json,
    get written() {
      return written;
    },
    document(doc) {
      if (!json || written) return;
      written = true;
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    },
    async documentAndWait(doc) {
      if (!json || written) return;
      written = true;
      await io.write("stdout", `${JSON.stringify(doc, null, 2)}\n`);
    },
    documentWithArray(doc, key, elements) {
      if (!json || written) return;
      written = true;
      for (const piece of arrayDocument(doc, key, elements)) io.stdout.write(piece);
    },
    text(text) {
      if (!json) io.stdout.write(text);
    },
    note(text) {
      io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
    },
  };
}
