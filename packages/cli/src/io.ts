import type * as FsPromises from "node:fs/promises";
import { standardStream } from "./standard-stream.js";

/** The file operations the command uses; tests pass their own to make a write fail. */
export type FileSystem = Pick<typeof FsPromises, "open" | "stat" | "mkdir" | "unlink" | "readFile">;

/** Where the command reads and writes; tests pass their own. */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  readonly stdin: { readonly isTTY?: boolean | undefined };
  /** Writes and resolves once the text is handed to the system (rejects when the write fails). */
  write(stream: "stdout" | "stderr", text: string): Promise<void>;
  /** Reads all of standard input (for `leaked -`). */
  readStdin(): Promise<string>;
  /** Asks a question on stderr and reads one line of the terminal's answer. */
  ask(question: string): Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fs: FileSystem;
  /** Current time, for audits and date checks. */
  now(): Date;
}

/** How the command's output ended: see {@link outputOutcome}. */
export interface OutputOutcome {
  /** The reader of standard output or error went away before the command was done (`| head`). */
  readonly closed: boolean;
  /** Why writing standard output failed when the reader did not simply go away (`ENOSPC` on a full disk): the output is incomplete. */
  readonly failure: string | undefined;
}

/**
 * How the standard streams ended, once everything written to them so far has been written or
 * has failed (output handed to `process.stdout` after a full pipe finishes later): see
 * `standardStream`. Never closed and no failure for an `Io` other than {@link processIo}'s.
 */
export async function outputOutcome(io: Io): Promise<OutputOutcome> {
  const streams = [io.stdout, io.stderr] as { closed?: unknown; failure?: unknown; settled?: () => Promise<void> }[];
  await Promise.all(streams.map((stream) => stream.settled?.()));
  const failure = streams[0]?.failure;
  return { closed: streams.some((stream) => stream.closed === true), failure: typeof failure === "string" ? failure : undefined };
}

/**
 * The process's own streams and environment. Output is written straight to file descriptors 1
 * and 2 (`standardStream`); standard input is opened, and readline loaded, only by the commands
 * that read them (opening stdin costs a terminal or pipe handle at start).
 */
export function processIo(): Io {
  const stdout = standardStream(1);
  const stderr = standardStream(2);
  return {
    stdout,
    stderr,
    get stdin() {
      return process.stdin;
    },
    write(stream, text) {
      return (stream === "stdout" ? stdout : stderr).writeAndWait(text);
    },
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    async ask(question) {
      const { createInterface } = await import("node:readline");
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      return new Promise((resolve) => {
        rl.question(question, (answer) => {
          rl.close();
          resolve(answer);
        });
        rl.on("close", () => resolve(""));
      });
    },
    env: process.env,
    get fs() {
      return process.getBuiltinModule("node:fs/promises");
    },
    now: () => new Date(),
  };
}
