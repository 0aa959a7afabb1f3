import * as fs from "node:fs/promises";
import type { FileSystem, Io } from "../src/io.js";

/** What a command wrote. */
export interface Recorded {
  out: string;
  err: string;
}

/** An in-process Io that records what the command writes (for tests that run `main` many times). */
export function recordingIo(
  env: Record<string, string | undefined>,
  options: { stdin?: string; tty?: boolean; stderrTty?: boolean; answer?: string; fs?: FileSystem } = {},
): Io & Recorded {
  const recorded: Recorded = { out: "", err: "" };
  const out = (text: string) => {
    recorded.out += text;
    return true;
  };
  const err = (text: string) => {
    recorded.err += text;
    return true;
  };
  const io: Io = {
    stdout: { write: out, isTTY: options.tty ?? false },
    stderr: { write: err, isTTY: options.stderrTty ?? options.tty ?? false },
    stdin: { isTTY: options.tty ?? false },
    async write(stream, text) {
      (stream === "stdout" ? out : err)(text);
    },
    readStdin: async () => options.stdin ?? "",
    ask: async (question) => {
      err(question);
      return options.answer ?? "";
    },
    env,
    fs: options.fs ?? fs,
    now: () => new Date(),
  };
  return Object.defineProperties(io, {
    out: { get: () => recorded.out },
    err: { get: () => recorded.err },
  }) as Io & Recorded;
}
