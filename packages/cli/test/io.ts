import * as fs from "node:fs/promises";
import type { Io } from "../src/io.js";

/** An in-process Io that records what the command writes (for tests that run `main` many times). */
export function recordingIo(env: Record<string, string | undefined>, options: { stdin?: string; tty?: boolean; answer?: string } = {}) {
  const io = {
    out: "",
    err: "",
    stdout: { write: (t: string) => ((io.out += t), true), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => ((io.err += t), true), isTTY: options.tty ?? false },
    stdin: { isTTY: options.tty ?? false },
    async write(stream: "stdout" | "stderr", text: string) {
      (stream === "stdout" ? io.stdout : io.stderr).write(text);
    },
    readStdin: async () => options.stdin ?? "",
    ask: async (question: string) => {
      io.err += question;
      return options.answer ?? "";
    },
    env,
    fs,
    now: () => new Date(),
  } satisfies Io & { out: string; err: string };
  return io;
}
