/** The process's standard output or error, as the command writes to it. */
export interface StandardStream {
  write(text: string): void;
  /** Writes and resolves once the text is handed to the system; rejects when the write fails. */
  writeAndWait(text: string): Promise<void>;
  /** Whether it is a terminal (asks `process.stdout`/`process.stderr`). */
  readonly isTTY: boolean | undefined;
}

/**
 * Standard output (`1`) or error (`2`), written with `fs.writeSync` until a write fails. Node
 * builds `process.stdout` on first use, and on a pipe that is a `net.Socket`: the stream and
 * net modules load, a cost `apitokens --help` would pay for two kilobytes of text. Written
 * directly, the text reaches a file, pipe or terminal the same way (`process.stdout` writes
 * them synchronously on Linux too). A write that fails (`EAGAIN` on a non-blocking pipe that is
 * full, `EPIPE` when the reader is gone) hands what is left to `process.stdout`/`process.stderr`,
 * and so does every write after it: they wait for a full pipe and report errors as they always did.
 *
 * @example const out = standardStream(1); out.write("hello\n");
 * @see https://nodejs.org/api/process.html#a-note-on-process-io
 */
export function standardStream(fd: 1 | 2): StandardStream {
  const { writeSync } = process.getBuiltinModule("node:fs");
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  let direct = true;
  const send = (text: string, done?: (error?: Error | null) => void) => {
    if (!direct) {
      stream().write(text, done);
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    } catch {
      direct = false;
      stream().write(bytes.subarray(offset), done);
      return;
    }
    done?.(null);
  };
  return {
    write(text) {
      send(text);
    },
    writeAndWait(text) {
      return new Promise((resolve, reject) => send(text, (error) => (error ? reject(error) : resolve())));
    },
    get isTTY() {
      return stream().isTTY;
    },
  };
}
