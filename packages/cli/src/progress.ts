import type { Io } from "./io.js";

/** A one-line status on stderr while vendors are queried; silent when stderr is not a terminal. */
export interface Progress {
  /** Shows `text()`, which is called only when a line is due (on a terminal, at most every 80 ms). */
  update(text: () => string): void;
  done(): void;
}

/**
 * Shows what is being fetched, rewriting one line (`\r`), at most every 80 ms. The text is
 * built only when it is shown: a listing calls `update` for every token.
 *
 * @example const progress = progressFor(io); progress.update(() => `dynatrace: ${n} tokens`); progress.done();
 */
export function progressFor(io: Io): Progress {
  if (io.stderr.isTTY !== true) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2K${text()}`);
    },
    done() {
      if (shown) io.stderr.write("\r\u001b[2K");
      shown = false;
    },
  };
}
