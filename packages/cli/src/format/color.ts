import type { Io } from "../io.js";

/** ANSI styles used by the command. */
const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/** A styling function per style; identity when colour is off. */
export type Paint = { readonly [K in keyof typeof CODES]: (text: string) => string };

/**
 * Colours only on a terminal, and never when `NO_COLOR` is set (any value) or `TERM=dumb`;
 * `FORCE_COLOR` turns them on for a pipe.
 *
 * @see https://no-color.org/
 */
export function paintFor(io: Io, stream: "stdout" | "stderr" = "stdout"): Paint {
  const { env } = io;
  const on = env.NO_COLOR === undefined && env.TERM !== "dumb" && (env.FORCE_COLOR !== undefined || io[stream].isTTY === true);
  const style = ([open, close]: readonly [number, number]) =>
    on ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text;
  return Object.fromEntries(Object.entries(CODES).map(([name, codes]) => [name, style(codes)])) as unknown as Paint;
}
