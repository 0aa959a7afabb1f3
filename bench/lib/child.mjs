import { fork } from "node:child_process";

/**
 * Runs one measurement in a fresh Node process, so no section inherits another's heap, JIT
 * state or open sockets, and resolves with the value the child sends (`process.send`).
 * The child's stderr passes through; a child that dies or sends nothing rejects.
 *
 * @example const result = await runChild(new URL("../overhead/measure.mjs", import.meta.url), { execArgv: ["--expose-gc"] });
 */
export function runChild(script, { args = [], execArgv = [], timeoutMs = 240_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"], ...(env ? { env } : {}) });
    let result;
    let failure;
    const timer = setTimeout(() => {
      failure = new Error(`${script} took longer than ${timeoutMs} ms`);
      child.kill();
    }, timeoutMs);
    child.on("message", (message) => {
      if (message?.error) failure = new Error(message.error);
      else result = message?.result;
    });
    child.on("error", (error) => {
      failure ??= error;
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (result === undefined) reject(new Error(`${script} exited (${signal ?? code}) without a result`));
      else resolve(result);
    });
  });
}

/**
 * The child side: runs `main`, sends its result (or its error) to the parent, then exits.
 *
 * @example reportToParent(async () => ({ rows }));
 */
export async function reportToParent(main) {
  try {
    const result = await main();
    await send({ result });
    process.exit(0);
  } catch (error) {
    await send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
}

function send(message) {
  return new Promise((resolve) => {
    if (!process.send) {
      console.log(JSON.stringify(message, null, 2));
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}
