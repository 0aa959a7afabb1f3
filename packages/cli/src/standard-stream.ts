/** The process's standard output or error, as the command writes to it. */
export interface StandardStream {
  write(text: string): void;
  /** Writes and resolves once the text is handed to the system; rejects when the write fails or the stream is closed. */
  writeAndWait(text: string): Promise<void>;
  /** Whether it is a terminal (asks `process.stdout`/`process.stderr`). */
  readonly isTTY: boolean | undefined;
  /**
   * Whether the reader is gone (`EPIPE`: `apitokens list | head` once head has its lines) or a
   * write failed for good: what was not written is dropped, and so is every later write.
   */
  readonly closed: boolean;
  /**
   * Why a write failed, when it was not the reader going away (`ENOSPC` on a full disk, `EIO`):
   * the output is incomplete, which the command must say (bin.ts does, on stderr).
   */
  readonly failure: string | undefined;
  /**
   * Resolves once everything written so far has reached the system or failed: writes handed to
   * `process.stdout` after a full pipe finish later, and their outcome (a reader gone) decides
   * the exit code. At once when every write went straight to the file descriptor.
   */
  settled(): Promise<void>;
}

/** The error a write to a closed stream rejects with. */
function closedError(fd: 1 | 2): NodeJS.ErrnoException {
  return Object.assign(new Error(`${fd === 1 ? "stdout" : "stderr"} is closed (EPIPE)`), { code: "EPIPE" });
}

/**
 * Standard output (`1`) or error (`2`), written with `fs.writeSync` until a write fails. Node
 * builds `process.stdout` on first use, and on a pipe that is a `net.Socket`: the stream and
 * net modules load, a cost `apitokens --help` would pay for two kilobytes of text. Written
 * directly, the text reaches a file, pipe or terminal the same way (`process.stdout` writes
 * them synchronously on Linux too). A write that cannot go on now (`EAGAIN` on a non-blocking
 * pipe that is full) hands what is left to `process.stdout`/`process.stderr`, and so does every
 * write after it: they wait for a full pipe.
 *
 * A reader that closes early (`EPIPE`, straight or from the stream) or any other failed write
 * closes the stream: nothing more is written to it, no error is thrown or emitted (the command
 * goes on and ends quietly; bin.ts turns its exit code 0 into `EXIT.closed`), and `writeAndWait`
 * rejects, so a secret meant for it goes to its fallback place.
 *
 * @example const out = standardStream(1); out.write("hello\n");
 * @see https://nodejs.org/api/process.html#a-note-on-process-io
 */
export function standardStream(fd: 1 | 2): StandardStream {
  const { writeSync } = process.getBuiltinModule("node:fs");
  let listening = false;
  const stream = () => {
    const s = fd === 1 ? process.stdout : process.stderr;
    if (!listening) {
      listening = true;
      // The stream reports a failed write here as well as to the write's callback; unheard, it would crash the process.
      s.on("error", fail);
    }
    return s;
  };
  let direct = true;
  let closed = false;
  let failure: string | undefined;
  const fail = (error: unknown) => {
    closed = true;
    const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
    if (code !== "EPIPE") failure ??= code ?? String((error as Error | undefined)?.message ?? error);
  };
  const send = (text: string, done?: (error?: Error | null) => void) => {
    if (closed) {
      done?.(closedError(fd));
      return;
    }
    if (!direct) {
      stream().write(text, (error) => {
        if (error) fail(error);
        done?.(error);
      });
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") {
        fail(error);
        done?.(error as Error);
        return;
      }
      direct = false;
      stream().write(bytes.subarray(offset), (error) => {
        if (error) fail(error);
        done?.(error);
      });
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
    get closed() {
      return closed;
    },
    get failure() {
      return failure;
    },
    settled() {
      if (direct || closed) return Promise.resolve();
      // Writes to the stream complete in order: the callback of an empty one comes after all before it.
      return new Promise((resolve) => stream().write("", () => resolve()));
    },
  };
}
