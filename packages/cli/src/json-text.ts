import type { TokenInfo } from "apitokens";
import { tokenJson } from "./json.js";

/**
 * How `JSON.stringify(doc, null, 2)` indents an element of an array that is a value of the
 * document's top level (the document's keys are at 2 spaces, the element at 4). JSON text never
 * holds a raw line break (strings escape it), so re-indenting replaces every `\n`.
 */
const ELEMENT_INDENT = "\n    ";
/** Tokens rendered per turn of the event loop, and joined into one text: about 150 kB, 1–2 ms. */
const SLICE = 256;

/** Tokens turned into the text of `--json` while the vendors are still answering. */
export interface TokenTexts {
  /** Queues a token of list `part` (a vendor's index); a part keeps the order of its tokens. */
  add(part: number, token: TokenInfo): void;
  /**
   * Renders what is still queued and returns the texts, parts in order. Each text holds one or
   * more elements of `"tokens"` as `JSON.stringify(doc, null, 2)` writes them, each preceded
   * by `,` and a line break (see {@link arrayDocument}).
   */
  finish(): string[];
}

/** A token as an element of the document's array: `,\n    {…}`. */
export function elementText(value: unknown): string {
  // toJSON() would see "" here instead of its index; a TokenJson holds plain data (the vendor's parsed JSON).
  return `,${ELEMENT_INDENT}${JSON.stringify(value, null, 2).replaceAll("\n", ELEMENT_INDENT)}`;
}

/**
 * Renders tokens (`tokenJson`, then text) in slices of {@link SLICE} on `setImmediate`, so the
 * work runs while the listing waits on the network and an answer that arrives meanwhile is
 * handled between two slices, not after the whole queue. Rendered tokens are not held: only
 * their text, joined per slice.
 */
export function tokenTextsInBackground(parts: number): TokenTexts {
  let queue: { part: number; token: TokenInfo }[] = [];
  let next = 0;
  let scheduled = false;
  const texts: string[][] = Array.from({ length: parts }, () => []);
  const open: string[][] = Array.from({ length: parts }, () => []);
  const flush = (part: number) => {
    const elements = open[part] as string[];
    if (elements.length === 0) return;
    (texts[part] as string[]).push(elements.join(""));
    open[part] = [];
  };
  const render = (limit: number) => {
    const end = Math.min(queue.length, next + limit);
    for (; next < end; next++) {
      const { part, token } = queue[next] as { part: number; token: TokenInfo };
      const elements = open[part] as string[];
      elements.push(elementText(tokenJson(token)));
      if (elements.length >= SLICE) flush(part);
    }
    if (next === queue.length) {
      queue = [];
      next = 0;
    } else if (next >= 4096 && next * 2 >= queue.length) {
      queue = queue.slice(next);
      next = 0;
    }
  };
  const step = () => {
    scheduled = false;
    render(SLICE);
    if (next < queue.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(step);
  };
  return {
    add(part, token) {
      queue.push({ part, token });
      schedule();
    },
    finish() {
      render(Number.POSITIVE_INFINITY);
      for (let part = 0; part < parts; part++) flush(part);
      return texts.flat();
    },
  };
}

/**
 * The text of `JSON.stringify({ ...doc, [key]: elements }, null, 2)` and a line break, byte for
 * byte, in pieces to write one after another: `doc`'s keys first, then `key` with the elements
 * already rendered (each text from {@link TokenTexts.finish} or {@link elementText}).
 */
export function arrayDocument(doc: Record<string, unknown>, key: string, texts: readonly string[]): string[] {
  const fields = JSON.stringify(doc, null, 2);
  const head = `${fields === "{}" ? "{" : `${fields.slice(0, -2)},`}\n  ${JSON.stringify(key)}: `;
  const [first, ...rest] = texts.filter((text) => text !== "");
  if (first === undefined) return [`${head}[]\n}\n`];
  // The first element has no comma before it.
  return [`${head}[${first.slice(1)}`, ...rest, "\n  ]\n}\n"];
}
