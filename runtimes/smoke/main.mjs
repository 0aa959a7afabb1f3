// Entry for runtimes that run a module file (Node, Bun, Deno): one `SMOKE {json}` line on stdout.
import { smoke } from "./smoke.mjs";

console.log(`SMOKE ${JSON.stringify(await smoke())}`);
