import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

const MODULE = new URL("../dist/standard-stream.js", import.meta.url).href;

/** 100,000 numbered lines (1.1 MB): far more than a pipe holds (64 kB on Linux). */
const LINES = Array.from({ length: 100_000 }, (_, i) => `line ${i}\n`);

/**
 * A child that writes LINES but the last to standard output through `standardStream(1)` (half
 * of them at once, the others one by one), says on
 * standard error whether `process.stdout` holds bytes still to be written (a write went through
 * the stream), then writes the last line with `writeAndWait`.
 */
function writer(nonBlocking: boolean): string {
  return `
    import { standardStream } from ${JSON.stringify(MODULE)};
    // Building process.stdout on a pipe opens it as a libuv pipe, which makes the descriptor non-blocking.
    ${nonBlocking ? "process.stdout;" : ""}
    const out = standardStream(1);
    const lines = Array.from({ length: ${LINES.length} }, (_, i) => \`line \${i}\\n\`);
    // The first half in one write: the pipe takes part of it (a short write), then refuses the rest.
    out.write(lines.slice(0, ${LINES.length / 2}).join(""));
    for (const line of lines.slice(${LINES.length / 2}, -1)) out.write(line);
    standardStream(2).write(\`written; through the stream: \${process.stdout.writableLength > 0}\\n\`);
    await out.writeAndWait(lines.at(-1));
  `;
}

describe("standardStream: output written straight to the descriptor", () => {
  it.each([
    { given: "a pipe the reader drains (blocking descriptor)", nonBlocking: false, hold: false, want: { stream: false } },
    {
      given: "a full non-blocking pipe (EAGAIN): the rest goes through process.stdout",
      nonBlocking: true,
      hold: true,
      want: { stream: true },
    },
  ])("$given: every byte, in order", async ({ nonBlocking, hold, want }) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", writer(nonBlocking)], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    const written = new Promise<void>((resolve) =>
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("\n")) resolve();
      }),
    );
    const chunks: Buffer[] = [];
    // Holding: nothing is read until the child has written everything, so the pipe fills up.
    if (hold) {
      child.stdout.pause();
      await written;
    }
    child.stdout.on("data", (d: Buffer) => chunks.push(d)).resume();
    const [code] = await once(child, "close");
    expect(stderr).toBe(`written; through the stream: ${want.stream}\n`);
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(LINES.join(""));
  });
});
